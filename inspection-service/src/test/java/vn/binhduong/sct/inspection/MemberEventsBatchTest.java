package vn.binhduong.sct.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.inspection.domain.KnownPartyUnit;
import vn.binhduong.sct.inspection.events.MemberEventsHandler;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventType;

/**
 * The member-events handler writes a whole inbox batch in a few statements at endBatch: a batch holding duplicates
 * and several events per unit, the same events one batch each (as the inbox retries a failed batch), and a batch
 * applied twice all leave the same read model.
 */
@QuarkusTest
class MemberEventsBatchTest {
    @Inject
    EntityManager em;

    /** One organisation's history, with fresh ids, including an event delivered twice. */
    static List<EventEnvelope> history(String org, Map<String, String> ids) {
        String cb1 = UUID.randomUUID().toString();
        String cb2 = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        ids.put(cb1, "cell-1");
        ids.put(cb2, "cell-2");
        ids.put(member, "member-1");
        EventEnvelope admitted = e("member.admitted", org, "member", member,
                Map.of("memberId", member, "organization", org, "cellCode", "CB1"));
        return List.of(
                e("party-organization.registered", org, "party-organization", UUID.randomUUID().toString(),
                        Map.of("code", org, "name", "Đảng bộ " + org)),
                e("party-cell.registered", org, "cell", cb1, Map.of("cellId", cb1, "organization", org, "cellCode", "CB1",
                        "cellName", "Chi bộ 1")),
                // a cell first known by its code only, its id announced later
                e("party-cell.registered", org, "party-cell", "x", Map.of("organization", org, "cellCode", "CB2")),
                admitted,
                e("party-cell.renamed", org, "cell", cb1, Map.of("cellId", cb1, "organization", org, "name", "Chi bộ Một")),
                admitted,
                e("party-cell.committee-formed", org, "cell", cb2, Map.of("cellId", cb2, "organization", org,
                        "cellCode", "CB2", "cellName", "Chi bộ 2")),
                e("member.transferred", org, "member", member, Map.of("memberId", member, "organization", org, "cellCode", "CB2")),
                e("member.rated", org, "member", member, Map.of("memberId", member, "organization", org, "rating", "GOOD")),
                e("party-organization.year-opened", org, "party-organization", "y", Map.of("organizationCode", org)));
    }

    static EventEnvelope e(String type, String org, String aggregateType, String aggregateId, Map<String, Object> payload) {
        return EventEnvelope.create(EventType.of(type, 1), "member-service", org, aggregateType, aggregateId, payload);
    }

    void applyInBatches(List<List<EventEnvelope>> batches) {
        MemberEventsHandler handler = new MemberEventsHandler(em);
        for (List<EventEnvelope> batch : batches) {
            QuarkusTransaction.requiringNew().run(() -> {
                handler.beginBatch();
                batch.forEach(handler::apply);
                handler.endBatch();
            });
        }
    }

    /** The organisation's rows with its code and the generated ids replaced by stable names. */
    List<String> readModel(String org, Map<String, String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (KnownPartyUnit u : KnownPartyUnit.<KnownPartyUnit>list("organizationCode = ?1 order by kind, code, externalId", org)) {
                rows.add(u.kind + " code=" + (org.equals(u.code) ? "ORG" : u.code) + " id=" + ids.getOrDefault(u.externalId, u.externalId)
                        + " cell=" + u.cellCode + " name=" + (u.name == null ? null : u.name.replace(org, "ORG")) + " last=" + u.lastEventType);
            }
            return rows;
        });
    }

    static String org() {
        return "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void oneBatchWithDuplicatesOneEventPerBatchAndARetriedBatchLeaveTheSameReadModel() {
        List<String> expected = List.of(
                "CELL code=CB1 id=cell-1 cell=CB1 name=Chi bộ Một last=party-cell.renamed",
                "CELL code=CB2 id=cell-2 cell=CB2 name=Chi bộ 2 last=party-cell.committee-formed",
                "MEMBER code=null id=member-1 cell=CB2 name=null last=member.rated",
                "ORGANIZATION code=ORG id=null cell=null name=Đảng bộ ORG last=party-organization.year-opened");

        String whole = org();
        Map<String, String> wholeIds = new HashMap<>();
        applyInBatches(List.of(history(whole, wholeIds)));
        assertEquals(expected, readModel(whole, wholeIds));

        String single = org();
        Map<String, String> singleIds = new HashMap<>();
        applyInBatches(history(single, singleIds).stream().map(List::of).toList());
        assertEquals(expected, readModel(single, singleIds));

        String twice = org();
        Map<String, String> twiceIds = new HashMap<>();
        List<EventEnvelope> events = history(twice, twiceIds);
        applyInBatches(List.of(events, events));
        assertEquals(expected, readModel(twice, twiceIds));

        String halves = org();
        Map<String, String> halvesIds = new HashMap<>();
        List<EventEnvelope> all = history(halves, halvesIds);
        applyInBatches(List.of(all.subList(0, 4), all.subList(4, all.size())));
        assertEquals(expected, readModel(halves, halvesIds));
    }
}
