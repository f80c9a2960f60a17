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
import vn.binhduong.sct.platform.sql.PgArray;
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
    /** Metrics to recount at the end of the batch: org, year and metric to its unit and credit. */
    private final Map<String, Pending> metrics = new java.util.TreeMap<>();
    /** Organisation-years whose derived figures are to be recomputed: organisation and year, to the credit. */
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
    record Aggregate(String org, int year, String key, BigDecimal value, Unit unit, LocalDate asOf, EventEnvelope credit) {
    }

    /** Writes recomputed figures in one statement (keys must be distinct; the last one given for a key is kept). */
    void aggregate(java.util.Collection<Aggregate> rows) {
        Map<String, Aggregate> distinct = new java.util.LinkedHashMap<>();
        rows.forEach(a -> distinct.put(a.org() + '\u0000' + a.year() + '\u0000' + a.key(), a));
        if (distinct.isEmpty()) {
            return;
        }
        List<Aggregate> all = List.copyOf(distinct.values());
        em.createNativeQuery("""
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                SELECT o, y, k, v, NULL, u, a, e, t, ts
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]), CAST(?4 AS numeric[]),
                            CAST(?5 AS varchar[]), CAST(?6 AS date[]), CAST(?7 AS uuid[]), CAST(?8 AS varchar[]),
                            CAST(?9 AS timestamptz[])) AS x(o, y, k, v, u, a, e, t, ts)
                ON CONFLICT (organization, year, figure_key) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit,
                    as_of = EXCLUDED.as_of,
                    """ + Credit.sqlSet("EXCLUDED"))
                .setParameter(1, PgArray.of(all.stream().map(Aggregate::org).toList()))
                .setParameter(2, PgArray.of(all.stream().map(Aggregate::year).toList()))
                .setParameter(3, PgArray.of(all.stream().map(Aggregate::key).toList()))
                .setParameter(4, PgArray.of(all.stream().map(Aggregate::value).toList()))
                .setParameter(5, PgArray.of(all.stream().map(a -> a.unit().code()).toList()))
                .setParameter(6, PgArray.of(all.stream().map(Aggregate::asOf).toList()))
                .setParameter(7, PgArray.of(all.stream().map(a -> a.credit().id()).toList()))
                .setParameter(8, PgArray.of(all.stream().map(a -> a.credit().type()).toList()))
                .setParameter(9, PgArray.of(all.stream().map(a -> a.credit().occurredAt().toInstant()).toList()))
                .executeUpdate();
    }

    private record Contribution(String org, int year, String metric, String subject, String category, String label,
            BigDecimal value, Unit unit, LocalDate asOf, EventEnvelope event) {
        String key() {
            return org + '\u0000' + year + '\u0000' + metric + '\u0000' + subject;
        }
    }

    /** Contributions of this batch not yet written, the newest per subject (a later write of the same subject replaces). */
    private final Map<String, Contribution> contributions = new java.util.LinkedHashMap<>();
    /** Categories of this batch not yet written. */
    private final java.util.Set<List<Object>> categories = new java.util.LinkedHashSet<>();

    /**
     * Sets (or replaces) one subject's contribution to a summed metric; the metric is recounted at the end of the batch.
     * The contribution is kept only if its event is later (occurred-at, id) than the one that set it before, so the order
     * in which partitions deliver does not matter.
     */
    public void contribute(String org, int year, String metric, String subject, String category, String label,
            BigDecimal value, Unit unit, LocalDate asOf, EventEnvelope event) {
        Contribution c = new Contribution(org, year, metric, subject, category, label, value, unit, asOf, event);
        contributions.merge(c.key(), c, (had, now) -> Credit.later(now.event(), had.event()) ? now : had);
        if (category != null) {
            categories.add(List.of(org, year, metric, category));
        }
        pendingRecount(org, year, metric, unit, event);
    }

    /** Withdraws one subject's contribution (a dissolved cell, a relieved committee member); recounted at the batch's end. */
    public void withdraw(String org, int year, String metric, String subject, Unit unit, EventEnvelope event) {
        withdrew = true; // the batch's metrics are recounted: the contributions written here are not read before
        writeContributions(); // what this batch contributed before the withdrawal goes first
        em.createNativeQuery("DELETE FROM projection_contribution WHERE organization = ?1 AND year = ?2 AND metric = ?3 AND subject_id = ?4")
                .setParameter(1, org).setParameter(2, year).setParameter(3, metric).setParameter(4, subject)
                .executeUpdate();
        pendingRecount(org, year, metric, unit, event);
    }

    private void writeContributions() {
        if (!contributions.isEmpty()) {
            List<Contribution> all = List.copyOf(contributions.values());
            contributions.clear();
            em.createNativeQuery("""
                    INSERT INTO projection_contribution (organization, year, metric, subject_id, category, label, value, unit,
                        as_of, event_id, event_type, occurred_at)
                    SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]), CAST(?4 AS varchar[]),
                        CAST(?5 AS varchar[]), CAST(?6 AS varchar[]), CAST(?7 AS numeric[]), CAST(?8 AS varchar[]),
                        CAST(?9 AS date[]), CAST(?10 AS uuid[]), CAST(?11 AS varchar[]), CAST(?12 AS timestamptz[]))
                    ON CONFLICT (organization, year, metric, subject_id) DO UPDATE SET category = EXCLUDED.category,
                        label = EXCLUDED.label, value = EXCLUDED.value, unit = EXCLUDED.unit, as_of = EXCLUDED.as_of,
                        event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type, occurred_at = EXCLUDED.occurred_at
                    WHERE (projection_contribution.occurred_at, projection_contribution.event_id)
                       <= (EXCLUDED.occurred_at, EXCLUDED.event_id)""")
                    .setParameter(1, PgArray.of(all.stream().map(Contribution::org).toList()))
                    .setParameter(2, PgArray.of(all.stream().map(Contribution::year).toList()))
                    .setParameter(3, PgArray.of(all.stream().map(Contribution::metric).toList()))
                    .setParameter(4, PgArray.of(all.stream().map(Contribution::subject).toList()))
                    .setParameter(5, PgArray.of(all.stream().map(Contribution::category).toList()))
                    .setParameter(6, PgArray.of(all.stream().map(Contribution::label).toList()))
                    .setParameter(7, PgArray.of(all.stream().map(Contribution::value).toList()))
                    .setParameter(8, PgArray.of(all.stream().map(c -> c.unit().code()).toList()))
                    .setParameter(9, PgArray.of(all.stream().map(Contribution::asOf).toList()))
                    .setParameter(10, PgArray.of(all.stream().map(c -> c.event().id()).toList()))
                    .setParameter(11, PgArray.of(all.stream().map(c -> c.event().type()).toList()))
                    .setParameter(12, PgArray.of(all.stream().map(c -> c.event().occurredAt().toInstant()).toList()))
                    .executeUpdate();
        }
        if (!categories.isEmpty()) {
            List<List<Object>> all = List.copyOf(categories);
            categories.clear();
            em.createNativeQuery("""
                    INSERT INTO projection_category (organization, year, metric, category)
                    SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]), CAST(?4 AS varchar[]))
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, PgArray.of(all.stream().map(c -> c.get(0)).toList()))
                    .setParameter(2, PgArray.of(all.stream().map(c -> c.get(1)).toList()))
                    .setParameter(3, PgArray.of(all.stream().map(c -> c.get(2)).toList()))
                    .setParameter(4, PgArray.of(all.stream().map(c -> c.get(3)).toList()))
                    .executeUpdate();
        }
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
        roomSet = false;
        withdrew = false;
        metrics.clear();
        derivations.clear();
        contributions.clear();
        categories.clear();
    }

    /**
     * Ends a batch: writes its contributions, recounts every metric they touched (totals, then each category), then
     * recomputes the derived figures of every organisation-year touched. A handful of statements whatever the batch holds.
     */
    public void endBatch() {
        List<Contribution> written = List.copyOf(contributions.values());
        Map<String, Stored> before = metrics.isEmpty() || withdrew ? Map.of() : stored(written);
        writeContributions();
        if (!metrics.isEmpty()) {
            List<Pending> dirty = List.copyOf(metrics.values());
            metrics.clear();
            List<Pending> counted = withdrew ? dirty : addDifferences(dirty, written, before, stored(written));
            aggregate(recount(counted));
            byDifference = dirty.size() - counted.size();
            dirty.forEach(p -> derive(p.org(), p.year(), p.credit()));
        } else {
            byDifference = 0;
        }
        if (!derivations.isEmpty()) {
            List<Pending> dirty = List.copyOf(derivations.values());
            derivations.clear();
            aggregate(derive(dirty));
        }
    }

    /** Recounts one summed metric from all its contributions now (tests compare the differences with it). */
    void recountNow(String org, int year, String metric, Unit unit, EventEnvelope credit) {
        aggregate(recount(List.of(new Pending(org, year, metric, unit, credit))));
    }

    private boolean withdrew;
    private int byDifference;
    /** The metric's total among its categories' sums: no category can be it (PostgreSQL text holds no NUL). */
    private static final String TOTAL = "\u0000total";

    /** How many metrics the last batch kept by difference (the others were recounted). */
    int byDifference() {
        return byDifference;
    }

    /** A contribution as projection_contribution holds it: what a sum, a category's sum and an as-of read. */
    private record Stored(String category, BigDecimal value, LocalDate asOf) {
        BigDecimal amount() {
            return value == null ? BigDecimal.ZERO : value;
        }
    }

    /** The stored contributions of these subjects, by primary key; keyed as {@link Contribution#key()}. */
    @SuppressWarnings("unchecked")
    private Map<String, Stored> stored(List<Contribution> of) {
        Map<String, Stored> found = new HashMap<>();
        if (of.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.organization, c.year, c.metric, c.subject_id, c.category, c.value, c.as_of
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]), CAST(?4 AS varchar[]))
                     AS k(organization, year, metric, subject_id)
                JOIN projection_contribution c ON c.organization = k.organization AND c.year = k.year
                     AND c.metric = k.metric AND c.subject_id = k.subject_id""")
                .setParameter(1, PgArray.of(of.stream().map(Contribution::org).toList()))
                .setParameter(2, PgArray.of(of.stream().map(Contribution::year).toList()))
                .setParameter(3, PgArray.of(of.stream().map(Contribution::metric).toList()))
                .setParameter(4, PgArray.of(of.stream().map(Contribution::subject).toList()))
                .getResultList();
        for (Object[] r : rows) {
            found.put(r[0] + "\u0000" + ((Number) r[1]).intValue() + '\u0000' + r[2] + '\u0000' + r[3],
                    new Stored((String) r[4], (BigDecimal) r[5], toDate(r[6])));
        }
        return found;
    }

    /**
     * Keeps the batch's summed metrics by difference where it can and returns those to recount. A metric's total and
     * each category's sum move by what its subjects' contributions changed (read before and after they were written,
     * by primary key); its as-of and each category's become the later of theirs and the new contributions'; every
     * category ever seen and the total are credited as a recount credits them, in one {@code UPDATE}. A metric is
     * recounted instead when a subject changed category or moved its as-of earlier (only a recount finds the next
     * latest), when it keeps the lowest and highest (covid-inspection.reported.*), or when one of its figure rows is
     * missing (a metric or a category seen for the first time). A difference costs the batch's own contributions; a
     * recount reads all of the metric's, which for a year of a department's test sessions is every session of the year.
     */
    @SuppressWarnings("unchecked")
    private List<Pending> addDifferences(List<Pending> dirty, List<Contribution> written, Map<String, Stored> before,
            Map<String, Stored> after) {
        Map<String, List<Contribution>> byMetric = new HashMap<>();
        written.forEach(c -> byMetric.computeIfAbsent(metricKey(c.org(), c.year(), c.metric()), k -> new java.util.ArrayList<>()).add(c));
        List<Pending> recount = new java.util.ArrayList<>();
        List<Pending> kept = new java.util.ArrayList<>();
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>(); // metric key -> category (or TOTAL) -> difference
        Map<String, Map<String, LocalDate>> asOfs = new HashMap<>();
        for (Pending p : dirty) {
            String key = metricKey(p.org(), p.year(), p.metric());
            boolean differs = !p.metric().startsWith("covid-inspection.reported.");
            Map<String, BigDecimal> sum = new HashMap<>();
            Map<String, LocalDate> asOf = new HashMap<>();
            for (Contribution c : byMetric.getOrDefault(key, List.of())) {
                Stored was = before.get(c.key());
                Stored is = after.get(c.key());
                if (is == null || was != null && (!java.util.Objects.equals(was.category(), is.category())
                        || was.asOf() != null && (is.asOf() == null || is.asOf().isBefore(was.asOf())))) {
                    differs = false;
                    break;
                }
                BigDecimal change = is.amount().subtract(was == null ? BigDecimal.ZERO : was.amount());
                for (String part : is.category() == null ? List.of(TOTAL) : List.of(TOTAL, is.category())) {
                    sum.merge(part, change, BigDecimal::add);
                    if (is.asOf() != null) {
                        asOf.merge(part, is.asOf(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
            if (differs) {
                kept.add(p);
                sums.put(key, sum);
                asOfs.put(key, asOf);
            } else {
                recount.add(p);
            }
        }
        if (kept.isEmpty()) {
            return recount;
        }
        // every category ever seen of each kept metric: a recount credits them all, so the difference does too
        Map<String, List<String>> categories = new HashMap<>();
        List<Object[]> seen = em.createNativeQuery("""
                SELECT k.organization, k.year, k.metric, k.category
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[])) AS d(organization, year, metric)
                JOIN projection_category k ON k.organization = d.organization AND k.year = d.year AND k.metric = d.metric""")
                .setParameter(1, PgArray.of(kept.stream().map(Pending::org).toList()))
                .setParameter(2, PgArray.of(kept.stream().map(Pending::year).toList()))
                .setParameter(3, PgArray.of(kept.stream().map(Pending::metric).toList()))
                .getResultList();
        seen.forEach(r -> categories.computeIfAbsent(metricKey(r[0], r[1], r[2]), k -> new java.util.ArrayList<>()).add((String) r[3]));
        List<Object> org = new java.util.ArrayList<>(), year = new java.util.ArrayList<>(), metric = new java.util.ArrayList<>(),
                figureKey = new java.util.ArrayList<>(), change = new java.util.ArrayList<>(), asOf = new java.util.ArrayList<>(),
                unit = new java.util.ArrayList<>(), id = new java.util.ArrayList<>(), type = new java.util.ArrayList<>(),
                at = new java.util.ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (Pending p : kept) {
            String key = metricKey(p.org(), p.year(), p.metric());
            List<String> parts = new java.util.ArrayList<>();
            parts.add(TOTAL);
            parts.addAll(categories.getOrDefault(key, List.of()));
            for (String c : sums.get(key).keySet()) {
                if (!parts.contains(c)) {
                    parts.add(c); // not among the categories seen: its row is missing, so the metric is recounted
                }
            }
            expected.put(key, parts.size());
            for (String part : parts) {
                org.add(p.org());
                year.add(p.year());
                metric.add(p.metric());
                figureKey.add(TOTAL.equals(part) ? p.metric() : p.metric() + "." + Rating.slug(part));
                change.add(sums.get(key).getOrDefault(part, BigDecimal.ZERO));
                asOf.add(asOfs.get(key).get(part));
                unit.add(p.unit().code());
                id.add(p.credit().id());
                type.add(p.credit().type());
                at.add(p.credit().occurredAt().toInstant());
            }
        }
        List<Object[]> updated = em.createNativeQuery("""
                WITH u AS (UPDATE figure SET value = COALESCE(figure.value, 0) + d.change, unit = d.unit,
                    as_of = GREATEST(figure.as_of, d.as_of),
                    """ + Credit.sqlSet("d") + """
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]), CAST(?4 AS varchar[]),
                            CAST(?5 AS numeric[]), CAST(?6 AS date[]), CAST(?7 AS varchar[]), CAST(?8 AS uuid[]),
                            CAST(?9 AS varchar[]), CAST(?10 AS timestamptz[]))
                     AS d(organization, year, metric, figure_key, change, as_of, unit, event_id, event_type, occurred_at)
                WHERE figure.organization = d.organization AND figure.year = d.year AND figure.figure_key = d.figure_key
                RETURNING d.organization, d.year, d.metric)
                SELECT organization, year, metric, count(*) FROM u GROUP BY organization, year, metric""")
                .setParameter(1, PgArray.of(org)).setParameter(2, PgArray.of(year)).setParameter(3, PgArray.of(metric))
                .setParameter(4, PgArray.of(figureKey)).setParameter(5, PgArray.of(change)).setParameter(6, PgArray.of(asOf))
                .setParameter(7, PgArray.of(unit)).setParameter(8, PgArray.of(id)).setParameter(9, PgArray.of(type))
                .setParameter(10, PgArray.of(at)).getResultList();
        Map<String, Long> found = new HashMap<>();
        updated.forEach(r -> found.put(metricKey(r[0], r[1], r[2]), ((Number) r[3]).longValue()));
        for (Pending p : kept) {
            String key = metricKey(p.org(), p.year(), p.metric());
            if (found.getOrDefault(key, 0L) < expected.get(key)) {
                recount.add(p); // a row was missing: the recount writes them all, over what the difference added
            }
        }
        return recount;
    }

    private static String metricKey(Object org, Object year, Object metric) {
        return org + "\u0000" + ((Number) year).intValue() + "\u0000" + metric;
    }

    /**
     * Each metric's total (and, for counts stated by several reports, the lowest and highest) and each category's sum.
     *
     * <p>One statement: the contributions of each touched key are read once, over an index range of
     * {@code projection_contribution}'s primary key ({@code LATERAL}, a parameterised scan per key, never the whole
     * table), and summed both per key and per key and category ({@code GROUPING SETS}); the categories ever seen come
     * from {@code projection_category} (one that emptied still sums to zero). The batch's {@code work_mem} is raised so
     * the grouping and the categories' order stay in memory.
     */
    @SuppressWarnings("unchecked")
    private List<Aggregate> recount(List<Pending> dirty) {
        Map<String, Pending> byKey = new HashMap<>();
        dirty.forEach(p -> byKey.put(metricKey(p.org(), p.year(), p.metric()), p));
        String orgs = PgArray.of(dirty.stream().map(Pending::org).toList());
        String years = PgArray.of(dirty.stream().map(Pending::year).toList());
        String names = PgArray.of(dirty.stream().map(Pending::metric).toList());
        roomToSort();
        List<Aggregate> out = new java.util.ArrayList<>();
        List<Aggregate> categoryRows = new java.util.ArrayList<>();
        Map<String, Object[]> sums = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(RECOUNT)
                .setParameter(1, orgs).setParameter(2, years).setParameter(3, names).getResultList();
        for (Object[] r : rows) {
            int part = ((Number) r[0]).intValue();
            Pending p = byKey.get(metricKey(r[1], r[2], r[3]));
            if (part == 0) {
                LocalDate asOf = toDate(r[6]);
                out.add(new Aggregate(p.org(), p.year(), p.metric(), (BigDecimal) r[5], p.unit(), asOf, p.credit()));
                if (p.metric().startsWith("covid-inspection.reported.") && r[7] != null) {
                    // the same count stated by several reports: keep the lowest and the highest, the annex compares them
                    out.add(new Aggregate(p.org(), p.year(), p.metric() + ".min", (BigDecimal) r[7], p.unit(), asOf, p.credit()));
                    out.add(new Aggregate(p.org(), p.year(), p.metric() + ".max", (BigDecimal) r[8], p.unit(), asOf, p.credit()));
                }
            } else if (part == 1) {
                sums.put(metricKey(r[1], r[2], r[3]) + '\u0000' + r[4], r);
            } else {
                // a category ever seen (projection_category, in its order): its sum now, zero if it emptied
                Object[] sum = sums.get(metricKey(r[1], r[2], r[3]) + '\u0000' + r[4]);
                categoryRows.add(new Aggregate(p.org(), p.year(), p.metric() + "." + Rating.slug((String) r[4]),
                        sum == null ? BigDecimal.ZERO : (BigDecimal) sum[5], p.unit(), sum == null ? null : toDate(sum[6]), p.credit()));
            }
        }
        out.addAll(categoryRows);
        return out;
    }

    /**
     * The recount of {@link #recount(List)}: part 0 a key's total (with its latest as-of, lowest and highest), part 1 a
     * key's sum per category, part 2 the categories ever seen of each key, in their order. The sums are aggregated
     * inside the {@code LATERAL} subquery, which keeps it a parameterised index scan per key (a plain join would be
     * flattened and planned as a hash join over the whole table).
     */
    private static final String RECOUNT = """
            WITH d AS (SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]))
                           AS d(organization, year, metric)),
                 s AS (SELECT d.organization, d.year, d.metric, c.category, c.whole, c.total, c.as_of, c.lo, c.hi
                       FROM d CROSS JOIN LATERAL (
                            SELECT p.category, GROUPING(p.category) AS whole, COALESCE(SUM(p.value), 0) AS total,
                                   MAX(p.as_of) AS as_of, MIN(p.value) AS lo, MAX(p.value) AS hi
                            FROM projection_contribution p
                            WHERE p.organization = d.organization AND p.year = d.year AND p.metric = d.metric
                            GROUP BY GROUPING SETS ((p.category), ())) c)
            SELECT 0 AS part, organization, year, metric, NULL AS category, total, as_of, lo, hi FROM s WHERE whole = 1
            UNION ALL
            SELECT 1, organization, year, metric, category, total, as_of, NULL, NULL FROM s WHERE whole = 0 AND category IS NOT NULL
            UNION ALL
            SELECT 2, k.organization, k.year, k.metric, k.category, NULL, NULL, NULL, NULL
            FROM d JOIN projection_category k ON k.organization = d.organization AND k.year = d.year AND k.metric = d.metric
            ORDER BY 1, 2, 3, 4, 5""";

    private boolean roomSet;

    /**
     * Raises {@code work_mem} for the rest of the batch's transaction ({@code set_config(..., true)} is
     * {@code SET LOCAL}), once per batch: a poll's recounts group and order tens of thousands of rows, which the
     * default 4 MB sorts on disk.
     */
    private void roomToSort() {
        if (!roomSet) {
            em.createNativeQuery("SELECT set_config('work_mem', '" + WORK_MEM + "', true)").getSingleResult();
            roomSet = true;
        }
    }

    /** {@code work_mem} of a batch that recounts. */
    static final String WORK_MEM = "32MB";

    /** Figures computed from other figures of the same organisation and year. */
    @SuppressWarnings("unchecked")
    private List<Aggregate> derive(List<Pending> dirty) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT f.organization, f.year, f.figure_key, f.value
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[])) AS d(organization, year)
                JOIN figure f ON f.organization = d.organization AND f.year = d.year
                WHERE f.value IS NOT NULL AND f.figure_key IN (""" + DERIVE_INPUTS + ")")
                .setParameter(1, PgArray.of(dirty.stream().map(Pending::org).toList()))
                .setParameter(2, PgArray.of(dirty.stream().map(Pending::year).toList()))
                .getResultList();
        rows.forEach(r -> values.computeIfAbsent(r[0] + "\u0000" + ((Number) r[1]).intValue(), k -> new HashMap<>())
                .put((String) r[2], (BigDecimal) r[3]));
        List<Aggregate> out = new java.util.ArrayList<>();
        for (Pending d : dirty) {
            Map<String, BigDecimal> f = values.getOrDefault(d.org() + "\u0000" + d.year(), new HashMap<>());
            ratio(out, d, f, "covid.tests.positive-rate", "covid.tests.positive", "covid.tests.cumulative");
            ratio(out, d, f, "covid.retail.markets.operating-rate", "covid.retail.markets.operating", "covid.retail.markets.total");
            ratio(out, d, f, "party-inspection.plan.completion-rate", "party-inspection.plan.items.completed",
                    "party-inspection.plan.items");
            for (String subject : List.of("members", "cells")) {
                String p = "evaluation." + subject + ".";
                if (f.containsKey(p + "excellent") || f.containsKey(p + "good")) {
                    BigDecimal goodOrBetter = f.getOrDefault(p + "excellent", BigDecimal.ZERO)
                            .add(f.getOrDefault(p + "good", BigDecimal.ZERO));
                    out.add(new Aggregate(d.org(), d.year(), p + "good-or-better", goodOrBetter, Unit.COUNT, null, d.credit()));
                    f.put(p + "good-or-better", goodOrBetter);
                }
            }
            ratio(out, d, f, "evaluation.members.excellent-share", "evaluation.members.excellent", "evaluation.members.good-or-better");
        }
        return out;
    }

    private static void ratio(List<Aggregate> out, Pending d, Map<String, BigDecimal> f, String key, String part, String whole) {
        // counts computed from the records first; counts stated in a source document when there are no records
        BigDecimal p = f.containsKey(part) ? f.get(part) : f.get(part + ".stated");
        BigDecimal w = f.containsKey(whole) ? f.get(whole) : f.get(whole + ".stated");
        if (p != null && w != null && w.signum() != 0) {
            out.add(new Aggregate(d.org(), d.year(), key, p.multiply(BigDecimal.valueOf(100)).divide(w, 6, RoundingMode.HALF_UP),
                    Unit.PERCENT, null, d.credit()));
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
