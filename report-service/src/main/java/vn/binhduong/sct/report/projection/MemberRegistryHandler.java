package vn.binhduong.sct.report.projection;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.sql.PgArray;
import vn.binhduong.sct.platform.inbox.EventHandler;

/**
 * Keeps each member's dates (admission, joining this organisation, confirmation, leaving) and, once per inbox batch for
 * each organisation its events touched, recounts the member figures at the end of each recent year: {@code member.count.total}, {@code member.count.probationary},
 * {@code member.count.official}, {@code member.count.religious}, {@code member.admitted.count},
 * {@code member.confirmed.count}. Counts, never names: the report carries no personal data.
 */
@ApplicationScoped
public class MemberRegistryHandler implements EventHandler {
    static final Set<String> TYPES = Set.of("member.registered", "member.admitted", "member.confirmed", "member.transferred",
            "member.transferred-out", "member.transferred-in", "member.removed", "member.deceased", "member.suspended",
            "member.updated", "candidate.admitted");
    private static final Set<String> LEAVING = Set.of("member.transferred-out", "member.removed", "member.deceased");
    /** Years recounted before the latest year the organisation's member events speak of. */
    private static final int YEARS_BACK = 5;

    private final EntityManager em;
    /** Organisations whose member figures are recounted at the end of the batch, with the event to credit. */
    private final java.util.Map<String, EventEnvelope> pending = new java.util.TreeMap<>();

    public MemberRegistryHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void apply(EventEnvelope e) {
        if (!TYPES.contains(e.type())) {
            return;
        }
        String memberId = Payload.text(e, "memberId");
        String org = Payload.text(e, "organization");
        org = org == null ? e.organization() : org;
        if (memberId == null || org == null) {
            return;
        }
        LocalDate effective = Payload.date(e, "effectiveDate|from");
        LocalDate admitted = Payload.date(e, "admissionDate");
        LocalDate confirmed = Payload.date(e, "confirmationDate");
        if ("member.confirmed".equals(e.type()) && confirmed == null) {
            confirmed = effective;
        }
        if (("member.admitted".equals(e.type()) || "candidate.admitted".equals(e.type())) && admitted == null) {
            admitted = effective;
        }
        // candidate.admitted states the candidate's status (ADMITTED), not the member's: the member's status comes with
        // member.admitted (PROBATIONARY); taking it would count a member admitted from the awareness class as official
        String status = "candidate.admitted".equals(e.type()) ? null : Payload.text(e, "status");
        boolean leaving = LEAVING.contains(e.type());
        // a member who leaves keeps the status the event states (TRANSFERRED_OUT...): the leaving date ends the counting,
        // so the years before it still count them (OFF_ROLL would take a member who left in 2022 out of 2021's figures)
        if (status != null && !leaving && e.payload().has("onOfficialRoll") && !e.payload().get("onOfficialRoll").asBoolean(true)) {
            status = "OFF_ROLL"; // a temporary attendee is not counted in the organisation's membership
        }
        boolean joining = "member.transferred-in".equals(e.type());
        LocalDate joined = joining ? effective : admitted;
        Boolean religious = e.payload().has("religious") ? e.payload().get("religious").asBoolean() : null;
        rows.add(new Row(org, memberId, Payload.text(e, "cellCode"), status, admitted, joined, confirmed,
                leaving ? (effective == null ? LocalDate.of(1, 1, 1) : effective) : null,
                effective != null ? effective : confirmed != null ? confirmed : admitted, religious, e, joining, leaving));
        pending.merge(org, e, (had, now) -> Credit.later(now, had) ? now : had);
    }

    /** One member event's effect on projection_member, written at the end of the batch in the order applied. */
    private record Row(String org, String memberId, String cellCode, String status, LocalDate admitted, LocalDate joined,
            LocalDate confirmed, LocalDate left, LocalDate effective, Boolean religious, EventEnvelope event, boolean joining,
            boolean leaving) {
    }

    private final java.util.List<Row> rows = new java.util.ArrayList<>();

