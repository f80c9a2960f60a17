package vn.binhduong.sct.indicator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The page after a cursor is planned as a range scan on the list's keyset index, with no sort: what the lists ask
 * PostgreSQL for (the same row comparison and order), with sequential and bitmap scans priced out so the plan shows
 * whether the index can serve it at all (on a test-sized table the planner would otherwise just scan).
 */
@QuarkusTest
class KeysetIndexTest {
    private static final String UUID = "CAST('00000000-0000-0000-0000-000000000000' AS uuid)";

    @Inject
    EntityManager em;

    private void plan(String sql, String index) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            em.createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> lines = em.createNativeQuery("EXPLAIN " + sql).getResultList();
            String text = String.join("\n", lines.stream().map(String::valueOf).toList());
            assertTrue(text.contains(index), sql + "\nshould use " + index + ":\n" + text);
            assertFalse(text.contains("Sort"), sql + "\nshould need no sort:\n" + text);
        });
    }

    @Test
    void thePageAfterACursorIsAnIndexRangeScanWithoutASort() {
        String values = "(organization, period_start, period_end, indicator_id) > ('SCT-BD', DATE '2021-01-01', "
                + "DATE '2021-12-31', " + UUID + ") ORDER BY organization, period_start, period_end, indicator_id LIMIT 21";
        plan("SELECT * FROM indicator_value WHERE " + values, "indicator_value_keyset_end");
        plan("SELECT * FROM indicator_value WHERE organization = 'SCT-BD' AND " + values, "indicator_value_keyset_end");
        plan("SELECT * FROM plan_target WHERE organization = 'SCT-BD' AND " + values, "plan_target_keyset");
        plan("SELECT * FROM audit_entry WHERE (at, id) < (TIMESTAMPTZ '2021-12-31 00:00:00+07', " + UUID
                + ") ORDER BY at DESC, id DESC LIMIT 21", "audit_entry_keyset");
    }
}
