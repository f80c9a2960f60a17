package vn.binhduong.sct.report.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.report.domain.Rating;
import vn.binhduong.sct.report.domain.Unit;

/**
 * Writes the projection tables. Every write is order-independent across partitions, so a replay in any interleaving
 * rebuilds identical figures: a stated figure keeps the value with the latest (as-of, occurred-at, event id); a summed
 * figure is recounted from its contributions and credits the latest event that touched it.
 *
 * <p>Contributions and stated figures are written as each event is applied; the recounts they call for (a summed
 * metric, its categories, the figures derived from others) are collected and done once per inbox batch, in
 * {@link #endBatch()}, inside the batch's transaction: a batch of 500 ratings of one organisation recounts its rating
 * distribution once, not 500 times. The values are the same either way (each recount reads the whole state); the
 * credit goes to the latest event of the batch that touched the figure, as a per-event recount would leave it.
 * Used only from the inbox consumer's single thread.
 */
@ApplicationScoped
public class FigureStore {
    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    private final EntityManager em;
    /** Metrics to recount at the end of the batch: "org\u0000year\u0000metric" to its unit and credit. */
    private final Map<String, Pending> metrics = new java.util.TreeMap<>();
    /** Organisation-years whose derived figures are to be recomputed: "org\u0000year" to the credit. */
    private final Map<String, Pending> derivations = new java.util.TreeMap<>();

    private record Pending(String org, int year, String metric, Unit unit, EventEnvelope credit) {
        Pending later(Unit newUnit, EventEnvelope e) {
            return new Pending(org, year, metric, newUnit, Credit.later(e, credit) ? e : credit);
        }
    }

    public FigureStore(EntityManager em) {
        this.em = em;
    }

    /** A figure stated by an event (a snapshot, a plan target, a value as a document states it). */
    public void state(String org, int year, String key, BigDecimal value, String text, Unit unit, LocalDate asOf,
            EventEnvelope event) {
        em.createNativeQuery("""
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (organization, year, figure_key) DO UPDATE SET value = EXCLUDED.value,
                    text_value = EXCLUDED.text_value, unit = EXCLUDED.unit, as_of = EXCLUDED.as_of,
                    event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type, occurred_at = EXCLUDED.occurred_at
                WHERE (COALESCE(figure.as_of, DATE '0001-01-01'), figure.occurred_at, figure.event_id)
                   <= (COALESCE(EXCLUDED.as_of, DATE '0001-01-01'), EXCLUDED.occurred_at, EXCLUDED.event_id)""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, key)
                .setParameter(4, value).setParameter(5, text).setParameter(6, unit.code())
                .setParameter(7, asOf == null ? null : Date.valueOf(asOf))
                .setParameter(8, event.id()).setParameter(9, event.type())
                .setParameter(10, Timestamp.from(event.occurredAt().toInstant()))
                .executeUpdate();
    }

    /** A figure recomputed from other rows: the value always follows, the credit goes to the latest event. */
    public void aggregate(String org, int year, String key, BigDecimal value, Unit unit, LocalDate asOf, EventEnvelope event) {
        em.createNativeQuery("""
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (organization, year, figure_key) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit,
                    as_of = EXCLUDED.as_of,
                    event_id = CASE WHEN (figure.occurred_at, figure.event_id) <= (EXCLUDED.occurred_at, EXCLUDED.event_id)
                                    THEN EXCLUDED.event_id ELSE figure.event_id END,
                    event_type = CASE WHEN (figure.occurred_at, figure.event_id) <= (EXCLUDED.occurred_at, EXCLUDED.event_id)
                                    THEN EXCLUDED.event_type ELSE figure.event_type END,
                    occurred_at = GREATEST(figure.occurred_at, EXCLUDED.occurred_at)""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, key)
                .setParameter(4, value).setParameter(5, unit.code())
                .setParameter(6, asOf == null ? null : Date.valueOf(asOf))
                .setParameter(7, event.id()).setParameter(8, event.type())
                .setParameter(9, Timestamp.from(event.occurredAt().toInstant()))
                .executeUpdate();
    }

