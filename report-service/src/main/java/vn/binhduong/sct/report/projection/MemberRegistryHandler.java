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
     */
    private void recount(java.util.Map<String, EventEnvelope> orgs) {
        List<EventEnvelope> credits = List.copyOf(orgs.values());
        String organisations = PgArray.of(orgs.keySet());
        String ids = PgArray.of(credits.stream().map(EventEnvelope::id).toList());
        String types = PgArray.of(credits.stream().map(EventEnvelope::type).toList());
        String times = PgArray.of(credits.stream().map(c -> c.occurredAt().toInstant()).toList());
        String window = """
                WITH d AS (SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS uuid[]), CAST(?3 AS varchar[]),
                                                CAST(?4 AS timestamptz[])) AS d(organization, event_id, event_type, occurred_at)),
                     w AS (SELECT d.*, l.last FROM d CROSS JOIN LATERAL (
                              SELECT MAX(GREATEST(last_effective_on, admitted_on, confirmed_on, left_on)) AS last
                              FROM projection_member m WHERE m.organization = d.organization) l
                           WHERE l.last IS NOT NULL)
                """;
        em.createNativeQuery(window + "DELETE FROM figure f USING w WHERE f.organization = w.organization"
                + " AND f.year < CAST(extract(year FROM w.last) AS int) - " + YEARS_BACK + " AND f.figure_key IN (" + KEYS + ")")
                .setParameter(1, organisations).setParameter(2, ids).setParameter(3, types).setParameter(4, times)
                .executeUpdate();
        em.createNativeQuery(window + """
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                SELECT w.organization, y.year, k.figure_key, k.value, NULL, 'count', LEAST(w.last, y.year_end),
                       w.event_id, w.event_type, w.occurred_at
                FROM w
                CROSS JOIN LATERAL (SELECT g AS year, make_date(g, 1, 1) AS year_start, make_date(g, 12, 31) AS year_end
                      FROM generate_series(CAST(extract(year FROM w.last) AS int) - """ + YEARS_BACK + """
                      , CAST(extract(year FROM w.last) AS int)) g) y
                CROSS JOIN LATERAL (
                    SELECT COUNT(*) FILTER (WHERE active) AS total,
                           COUNT(*) FILTER (WHERE active AND (confirmed_on IS NULL OR confirmed_on > y.year_end)
                                            AND (status = 'PROBATIONARY' OR confirmed_on IS NOT NULL)) AS probationary,
                           COUNT(*) FILTER (WHERE active AND religious) AS religious,
                           COUNT(*) FILTER (WHERE admitted_on BETWEEN y.year_start AND y.year_end) AS admitted,
                           COUNT(*) FILTER (WHERE confirmed_on BETWEEN y.year_start AND y.year_end) AS confirmed
                    FROM (SELECT m.*, ((joined_on IS NULL OR joined_on <= y.year_end) AND (left_on IS NULL OR left_on > y.year_end)
                                 AND NOT (left_on IS NULL AND status IN ('REMOVED', 'DECEASED', 'TRANSFERRED_OUT'))
                                 AND status <> 'OFF_ROLL') AS active
                          FROM projection_member m WHERE m.organization = w.organization) m) r
                CROSS JOIN LATERAL (VALUES ('member.count.total', r.total), ('member.count.probationary', r.probationary),
                    ('member.count.official', r.total - r.probationary), ('member.count.religious', r.religious),
                    ('member.admitted.count', r.admitted), ('member.confirmed.count', r.confirmed)) AS k(figure_key, value)
                ON CONFLICT (organization, year, figure_key) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit,
                    as_of = EXCLUDED.as_of,
                    event_id = CASE WHEN (figure.occurred_at, figure.event_id) <= (EXCLUDED.occurred_at, EXCLUDED.event_id)
                                    THEN EXCLUDED.event_id ELSE figure.event_id END,
                    event_type = CASE WHEN (figure.occurred_at, figure.event_id) <= (EXCLUDED.occurred_at, EXCLUDED.event_id)
                                    THEN EXCLUDED.event_type ELSE figure.event_type END,
                    occurred_at = GREATEST(figure.occurred_at, EXCLUDED.occurred_at)""")
                .setParameter(1, organisations).setParameter(2, ids).setParameter(3, types).setParameter(4, times)
                .executeUpdate();
    }
}
