package vn.binhduong.sct.report.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;

/**
 * The member figures kept by difference (a batch adds what it changed to the organisation's counts) equal the figures
 * a recount of the organisation's members gives, after every batch of a random mix of lifecycle events: registrations,
 * admissions, confirmations, transfers out and in, removals, deaths, updates that take a member off the roll or change
 * a date (which may lower the organisation's latest date), candidates admitted; several events of one member in one
 * batch; dates spread over years so the window moves.
 * The recount runs in a transaction that is rolled back, so a wrong difference stays and is seen again.
 */
@QuarkusTest
class MemberFigureDeltaTest {
    private static final String[] TYPES = { "member.registered", "member.registered", "member.admitted", "member.confirmed",
            "member.transferred-out", "member.transferred-in", "member.removed", "member.deceased", "member.updated",
            "member.updated", "member.suspended", "candidate.admitted" };
    private static final String[] STATUSES = { "OFFICIAL", "PROBATIONARY", "OFFICIAL", "SUSPENDED" };

    @Inject
    EntityManager em;

    @Test
    void differencesGiveTheFiguresARecountGives() {
        MemberRegistryHandler handler = new MemberRegistryHandler(em);
        Random random = new Random(20211231L);
        String run = Long.toString(System.nanoTime(), 36);
        List<String> orgs = List.of("T-DLT-A-" + run, "T-DLT-B-" + run, "T-DLT-C-" + run);
        OffsetDateTime clock = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int byDifference = 0;
        for (int batch = 0; batch < 60; batch++) {
            List<EventEnvelope> events = new ArrayList<>();
            int size = 1 + random.nextInt(12);
            for (int i = 0; i < size; i++) {
                clock = clock.plusSeconds(1 + random.nextInt(60));
                // the first batches reach back to 2012, later ones move the window forward a year at a time, now and then
                int latestYear = 2016 + Math.min(batch / 12, 5);
                events.add(event(random, orgs.get(random.nextInt(orgs.size())), latestYear, clock));
            }
            byDifference += applyAndCompare(handler, orgs, events, "batch " + batch);
        }
        assertTrue(byDifference >= 60, "most organisation-batches are kept by difference, not recounted: " + byDifference);
    }

    /**
     * A member whose date was the organisation's latest is corrected to an earlier one: the latest date (the figures'
     * as-of) falls back to the next member's, which only a recount can know.
     */
    @Test
    void aLatestDateCorrectedEarlierIsRecounted() {
        MemberRegistryHandler handler = new MemberRegistryHandler(em);
        String org = "T-DLT-L-" + Long.toString(System.nanoTime(), 36);
        OffsetDateTime at = OffsetDateTime.of(2022, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        applyAndCompare(handler, List.of(org), List.of(
                member("member.registered", org, "m1", at, "status", "OFFICIAL", "admissionDate", "2015-01-01",
                        "effectiveDate", "2020-03-01"),
                member("member.registered", org, "m2", at.plusSeconds(1), "status", "OFFICIAL", "admissionDate", "2021-06-01",
                        "effectiveDate", "2019-01-01")), "registered");
        assertEquals("1 as of 2021-06-01", figures(List.of(org)).get(org + "/2021/member.admitted.count"));
        int kept = applyAndCompare(handler, List.of(org), List.of(member("member.updated", org, "m2", at.plusSeconds(2),
                "status", "OFFICIAL", "admissionDate", "2021-02-01")), "corrected");
        assertEquals(0, kept, "recounted, not kept by difference");
        assertEquals("1 as of 2021-02-01", figures(List.of(org)).get(org + "/2021/member.admitted.count"));
    }

    /**
     * Applies one batch through the handler (committed), then recounts the organisations in a transaction that is
     * rolled back and asserts the figures are the same; how many organisations the batch kept by difference.
     */
    private int applyAndCompare(MemberRegistryHandler handler, List<String> orgs, List<EventEnvelope> events, String label) {
        QuarkusTransaction.requiringNew().run(() -> {
            handler.beginBatch();
            events.forEach(handler::apply);
            handler.endBatch();
        });
        Map<String, String> kept = figures(orgs);
        Map<String, EventEnvelope> all = new TreeMap<>();
        EventEnvelope early = member("member.updated", orgs.get(0), "none", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0,
                ZoneOffset.UTC));
        orgs.forEach(o -> all.put(o, early));
        QuarkusTransaction.begin();
        Map<String, String> recounted;
        try {
            new MemberRegistryHandler(em).recountAll(all);
            recounted = figures(orgs);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(recounted, kept, label + ": " + events.stream().map(e -> e.type() + " " + e.payload()).toList());
        return handler.byDifference();
    }

    private static EventEnvelope member(String type, String org, String member, OffsetDateTime at, String... fields) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("memberId", member);
        p.put("organization", org);
        for (int i = 0; i < fields.length; i += 2) {
            p.put(fields[i], fields[i + 1]);
        }
        return new EventEnvelope(UUID.randomUUID(), type, 1, "member-service", at, org, "member", member, EventJson.tree(p));
    }

