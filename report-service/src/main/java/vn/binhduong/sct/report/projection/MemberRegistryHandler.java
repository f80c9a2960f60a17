package vn.binhduong.sct.report.projection;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
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

    /** Writes the batch's member rows, then recounts every organisation they touched, all in three statements. */
    @Override
    public void endBatch() {
        writeRows();
        if (!pending.isEmpty()) {
            recount(pending);
            pending.clear();
        }
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
                    event_id = CASE WHEN (figure.occurred_at, figure.event_id) <= (EXCLUDED.occurred_at, EXCLUDED.event_id)
                                    THEN EXCLUDED.event_id ELSE figure.event_id END,
                    event_type = CASE WHEN (figure.occurred_at, figure.event_id) <= (EXCLUDED.occurred_at, EXCLUDED.event_id)
                                    THEN EXCLUDED.event_type ELSE figure.event_type END,
                    occurred_at = GREATEST(figure.occurred_at, EXCLUDED.occurred_at)""";
    }

    /** The statement {@link #recount} sends (for tests and EXPLAIN). */
    static String recountSql() {
        return RECOUNT;
    }
}
