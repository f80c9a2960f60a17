package vn.binhduong.sct.report.projection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
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
        String status = Payload.text(e, "status");
        if (status != null && e.payload().has("onOfficialRoll") && !e.payload().get("onOfficialRoll").asBoolean(true)) {
            status = "OFF_ROLL"; // a temporary attendee is not counted in the organisation's membership
        }
        boolean leaving = LEAVING.contains(e.type());
        boolean joining = "member.transferred-in".equals(e.type());
        LocalDate joined = joining ? effective : admitted;
        Boolean religious = e.payload().has("religious") ? e.payload().get("religious").asBoolean() : null;
        em.createNativeQuery("""
                INSERT INTO projection_member (organization, member_id, cell_code, status, admitted_on, joined_on, confirmed_on,
                    left_on, last_effective_on, religious, event_id, occurred_at)
                VALUES (?1, ?2, ?3, COALESCE(?4, 'UNKNOWN'), ?5, ?6, ?7, ?8, ?9, COALESCE(?10, FALSE), ?11, ?12)
                ON CONFLICT (organization, member_id) DO UPDATE SET
                    cell_code = COALESCE(EXCLUDED.cell_code, projection_member.cell_code),
                    status = CASE WHEN ?4 IS NULL THEN projection_member.status ELSE EXCLUDED.status END,
                    admitted_on = COALESCE(EXCLUDED.admitted_on, projection_member.admitted_on),
                    joined_on = CASE WHEN ?13 THEN EXCLUDED.joined_on
                                     ELSE COALESCE(projection_member.joined_on, EXCLUDED.joined_on) END,
                    confirmed_on = COALESCE(EXCLUDED.confirmed_on, projection_member.confirmed_on),
                    left_on = CASE WHEN ?14 THEN EXCLUDED.left_on WHEN ?13 THEN NULL ELSE projection_member.left_on END,
                    last_effective_on = GREATEST(projection_member.last_effective_on, EXCLUDED.last_effective_on),
                    religious = COALESCE(?10, projection_member.religious),
                    event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at""")
                .setParameter(1, org).setParameter(2, memberId).setParameter(3, Payload.text(e, "cellCode"))
                .setParameter(4, status)
                .setParameter(5, sql(admitted)).setParameter(6, sql(joined)).setParameter(7, sql(confirmed))
                .setParameter(8, leaving ? sql(effective == null ? LocalDate.of(1, 1, 1) : effective) : null)
                .setParameter(9, sql(effective != null ? effective : confirmed != null ? confirmed : admitted))
                .setParameter(10, religious)
                .setParameter(11, e.id()).setParameter(12, Timestamp.from(e.occurredAt().toInstant()))
                .setParameter(13, joining).setParameter(14, leaving)
                .executeUpdate();
        pending.merge(org, e, (had, now) -> Credit.later(now, had) ? now : had);
    }

    @Override
    public void beginBatch() {
        pending.clear();
    }

    /** One recount per organisation per batch (each recount reads all of the organisation's members). */
    @Override
    public void endBatch() {
        pending.forEach(this::recount);
        pending.clear();
    }

    private void recount(String org, EventEnvelope e) {
        Object latest = em.createNativeQuery("""
                SELECT MAX(GREATEST(last_effective_on, admitted_on, confirmed_on, left_on)) FROM projection_member
                WHERE organization = ?1""").setParameter(1, org).getSingleResult();
        LocalDate last = FigureStore.toDate(latest);
        if (last == null) {
            return;
        }
        // only the window before the latest year is kept, so the figures do not depend on the order members arrive in
        em.createNativeQuery("DELETE FROM figure WHERE organization = ?1 AND year < ?2 AND figure_key IN ("
                + "'member.count.total', 'member.count.probationary', 'member.count.official', 'member.count.religious', "
                + "'member.admitted.count', 'member.confirmed.count')")
                .setParameter(1, org).setParameter(2, last.getYear() - YEARS_BACK).executeUpdate();
        // one statement for the whole window: the six counts of each year, written as aggregate() writes them
        em.createNativeQuery("""
                INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                SELECT ?1, y.year, k.figure_key, k.value, NULL, 'count', LEAST(CAST(?4 AS DATE), y.year_end), ?5, ?6, ?7
                FROM (SELECT g AS year, make_date(g, 1, 1) AS year_start, make_date(g, 12, 31) AS year_end
                      FROM generate_series(CAST(?2 AS INT), CAST(?3 AS INT)) g) y
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
                          FROM projection_member m WHERE m.organization = ?1) m) r
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
                .setParameter(1, org).setParameter(2, last.getYear() - YEARS_BACK).setParameter(3, last.getYear())
                .setParameter(4, Date.valueOf(last)).setParameter(5, e.id()).setParameter(6, e.type())
                .setParameter(7, Timestamp.from(e.occurredAt().toInstant()))
                .executeUpdate();
    }

    private static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
