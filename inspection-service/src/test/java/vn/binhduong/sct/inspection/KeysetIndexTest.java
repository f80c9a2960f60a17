package vn.binhduong.sct.inspection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.inspection.api.ComplianceResource;
import vn.binhduong.sct.inspection.api.PartyInspectionResource;
import vn.binhduong.sct.inspection.api.StateInspectionResource;

/**
 * Each keyset list's order is exactly an index (V2__keyset_indexes.sql): the page after a cursor, with the list's own
 * sort key, is planned as an index scan with no sort. Sequential and bitmap scans are switched off for the plan, since
 * these test tables are too small for the planner to prefer an ordered index scan on its own.
 */
@QuarkusTest
class KeysetIndexTest {
    @Inject
    EntityManager em;

    String plan(String table, String order, String after, String index) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            em.createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> lines = em.createNativeQuery("EXPLAIN SELECT * FROM " + table + " WHERE (" + order + ") > ("
                    + after + ") ORDER BY " + order + " LIMIT 21").getResultList();
            String text = String.join("\n", lines.stream().map(String::valueOf).toList());
            assertTrue(text.contains(index), table + " should use " + index + ":\n" + text);
            assertFalse(text.contains("Sort"), table + " should need no sort:\n" + text);
            return text;
        });
    }

    @Test
    void thePageAfterACursorIsAnIndexRangeScanWithoutASort() {
        String uuid = "CAST('00000000-0000-0000-0000-000000000000' AS uuid)";
        plan("state_inspection", StateInspectionResource.INSPECTION_ORDER, "2021, DATE '2021-05-01', " + uuid, "state_inspection_keyset");
        plan("penalty_decision", StateInspectionResource.PENALTY_ORDER, "2021, DATE '2021-05-01', " + uuid, "penalty_decision_keyset");
        plan("inspection_item", PartyInspectionResource.ITEM_ORDER, "DATE '2021-05-01', " + uuid, "inspection_item_keyset");
        plan("compliance_visit", ComplianceResource.VISIT_ORDER, "2021, DATE '2021-05-01', " + uuid, "compliance_visit_keyset");
        plan("known_party_unit", "(" + PartyInspectionResource.KNOWN_UNIT_ORDER + ")", "100", "known_party_unit_pkey");
    }
}