    /**
     * Each event's upsert, in the order the events were applied (a member's later event builds on the earlier one), sent
     * as one JDBC batch.
     */
    private static final String UPSERT = """
            INSERT INTO projection_member (organization, member_id, cell_code, status, admitted_on, joined_on, confirmed_on,
                left_on, last_effective_on, religious, event_id, occurred_at)
            VALUES (?, ?, ?, COALESCE(?, 'UNKNOWN'), ?, ?, ?, ?, ?, COALESCE(?, FALSE), ?, ?)
            ON CONFLICT (organization, member_id) DO UPDATE SET
                cell_code = COALESCE(EXCLUDED.cell_code, projection_member.cell_code),
                status = CASE WHEN ? THEN projection_member.status ELSE EXCLUDED.status END,
                admitted_on = COALESCE(EXCLUDED.admitted_on, projection_member.admitted_on),
                joined_on = CASE WHEN ? THEN EXCLUDED.joined_on
                                 ELSE COALESCE(projection_member.joined_on, EXCLUDED.joined_on) END,
                confirmed_on = COALESCE(EXCLUDED.confirmed_on, projection_member.confirmed_on),
                left_on = CASE WHEN ? THEN EXCLUDED.left_on WHEN ? THEN NULL ELSE projection_member.left_on END,
                last_effective_on = GREATEST(projection_member.last_effective_on, EXCLUDED.last_effective_on),
                religious = CASE WHEN ? THEN projection_member.religious ELSE EXCLUDED.religious END,
                event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at""";

