package vn.binhduong.sct.report.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import vn.binhduong.sct.report.domain.Unit;

/**
 * Summed figures kept by difference (a batch adds what its contributions changed to the metric's total and its
 * categories' sums) equal what a recount of all the metric's contributions gives, after every batch of a random mix:
 * new subjects, a subject's value changed, a subject moved to another category, an as-of moved earlier or later or
 * cleared, an event older than the stored one (not applied), a withdrawal, a category seen for the
 * first time. The recount runs in a transaction that is rolled back, so a wrong difference stays and is seen again.
 */
@QuarkusTest
class SummedFigureDeltaTest {
    private static final List<String> CATEGORIES = List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "Hoàn thành");
    private static final List<String> METRICS = List.of("t.rated", "t.summed");

    @Inject
    EntityManager em;

    @Test
    void differencesGiveTheFiguresARecountGives() {
        FigureStore store = new FigureStore(em);
        Random random = new Random(20220101L);
        String org = "T-SUM-" + Long.toString(System.nanoTime(), 36);
        OffsetDateTime clock = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int byDifference = 0;
        Map<String, EventEnvelope> latest = new TreeMap<>();
        for (int batch = 0; batch < 80; batch++) {
            int size = 1 + random.nextInt(10);
            List<Object[]> ops = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                clock = clock.plusSeconds(1 + random.nextInt(30));
                // now and then an event older than what is stored: the contribution keeps the newer one
                // (a microsecond past the whole seconds of the clock, so no two events occur at the same time)
                OffsetDateTime at = random.nextInt(12) == 0 ? clock.minusDays(3).plusNanos(1000) : clock;
                String metric = METRICS.get(random.nextInt(METRICS.size()));
                EventEnvelope e = event(at);
                // mostly subjects not seen before (each adds to the sums), a quarter of them one of 16 seen again
                String subject = random.nextInt(4) == 0 ? "s" + random.nextInt(16) : "n" + batch + "-" + i;
                ops.add(new Object[] { metric, subject, e, random.nextInt(25) == 0 });
                latest.merge(metric, e, (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? a : b);
            }
            // categories: the first batches see three; a fourth and fifth appear later
            int categories = batch < 20 ? 3 : CATEGORIES.size();
            Random values = new Random(batch);
            QuarkusTransaction.requiringNew().run(() -> {
                store.beginBatch();
                for (Object[] op : ops) {
                    String metric = (String) op[0];
                    EventEnvelope e = (EventEnvelope) op[2];
                    if ((Boolean) op[3]) {
                        store.withdraw(org, 2021, metric, (String) op[1], Unit.COUNT, e);
                        continue;
                    }
                    String category = metric.equals("t.rated") ? CATEGORIES.get(values.nextInt(categories)) : null;
                    BigDecimal value = BigDecimal.valueOf(values.nextInt(500), values.nextInt(3));
                    LocalDate asOf = values.nextInt(10) == 0 ? null : LocalDate.of(2021, 1 + values.nextInt(12), 1 + values.nextInt(28));
                    store.contribute(org, 2021, metric, (String) op[1], category, null, value, Unit.COUNT, asOf, e);
                }
                store.endBatch();
            });
            byDifference += store.byDifference();
            Map<String, String> kept = figures(org);
            QuarkusTransaction.begin();
            Map<String, String> recounted;
            try {
                FigureStore fresh = new FigureStore(em);
                EventEnvelope early = event(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                latest.keySet().forEach(m -> fresh.recountNow(org, 2021, m, Unit.COUNT, early));
                recounted = figures(org);
            } finally {
                QuarkusTransaction.rollback();
            }
            assertEquals(recounted, kept, "batch " + batch);
            // a metric's total is credited to the latest event that touched it, as a recount credits it
            for (Map.Entry<String, EventEnvelope> m : latest.entrySet()) {
                assertEquals(m.getValue().id().toString(), credit(org, m.getKey()), "credit of " + m.getKey() + " after batch " + batch);
            }
        }
        assertTrue(byDifference >= 40, "most metric-batches are kept by difference, not recounted: " + byDifference);
    }

    /**
     * Corrections only a recount can follow: the subject holding the latest as-of moves it earlier (the next latest is
     * another subject's), and a subject moves to another category (its old category's latest as-of may be its own).
     */
    @Test
    void aLatestAsOfCorrectedEarlierAndACategoryMoveAreRecounted() {
        FigureStore store = new FigureStore(em);
        String org = "T-SUM-L-" + Long.toString(System.nanoTime(), 36);
        OffsetDateTime at = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        batch(store, org, at, new Object[] { "a", "GOOD", 1, "2021-12-01" }, new Object[] { "b", "GOOD", 1, "2021-06-01" },
                new Object[] { "c", "EXCELLENT", 1, "2021-02-01" });
        assertEquals("2 as of 2021-12-01 count", figures(org).get("t.rated.good"));
        assertEquals(1, batch(store, org, at.plusSeconds(1), new Object[] { "d", "EXCELLENT", 1, "2021-04-01" }),
                "a new subject in a category seen is kept by difference");
        assertEquals("2 as of 2021-04-01 count", figures(org).get("t.rated.excellent"));
        int kept = batch(store, org, at.plusSeconds(2), new Object[] { "a", "GOOD", 1, "2021-03-01" });
        assertEquals("2 as of 2021-06-01 count", figures(org).get("t.rated.good"));
        assertEquals("4 as of 2021-06-01 count", figures(org).get("t.rated"));
        assertEquals(0, kept, "recounted");
        kept = batch(store, org, at.plusSeconds(3), new Object[] { "b", "EXCELLENT", 1, "2021-06-01" });
        assertEquals("1 as of 2021-03-01 count", figures(org).get("t.rated.good"));
        assertEquals("3 as of 2021-06-01 count", figures(org).get("t.rated.excellent"));
        assertEquals(0, kept, "recounted");
    }

    /** One batch of t.rated contributions (subject, category, value, as-of); how many metrics it kept by difference. */
    private int batch(FigureStore store, String org, OffsetDateTime at, Object[]... contributions) {
        QuarkusTransaction.requiringNew().run(() -> {
            store.beginBatch();
            for (Object[] c : contributions) {
                store.contribute(org, 2021, "t.rated", (String) c[0], (String) c[1], null, BigDecimal.valueOf((Integer) c[2]),
                        Unit.COUNT, LocalDate.parse((String) c[3]), event(at));
            }
            store.endBatch();
        });
        return store.byDifference();
    }

    /** The summed figures of the organisation: key to value and as-of. */
    private Map<String, String> figures(String org) {
        Map<String, String> found = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT figure_key, value, as_of, unit FROM figure WHERE organization = ?1 AND year = 2021 AND figure_key LIKE 't.%'""")
                .setParameter(1, org).getResultList();
        for (Object[] r : rows) {
            found.put((String) r[0], (r[1] == null ? "null" : ((BigDecimal) r[1]).stripTrailingZeros().toPlainString())
                    + " as of " + r[2] + " " + r[3]);
        }
        return found;
    }

    private String credit(String org, String metric) {
        return em.createNativeQuery("SELECT event_id FROM figure WHERE organization = ?1 AND year = 2021 AND figure_key = ?2")
                .setParameter(1, org).setParameter(2, metric).getSingleResult().toString();
    }

    private static EventEnvelope event(OffsetDateTime at) {
        return new EventEnvelope(UUID.randomUUID(), "test.contributed", 1, "test", at, "T", "test", "t",
                EventJson.tree(Map.of("n", 1)));
    }
}