    /** The member figures of these organisations: key to value and as-of, from the database. */
    private Map<String, String> figures(List<String> orgs) {
        Map<String, String> found = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT organization, year, figure_key, value, as_of FROM figure
                WHERE organization = ANY (CAST(?1 AS varchar[])) AND figure_key LIKE 'member.%'""")
                .setParameter(1, vn.binhduong.sct.platform.sql.PgArray.of(orgs)).getResultList();
        for (Object[] r : rows) {
            found.put(r[0] + "/" + r[1] + "/" + r[2], ((java.math.BigDecimal) r[3]).stripTrailingZeros().toPlainString()
                    + " as of " + r[4]);
        }
        return found;
    }

    private static EventEnvelope event(Random random, String org, int latestYear, OffsetDateTime at) {
        String type = TYPES[random.nextInt(TYPES.length)];
        String member = org + "-m" + random.nextInt(14);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("memberId", member);
        p.put("organization", org);
        LocalDate date = LocalDate.of(latestYear - random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
        switch (type) {
            case "member.registered" -> {
                p.put("status", STATUSES[random.nextInt(STATUSES.length)]);
                if (random.nextInt(3) == 0) { // registered late: the admission is the member's latest date
                    p.put("admissionDate", date.toString());
                    p.put("effectiveDate", date.minusYears(1 + random.nextInt(3)).toString());
                } else {
                    p.put("admissionDate", date.minusYears(random.nextInt(3)).toString());
                    p.put("effectiveDate", date.toString());
                }
                if (random.nextBoolean()) {
                    p.put("confirmationDate", date.minusMonths(random.nextInt(30)).toString());
                }
                p.put("religious", random.nextInt(5) == 0);
            }
            case "member.admitted" -> {
                p.put("status", "PROBATIONARY");
                p.put("effectiveDate", date.toString());
            }
            case "candidate.admitted" -> {
                p.put("status", "ADMITTED");
                p.put("admissionDate", date.toString());
                p.put("effectiveDate", date.toString());
            }
            case "member.confirmed" -> {
                p.put("status", "OFFICIAL");
                p.put(random.nextBoolean() ? "confirmationDate" : "effectiveDate", date.toString());
            }
            case "member.transferred-out" -> {
                p.put("status", "TRANSFERRED_OUT");
                p.put("effectiveDate", date.toString());
            }
            case "member.transferred-in" -> {
                p.put("status", "OFFICIAL");
                p.put("from", date.toString());
            }
            case "member.removed" -> {
                p.put("status", "REMOVED");
                p.put("effectiveDate", date.toString());
            }
            case "member.deceased" -> {
                p.put("status", "DECEASED");
                p.put("effectiveDate", date.toString());
            }
            case "member.suspended" -> p.put("status", "SUSPENDED");
            default -> { // member.updated: a corrected date, the roll, religion
                p.put("status", STATUSES[random.nextInt(STATUSES.length)]);
                if (random.nextBoolean()) {
                    p.put("admissionDate", date.minusYears(random.nextInt(5)).toString()); // may lower the latest date
                }
                if (random.nextInt(3) == 0) {
                    p.put("onOfficialRoll", false);
                }
                p.put("religious", random.nextBoolean());
            }
        }
        return new EventEnvelope(UUID.randomUUID(), type, 1, "member-service", at, org, "member", member, EventJson.tree(p));
    }
}