    private void writeRows() {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> all = List.copyOf(rows);
        rows.clear();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                for (Row r : all) {
                    int i = 1;
                    ps.setString(i++, r.org());
                    ps.setString(i++, r.memberId());
                    text(ps, i++, r.cellCode());
                    text(ps, i++, r.status());
                    date(ps, i++, r.admitted());
                    date(ps, i++, r.joined());
                    date(ps, i++, r.confirmed());
                    date(ps, i++, r.left());
                    date(ps, i++, r.effective());
                    if (r.religious() == null) {
                        ps.setNull(i++, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(i++, r.religious());
                    }
                    ps.setObject(i++, r.event().id());
                    ps.setTimestamp(i++, Timestamp.from(r.event().occurredAt().toInstant()));
                    ps.setBoolean(i++, r.status() == null);
                    ps.setBoolean(i++, r.joining());
                    ps.setBoolean(i++, r.leaving());
                    ps.setBoolean(i++, r.joining());
                    ps.setBoolean(i++, r.religious() == null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void text(java.sql.PreparedStatement ps, int i, String s) throws java.sql.SQLException {
        if (s == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, s);
        }
    }

    private static void date(java.sql.PreparedStatement ps, int i, LocalDate d) throws java.sql.SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    @Override
    public void beginBatch() {
        rows.clear();
        pending.clear();
    }

    /**
     * Writes the batch's member rows and brings the member figures of every organisation they touched up to date: by
     * the difference the batch made to its members' counts where the organisation's window of years stays where it was
     * (the usual case), by a recount of the organisation's members where it moved, is new, or may have shrunk.
     *
     * <p>The difference costs the batch's own members (read before and after the upsert, by primary key) and the
     * organisation's 36 figure rows; a recount reads every member of the organisation, so in a replay of a nation's
     * registry, where each poll touches hundreds of organisations of hundreds of members, it grows with the registry.
     * Both give the same figures: {@code MemberFigureDeltaTest} compares them after every batch.
     */
    @Override
    public void endBatch() {
        byDifference = 0;
        if (pending.isEmpty()) {
            writeRows();
            return;
        }
        Map<String, LocalDate> windows = windows(pending.keySet());
        Set<MemberKey> keys = new java.util.LinkedHashSet<>();
        Map<String, Set<MemberKey>> keysByOrg = new java.util.HashMap<>();
        for (Row r : rows) {
            if (windows.containsKey(r.org())) {
                MemberKey k = new MemberKey(r.org(), r.memberId());
                keys.add(k);
                keysByOrg.computeIfAbsent(r.org(), o -> new java.util.LinkedHashSet<>()).add(k);
            }
        }
        Map<MemberKey, Dates> before = read(keys);
        writeRows();
        Map<MemberKey, Dates> after = read(keys);
        Map<String, EventEnvelope> full = new java.util.TreeMap<>();
        List<Delta> deltas = new ArrayList<>();
        for (Map.Entry<String, EventEnvelope> o : pending.entrySet()) {
            Delta d = delta(o.getKey(), windows.get(o.getKey()), keysByOrg.getOrDefault(o.getKey(), Set.of()), before, after,
                    o.getValue());
            if (d == null) {
                full.put(o.getKey(), o.getValue());
            } else {
                deltas.add(d);
            }
        }
        for (String org : applyDeltas(deltas)) {
            full.put(org, pending.get(org)); // a figure row of its window was missing: counted afresh
        }
        if (!full.isEmpty()) {
            recount(full);
        }
        byDifference = pending.size() - full.size();
        pending.clear();
    }

    /** How many organisations the last batch kept by difference (the others were recounted). */
    int byDifference() {
        return byDifference;
    }

    private int byDifference;

    /** Counts the batch over all its organisations' members, as if none of them had a window yet (tests compare). */
    void recountAll(Map<String, EventEnvelope> orgs) {
        recount(orgs);
    }

    private record MemberKey(String org, String memberId) {
    }

    /** The dates and states of one projection_member row that decide which counts it is in. */
    record Dates(String status, LocalDate admitted, LocalDate joined, LocalDate confirmed, LocalDate left,
            LocalDate lastEffective, boolean religious) {

        /** The latest date the row speaks of (SQL's GREATEST: nulls ignored), or null. */
        LocalDate latest() {
            LocalDate m = null;
            for (LocalDate d : new LocalDate[] { lastEffective, admitted, confirmed, left }) {
                if (d != null && (m == null || d.isAfter(m))) {
                    m = d;
                }
            }
            return m;
        }

        /**
         * This member's part of the six counts of {@code year} at its end, in the order of {@link MemberRegistryHandler#FIGURE_KEYS}: the
         * recount's {@code FILTER}s (see {@link MemberRegistryHandler#recountSql()}) for one row.
         */
        void addTo(long[] counts, int year, int sign) {
            LocalDate s = LocalDate.of(year, 1, 1);
            LocalDate e = LocalDate.of(year, 12, 31);
            boolean roll = !(left == null && GONE.contains(status)) && !"OFF_ROLL".equals(status);
            boolean probation = "PROBATIONARY".equals(status) || confirmed != null;
            boolean on = roll && (joined == null || !joined.isAfter(e)) && (left == null || left.isAfter(e));
            boolean p = on && probation && (confirmed == null || confirmed.isAfter(e));
            counts[0] += on ? sign : 0;
            counts[1] += p ? sign : 0;
            counts[2] += on && !p ? sign : 0;
            counts[3] += on && religious ? sign : 0;
            counts[4] += within(admitted, s, e) ? sign : 0;
            counts[5] += within(confirmed, s, e) ? sign : 0;
        }

        private static boolean within(LocalDate d, LocalDate s, LocalDate e) {
            return d != null && !d.isBefore(s) && !d.isAfter(e);
        }
    }

    private static final Set<String> GONE = Set.of("REMOVED", "DECEASED", "TRANSFERRED_OUT");
    /** The six member figures, in the order {@link Dates#addTo} counts them. */
    static final List<String> FIGURE_KEYS = List.of("member.count.total", "member.count.probationary",
            "member.count.official", "member.count.religious", "member.admitted.count", "member.confirmed.count");

    /** One organisation's change: its latest date, the difference to each count of each year of its window. */
    private record Delta(String org, LocalDate last, long[][] byYear, EventEnvelope credit) {
    }

    /**
     * The difference the batch made to an organisation's counts, or null when it must be recounted: it has no window
     * yet, its latest date moved into another year (the window moves), or a member whose date was the latest now
     * speaks of an earlier one (the latest date may have fallen).
     */
    private static Delta delta(String org, LocalDate last, Set<MemberKey> touched, Map<MemberKey, Dates> before,
            Map<MemberKey, Dates> after, EventEnvelope credit) {
        if (last == null) {
            return null;
        }
        LocalDate now = last;
        for (MemberKey k : touched) {
            Dates was = before.get(k);
            Dates is = after.get(k);
            LocalDate wasLatest = was == null ? null : was.latest();
            LocalDate isLatest = is == null ? null : is.latest();
            if (wasLatest != null && wasLatest.equals(last) && (isLatest == null || isLatest.isBefore(wasLatest))) {
                return null;
            }
            if (isLatest != null && isLatest.isAfter(now)) {
                now = isLatest;
            }
        }
        if (now.getYear() != last.getYear()) {
            return null;
        }
        long[][] byYear = new long[YEARS_BACK + 1][FIGURE_KEYS.size()];
        for (int k = 0; k <= YEARS_BACK; k++) {
            int year = last.getYear() - k;
            for (MemberKey m : touched) {
                if (before.get(m) != null) {
                    before.get(m).addTo(byYear[k], year, -1);
                }
                if (after.get(m) != null) {
                    after.get(m).addTo(byYear[k], year, 1);
                }
            }
        }
        return new Delta(org, now, byYear, credit);
    }

    /**
     * Each organisation's latest date as its last recount or difference left it: the as-of of its latest year's
     * {@code member.count.total} (a recount writes {@code LEAST(latest, year end)}, so the latest year's is the date).
     */
    private Map<String, LocalDate> windows(Set<String> orgs) {
        Map<String, LocalDate> found = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.organization, f.as_of FROM unnest(CAST(?1 AS varchar[])) AS d(organization)
                CROSS JOIN LATERAL (SELECT f.as_of FROM figure f WHERE f.organization = d.organization
                                    AND f.figure_key = 'member.count.total' ORDER BY f.year DESC LIMIT 1) f
                WHERE f.as_of IS NOT NULL""").setParameter(1, PgArray.of(orgs)).getResultList();
        for (Object[] r : rows) {
            found.put((String) r[0], FigureStore.toDate(r[1]));
        }
        return found;
    }

    /** The projection_member rows of these members, by primary key. */
    private Map<MemberKey, Dates> read(Set<MemberKey> keys) {
        Map<MemberKey, Dates> found = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.organization, p.member_id, p.status, p.admitted_on, p.joined_on, p.confirmed_on, p.left_on,
                       p.last_effective_on, p.religious
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS varchar[])) AS k(organization, member_id)
                JOIN projection_member p ON p.organization = k.organization AND p.member_id = k.member_id""")
                .setParameter(1, PgArray.of(keys.stream().map(MemberKey::org).toList()))
                .setParameter(2, PgArray.of(keys.stream().map(MemberKey::memberId).toList()))
                .getResultList();
        for (Object[] r : rows) {
            found.put(new MemberKey((String) r[0], (String) r[1]), new Dates((String) r[2], FigureStore.toDate(r[3]),
                    FigureStore.toDate(r[4]), FigureStore.toDate(r[5]), FigureStore.toDate(r[6]), FigureStore.toDate(r[7]),
                    Boolean.TRUE.equals(r[8])));
        }
        return found;
    }

    /**
     * Adds each organisation's differences to its window's figure rows and moves their as-of and credit as a recount
     * would, in one statement; the organisations of which fewer than the window's 36 rows were found (to be recounted).
     */
    private List<String> applyDeltas(List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return List.of();
        }
        List<Object> org = new ArrayList<>(), year = new ArrayList<>(), key = new ArrayList<>(), value = new ArrayList<>(),
                last = new ArrayList<>(), id = new ArrayList<>(), type = new ArrayList<>(), at = new ArrayList<>();
        for (Delta d : deltas) {
            for (int k = 0; k <= YEARS_BACK; k++) {
                for (int f = 0; f < FIGURE_KEYS.size(); f++) {
                    org.add(d.org());
                    year.add(d.last().getYear() - k);
                    key.add(FIGURE_KEYS.get(f));
                    value.add(d.byYear()[k][f]);
                    last.add(d.last());
                    id.add(d.credit().id());
                    type.add(d.credit().type());
                    at.add(d.credit().occurredAt().toInstant());
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counted = em.createNativeQuery("""
                WITH u AS (UPDATE figure SET value = figure.value + d.delta,
                    as_of = LEAST(d.last, make_date(figure.year, 12, 31)),
                    """ + Credit.sqlSet("d") + """
                FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[]), CAST(?3 AS varchar[]), CAST(?4 AS numeric[]),
                            CAST(?5 AS date[]), CAST(?6 AS uuid[]), CAST(?7 AS varchar[]), CAST(?8 AS timestamptz[]))
                     AS d(organization, year, figure_key, delta, last, event_id, event_type, occurred_at)
                WHERE figure.organization = d.organization AND figure.year = d.year AND figure.figure_key = d.figure_key
                RETURNING figure.organization)
                SELECT organization, count(*) FROM u GROUP BY organization""")
                .setParameter(1, PgArray.of(org)).setParameter(2, PgArray.of(year)).setParameter(3, PgArray.of(key))
                .setParameter(4, PgArray.of(value)).setParameter(5, PgArray.of(last)).setParameter(6, PgArray.of(id))
                .setParameter(7, PgArray.of(type)).setParameter(8, PgArray.of(at)).getResultList();
        Map<String, Long> rowsFound = new java.util.HashMap<>();
        for (Object[] r : counted) {
            rowsFound.put((String) r[0], ((Number) r[1]).longValue());
        }
        int window = (YEARS_BACK + 1) * FIGURE_KEYS.size();
        return deltas.stream().map(Delta::org).filter(o -> rowsFound.getOrDefault(o, 0L) < window).toList();
    }

    private static final String KEYS = "'member.count.total', 'member.count.probationary', 'member.count.official', "
            + "'member.count.religious', 'member.admitted.count', 'member.confirmed.count'";

    /**
     * For each organisation: the years up to the latest date its members' events speak of (and {@value #YEARS_BACK}
     * before), the six counts of each year at its end; counts of older years are dropped, so the figures do not depend
     * on the order members arrive in. Written as {@link FigureStore} writes recomputed figures.
     *
     * <p>One statement that reads each touched organisation's members once, over an index range of
     * {@code projection_member}'s primary key: the window's latest date is a window function over the organisation's
     * rows ({@code LATERAL}, so a parameterised scan per organisation, never the whole table), and the six years' counts
     * are conditional aggregates of the same rows ({@code COUNT(*) FILTER} per year end, no row repeated per year).
     * Years that fell out of the window are dropped in the same statement (a data-modifying CTE over an index range of
     * {@code figure}'s key per organisation, which finds nothing unless the window moved). Before, the members were
     * read once for the window, once per year and once more for a separate {@code DELETE}.
     */
    private void recount(java.util.Map<String, EventEnvelope> orgs) {
        List<EventEnvelope> credits = List.copyOf(orgs.values());
        // the grouping of the touched organisations' members stays in memory, not on disk (SET LOCAL: this transaction)
        em.createNativeQuery("SELECT set_config('work_mem', '" + FigureStore.WORK_MEM + "', true)").getSingleResult();
        em.createNativeQuery(RECOUNT)
                .setParameter(1, PgArray.of(orgs.keySet()))
                .setParameter(2, PgArray.of(credits.stream().map(EventEnvelope::id).toList()))
                .setParameter(3, PgArray.of(credits.stream().map(EventEnvelope::type).toList()))
                .setParameter(4, PgArray.of(credits.stream().map(c -> c.occurredAt().toInstant()).toList()))
                .executeUpdate();
    }

    /** See {@link #recount}: the counts of year {@code y - k} are the columns ending in {@code k}. */
    private static final String RECOUNT = recountStatement();

    private static String recountStatement() {
        StringBuilder ends = new StringBuilder();
        StringBuilder active = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int k = 0; k <= YEARS_BACK; k++) {
            String e = "m.e" + k;
            String on = "m.on" + k;
            ends.append(", make_date(m.y - ").append(k).append(", 1, 1) AS s").append(k)
                    .append(", make_date(m.y - ").append(k).append(", 12, 31) AS e").append(k);
            // a member counts at the year's end if on the roll (m.roll) and had joined and not yet left by then
            active.append(",\n    m.roll AND (m.joined_on IS NULL OR m.joined_on <= ").append(e)
                    .append(") AND (m.left_on IS NULL OR m.left_on > ").append(e).append(") AS on").append(k);
            counts.append(",\n    COUNT(*) FILTER (WHERE ").append(on).append(") AS t").append(k)
                    .append(",\n    COUNT(*) FILTER (WHERE ").append(on).append(" AND m.probation AND (m.confirmed_on IS NULL OR m.confirmed_on > ")
                    .append(e).append(")) AS p").append(k)
                    .append(",\n    COUNT(*) FILTER (WHERE ").append(on).append(" AND m.religious) AS r").append(k)
                    .append(",\n    COUNT(*) FILTER (WHERE m.admitted_on BETWEEN m.s").append(k).append(" AND ").append(e)
                    .append(") AS a").append(k)
                    .append(",\n    COUNT(*) FILTER (WHERE m.confirmed_on BETWEEN m.s").append(k).append(" AND ").append(e)
                    .append(") AS c").append(k);
            String y = "r.y - " + k;
            values.append(k == 0 ? "" : ",\n    ")
                    .append("(").append(y).append(", 'member.count.total', r.t").append(k).append("), ")
                    .append("(").append(y).append(", 'member.count.probationary', r.p").append(k).append("), ")
                    .append("(").append(y).append(", 'member.count.official', r.t").append(k).append(" - r.p").append(k).append("), ")
                    .append("(").append(y).append(", 'member.count.religious', r.r").append(k).append("), ")
                    .append("(").append(y).append(", 'member.admitted.count', r.a").append(k).append("), ")
                    .append("(").append(y).append(", 'member.confirmed.count', r.c").append(k).append(")");
        }
        // OFFSET 0 keeps each level a subquery of its own, so its columns are computed once per member row: flattened,
        // the status tests and the year ends would be evaluated again in each of the 30 aggregates
        return """
                WITH d AS (SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS uuid[]), CAST(?3 AS varchar[]),
                                                CAST(?4 AS timestamptz[])) AS d(organization, event_id, event_type, occurred_at)),
                     r AS (SELECT m.organization, m.last, m.y""" + counts + """

                           FROM (SELECT m.*""" + active + """

                                 FROM (SELECT m.*""" + ends + """
                                              , NOT (m.left_on IS NULL AND m.status IN ('REMOVED', 'DECEASED', 'TRANSFERRED_OUT'))
                                                  AND m.status <> 'OFF_ROLL' AS roll,
                                              (m.status = 'PROBATIONARY' OR m.confirmed_on IS NOT NULL) AS probation
                                       FROM (SELECT d.organization, x.*, CAST(extract(year FROM x.last) AS int) AS y
                                             FROM d CROSS JOIN LATERAL (
                                                  SELECT p.status, p.admitted_on, p.joined_on, p.confirmed_on, p.left_on, p.religious,
                                                         MAX(GREATEST(p.last_effective_on, p.admitted_on, p.confirmed_on, p.left_on))
                                                             OVER () AS last
                                                  FROM projection_member p WHERE p.organization = d.organization) x) m
                                       WHERE m.last IS NOT NULL OFFSET 0) m
                                 OFFSET 0) m
                           GROUP BY m.organization, m.last, m.y),
                     dropped AS (DELETE FROM figure WHERE ctid = ANY (ARRAY(
                           SELECT f.ctid FROM r CROSS JOIN LATERAL (
                                SELECT f.ctid FROM figure f WHERE f.organization = r.organization AND f.year < r.y - """
                + YEARS_BACK + " AND f.figure_key IN (" + KEYS + """
                ) OFFSET 0) f)))
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                SELECT r.organization, v.year, v.figure_key, v.value, NULL, 'count', LEAST(r.last, make_date(v.year, 12, 31)),
                       d.event_id, d.event_type, d.occurred_at
                FROM r JOIN d ON d.organization = r.organization
                CROSS JOIN LATERAL (VALUES
                    """ + values + """
                ) AS v(year, figure_key, value)
                ON CONFLICT (organization, year, figure_key) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit,
                    as_of = EXCLUDED.as_of,
                    """ + Credit.sqlSet("EXCLUDED");
    }

    /** The statement {@link #recount} sends (for tests and EXPLAIN). */
    static String recountSql() {
        return RECOUNT;
    }
}