    /** Sets (or replaces) one subject's contribution to a summed metric, then recounts the metric. */
    public void contribute(String org, int year, String metric, String subject, String category, String label,
            BigDecimal value, Unit unit, LocalDate asOf, EventEnvelope event) {
        em.createNativeQuery("""
                INSERT INTO projection_contribution (organization, year, metric, subject_id, category, label, value, unit,
                    as_of, event_id, event_type, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                ON CONFLICT (organization, year, metric, subject_id) DO UPDATE SET category = EXCLUDED.category,
                    label = EXCLUDED.label, value = EXCLUDED.value, unit = EXCLUDED.unit, as_of = EXCLUDED.as_of,
                    event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type, occurred_at = EXCLUDED.occurred_at
                WHERE (projection_contribution.occurred_at, projection_contribution.event_id)
                   <= (EXCLUDED.occurred_at, EXCLUDED.event_id)""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, metric).setParameter(4, subject)
                .setParameter(5, category).setParameter(6, label).setParameter(7, value).setParameter(8, unit.code())
                .setParameter(9, asOf == null ? null : Date.valueOf(asOf))
                .setParameter(10, event.id()).setParameter(11, event.type())
                .setParameter(12, Timestamp.from(event.occurredAt().toInstant()))
                .executeUpdate();
        if (category != null) {
            em.createNativeQuery("""
                    INSERT INTO projection_category (organization, year, metric, category) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, org).setParameter(2, year).setParameter(3, metric).setParameter(4, category)
                    .executeUpdate();
        }
        pendingRecount(org, year, metric, unit, event);
    }

    /** Withdraws one subject's contribution (a dissolved cell, a relieved committee member), then recounts. */
    public void withdraw(String org, int year, String metric, String subject, Unit unit, EventEnvelope event) {
        em.createNativeQuery("DELETE FROM projection_contribution WHERE organization = ?1 AND year = ?2 AND metric = ?3 AND subject_id = ?4")
                .setParameter(1, org).setParameter(2, year).setParameter(3, metric).setParameter(4, subject)
                .executeUpdate();
        pendingRecount(org, year, metric, unit, event);
    }

    private void pendingRecount(String org, int year, String metric, Unit unit, EventEnvelope event) {
        metrics.merge(org + '\u0000' + year + '\u0000' + metric, new Pending(org, year, metric, unit, event),
                (had, now) -> had.later(unit, event));
    }

    /** The derived figures of this organisation and year are recomputed at the end of the batch. */
    public void derive(String org, int year, EventEnvelope event) {
        derivations.merge(org + '\u0000' + year, new Pending(org, year, null, null, event), (had, now) -> had.later(null, event));
    }

    /** Starts a batch: forgets what an earlier, possibly failed, attempt collected. */
    public void beginBatch() {
        metrics.clear();
        derivations.clear();
    }

    /** Does the recounts the batch's events called for: each metric once, then each organisation-year's derivations once. */
    public void endBatch() {
        for (Pending p : metrics.values()) {
            recount(p.org(), p.year(), p.metric(), p.unit(), p.credit());
            derive(p.org(), p.year(), p.credit());
        }
        metrics.clear();
        for (Pending p : derivations.values()) {
            deriveNow(p.org(), p.year(), p.credit());
        }
        derivations.clear();
    }

    private void recount(String org, int year, String metric, Unit unit, EventEnvelope event) {
        Object[] total = (Object[]) em.createNativeQuery("""
                SELECT COALESCE(SUM(value), 0), MAX(as_of), MIN(value), MAX(value) FROM projection_contribution
                WHERE organization = ?1 AND year = ?2 AND metric = ?3""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, metric).getSingleResult();
        aggregate(org, year, metric, (BigDecimal) total[0], unit, toDate(total[1]), event);
        if (metric.startsWith("covid-inspection.reported.") && total[2] != null) {
            // the same count stated by several reports: keep the lowest and the highest, the annex compares them
            aggregate(org, year, metric + ".min", (BigDecimal) total[2], unit, toDate(total[1]), event);
            aggregate(org, year, metric + ".max", (BigDecimal) total[3], unit, toDate(total[1]), event);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.category, COALESCE(SUM(p.value), 0), MAX(p.as_of) FROM projection_category c
                LEFT JOIN projection_contribution p ON p.organization = c.organization AND p.year = c.year
                     AND p.metric = c.metric AND p.category = c.category
                WHERE c.organization = ?1 AND c.year = ?2 AND c.metric = ?3
                GROUP BY c.category ORDER BY c.category""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, metric).getResultList();
        for (Object[] r : rows) {
            aggregate(org, year, metric + "." + Rating.slug((String) r[0]), (BigDecimal) r[1], unit, toDate(r[2]), event);
        }
    }

    /** Figures computed from other figures of the same organisation and year. */
    private void deriveNow(String org, int year, EventEnvelope event) {
        Map<String, BigDecimal> f = values(org, year);
        ratio(org, year, f, "covid.tests.positive-rate", "covid.tests.positive", "covid.tests.cumulative", event);
        ratio(org, year, f, "covid.retail.markets.operating-rate", "covid.retail.markets.operating", "covid.retail.markets.total", event);
        ratio(org, year, f, "party-inspection.plan.completion-rate", "party-inspection.plan.items.completed",
                "party-inspection.plan.items", event);
        for (String subject : List.of("members", "cells")) {
            String p = "evaluation." + subject + ".";
            if (f.containsKey(p + "excellent") || f.containsKey(p + "good")) {
                BigDecimal goodOrBetter = f.getOrDefault(p + "excellent", BigDecimal.ZERO).add(f.getOrDefault(p + "good", BigDecimal.ZERO));
                aggregate(org, year, p + "good-or-better", goodOrBetter, Unit.COUNT, null, event);
                f.put(p + "good-or-better", goodOrBetter);
            }
        }
        ratio(org, year, f, "evaluation.members.excellent-share", "evaluation.members.excellent", "evaluation.members.good-or-better", event);
    }

    private void ratio(String org, int year, Map<String, BigDecimal> f, String key, String part, String whole, EventEnvelope event) {
        // counts computed from the records first; counts stated in a source document when there are no records
        BigDecimal p = f.containsKey(part) ? f.get(part) : f.get(part + ".stated");
        BigDecimal w = f.containsKey(whole) ? f.get(whole) : f.get(whole + ".stated");
        if (p != null && w != null && w.signum() != 0) {
            aggregate(org, year, key, p.multiply(BigDecimal.valueOf(100)).divide(w, 6, RoundingMode.HALF_UP), Unit.PERCENT,
                    null, event);
        }
    }

    /** The figures {@link #derive} reads: each ratio's part and whole (and their stated forms), the rating counts. */
    private static final String DERIVE_INPUTS = java.util.stream.Stream.of("covid.tests.positive", "covid.tests.cumulative",
            "covid.retail.markets.operating", "covid.retail.markets.total", "party-inspection.plan.items.completed",
            "party-inspection.plan.items", "evaluation.members.excellent", "evaluation.members.good",
            "evaluation.members.good-or-better", "evaluation.cells.excellent", "evaluation.cells.good",
            "evaluation.cells.good-or-better")
            .flatMap(k -> java.util.stream.Stream.of(k, k + ".stated")).map(k -> "'" + k + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    private Map<String, BigDecimal> values(String org, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT figure_key, value FROM figure WHERE organization = ?1 AND year = ?2 AND value IS NOT NULL"
                        + " AND figure_key IN (" + DERIVE_INPUTS + ")")
                .setParameter(1, org).setParameter(2, year).getResultList();
        Map<String, BigDecimal> result = new HashMap<>();
        rows.forEach(r -> result.put((String) r[0], (BigDecimal) r[1]));
        return result;
    }

    /** Empties every projection table: the reset of a rebuild. */
    public void clearAll() {
        for (String table : List.of("figure", "projection_contribution", "projection_category", "projection_member", "projection_indicator_violation",
                "projection_indicator_unit", "event_tally")) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

    static LocalDate toDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    static LocalDate noDate() {
        return NO_DATE;
    }
}
