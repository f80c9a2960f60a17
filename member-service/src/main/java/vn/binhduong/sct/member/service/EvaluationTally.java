package vn.binhduong.sct.member.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.member.domain.EvaluationYear;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.member.domain.Rating;

/**
 * The figures of each evaluation year at its evaluation date (table {@code evaluation_tally}, V5), kept up to date by
 * every command that can change a member's standing at that date, in the command's transaction, so that the
 * statistics of a year and its finalisation read one row instead of rebuilding the roll from every movement.
 * <p>
 * A command calls {@link #before(UUID)} before it changes anything (it locks the member's row, so two commands on one
 * member, e.g. a rating and a backdated removal, are counted one after the other) and {@link #after(Standing)} once
 * its changes are made: the member's standing in every evaluation year of their organisation is classified again and
 * the difference is added to the year's row. A new member starts from {@link #none(UUID)}.
 * <p>
 * A member's standing in a year: on the official roll at the evaluation date (their last movement on or before it
 * has an on-roll status and is not a temporary attendance); of those, admitted less than 6 months before it; of the
 * others, suspended on it; and, for the members to be rated (on the roll, neither), their rating of the year.
 */
@ApplicationScoped
public class EvaluationTally {
    /** on roll, admitted recently, suspended, then one slot per {@link Rating} in declaration order. */
    static final int ON_ROLL = 0, RECENT = 1, SUSPENDED = 2, RATINGS = 3, SLOTS = RATINGS + Rating.values().length;

    /** The figures of one year. */
    public record Figures(int onRoll, int admittedRecently, int suspended, Map<String, Integer> byRating) {
        public int eligible() {
            return onRoll - admittedRecently - suspended;
        }

        public int rated() {
            return byRating.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A member's standing in each evaluation year of their organisation, before a command. */
    public record Standing(UUID memberId, Map<UUID, int[]> byYear) {
    }

    private static final String COLUMNS = "on_roll, admitted_recently, suspended, excellent, good, completed, not_completed";

    /**
     * The figures of one year counted from scratch from the registry (the member's last movement on or before the
     * evaluation date, the member's admission and suspension, the year's ratings). V5 backfills with the same query.
     */
    static final String RECOUNT = """
            SELECT y.id,
                   count(roll.id),
                   count(roll.id) FILTER (WHERE roll.recent),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND roll.suspended),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'EXCELLENT'),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'GOOD'),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'COMPLETED'),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'NOT_COMPLETED')
              FROM evaluation_year y
              LEFT JOIN LATERAL (
                    SELECT m.id,
                           m.admission_date > (y.evaluation_date - INTERVAL '6 months')::date AS recent,
                           (m.suspended_from IS NOT NULL AND m.suspended_from <= y.evaluation_date
                                AND (m.suspended_until IS NULL OR m.suspended_until >= y.evaluation_date)) AS suspended,
                           r.rating
                      FROM (SELECT DISTINCT ON (member_id) member_id, status, temporary
                              FROM member_movement
                             WHERE organization_id = y.organization_id AND effective_date <= y.evaluation_date
                             ORDER BY member_id, effective_date DESC, id DESC) latest
                      JOIN member m ON m.id = latest.member_id
                      LEFT JOIN member_rating r ON r.year_id = y.id AND r.member_id = m.id
                     WHERE latest.status IN ('PROBATIONARY', 'OFFICIAL') AND NOT latest.temporary) roll ON TRUE
             WHERE y.id = ?1
             GROUP BY y.id""";

    /** One member in every evaluation year of their organisation: the inputs of {@link #classify}. */
    private static final String STANDING = """
            SELECT y.id, y.evaluation_date, mv.status, mv.temporary, m.admission_date, m.suspended_from, m.suspended_until, r.rating
              FROM member m
              JOIN evaluation_year y ON y.organization_id = m.organization_id
              LEFT JOIN LATERAL (SELECT status, temporary FROM member_movement mm
                                  WHERE mm.member_id = m.id AND mm.effective_date <= y.evaluation_date
                                  ORDER BY mm.effective_date DESC, mm.id DESC LIMIT 1) mv ON TRUE
              LEFT JOIN member_rating r ON r.year_id = y.id AND r.member_id = m.id
             WHERE m.id = ?1""";

    private final EntityManager em;

    public EvaluationTally(EntityManager em) {
        this.em = em;
    }

    /** A member that does not exist yet: counted nowhere. */
    public Standing none(UUID memberId) {
        return new Standing(memberId, Map.of());
    }

    /** Locks the member's row and classifies them in every year; call before the command changes anything. */
    public Standing before(UUID memberId) {
        em.createNativeQuery("SELECT id FROM member WHERE id = ?1 FOR UPDATE").setParameter(1, memberId).getResultList();
        shareOrganizationOf(memberId);
        return new Standing(memberId, classify(memberId));
    }

    /** Classifies the member again and adds the difference to each year whose figures it changes. */
    public void after(Standing before) {
        em.flush();
        shareOrganizationOf(before.memberId());
        Map<UUID, int[]> now = classify(before.memberId());
        for (Map.Entry<UUID, int[]> e : now.entrySet()) {
            int[] was = before.byYear().getOrDefault(e.getKey(), new int[SLOTS]);
            int[] delta = new int[SLOTS];
            boolean changed = false;
            for (int i = 0; i < SLOTS; i++) {
                delta[i] = e.getValue()[i] - was[i];
                changed |= delta[i] != 0;
            }
            if (changed) {
                add(e.getKey(), delta);
            }
        }
    }

    /**
     * Commands hold the organisation's row in share mode (they do not wait for one another), opening a year holds it
     * exclusively: a command either commits before the year's recount starts (and is counted by it) or classifies the
     * member after the year is committed (and adds its difference to the year's row), never neither.
     */
    private void shareOrganizationOf(UUID memberId) {
        em.createNativeQuery("SELECT o.id FROM party_organization o JOIN member m ON m.organization_id = o.id WHERE m.id = ?1"
                + " FOR SHARE OF o").setParameter(1, memberId).getResultList();
    }

    private void add(UUID yearId, int[] d) {
        em.createNativeQuery("""
                UPDATE evaluation_tally SET on_roll = on_roll + ?2, admitted_recently = admitted_recently + ?3,
                       suspended = suspended + ?4, excellent = excellent + ?5, good = good + ?6, completed = completed + ?7,
                       not_completed = not_completed + ?8
                 WHERE year_id = ?1""").setParameter(1, yearId).setParameter(2, d[0]).setParameter(3, d[1]).setParameter(4, d[2])
                .setParameter(5, d[3]).setParameter(6, d[4]).setParameter(7, d[5]).setParameter(8, d[6]).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, int[]> classify(UUID memberId) {
        Map<UUID, int[]> out = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(STANDING).setParameter(1, memberId).getResultList()) {
            out.put((UUID) r[0], classify(date(r[1]), r[2] == null ? null : MemberStatus.valueOf((String) r[2]),
                    r[3] != null && (Boolean) r[3], date(r[4]), date(r[5]), date(r[6]), r[7] == null ? null : Rating.valueOf((String) r[7])));
        }
        return out;
    }

    /** The rules of a member's standing at an evaluation date, as the recount counts them. */
    static int[] classify(LocalDate evaluationDate, MemberStatus status, boolean temporary, LocalDate admission,
            LocalDate suspendedFrom, LocalDate suspendedUntil, Rating rating) {
        int[] v = new int[SLOTS];
        if (status == null || !status.onRoll() || temporary) {
            return v;
        }
        v[ON_ROLL] = 1;
        if (admission.isAfter(evaluationDate.minusMonths(EvaluationYear.MIN_MONTHS_SINCE_ADMISSION))) {
            v[RECENT] = 1;
            return v;
        }
        if (suspendedFrom != null && !evaluationDate.isBefore(suspendedFrom)
                && (suspendedUntil == null || !evaluationDate.isAfter(suspendedUntil))) {
            v[SUSPENDED] = 1;
            return v;
        }
        if (rating != null) {
            v[RATINGS + rating.ordinal()] = 1;
        }
        return v;
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /** The stamp of the year's list of cells with their ratings, or null if the year has no row. */
    public Long cellsStamp(UUID yearId) {
        List<?> rows = em.createNativeQuery("SELECT cells_stamp FROM evaluation_tally WHERE year_id = ?1").setParameter(1, yearId)
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** The year's list of cells with their ratings changed (a cell rated). */
    public void cellsChanged(UUID yearId) {
        em.createNativeQuery("UPDATE evaluation_tally SET cells_stamp = cells_stamp + 1 WHERE year_id = ?1").setParameter(1, yearId)
                .executeUpdate();
    }

    /** The organisation's cells changed (a cell registered): the cell list of each of its years. */
    public void cellsOfOrganizationChanged(UUID organizationId) {
        em.createNativeQuery("UPDATE evaluation_tally SET cells_stamp = cells_stamp + 1"
                + " WHERE year_id IN (SELECT id FROM evaluation_year WHERE organization_id = ?1)").setParameter(1, organizationId)
                .executeUpdate();
    }

    /** Writes the year's row from a recount (when the year is opened). */
    public void initialise(UUID yearId) {
        em.flush();
        em.createNativeQuery("SELECT o.id FROM party_organization o JOIN evaluation_year y ON y.organization_id = o.id"
                + " WHERE y.id = ?1 FOR UPDATE OF o").setParameter(1, yearId).getResultList();
        em.createNativeQuery("INSERT INTO evaluation_tally (year_id, " + COLUMNS + ") " + RECOUNT
                + " ON CONFLICT (year_id) DO NOTHING").setParameter(1, yearId).executeUpdate();
    }

    /** The year's maintained figures, or a recount if the year has no row (written into the tables by hand). */
    public Figures of(UUID yearId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT year_id, " + COLUMNS + " FROM evaluation_tally WHERE year_id = ?1")
                .setParameter(1, yearId).getResultList();
        return rows.isEmpty() ? recount(yearId) : figures(rows.get(0));
    }

    /** The year's figures counted from scratch from the registry. */
    public Figures recount(UUID yearId) {
        return figures((Object[]) em.createNativeQuery(RECOUNT).setParameter(1, yearId).getSingleResult());
    }

    private static Figures figures(Object[] r) {
        Map<String, Integer> byRating = EvaluationService.zero();
        Rating[] ratings = Rating.values();
        for (int i = 0; i < ratings.length; i++) {
            byRating.put(ratings[i].name(), ((Number) r[1 + RATINGS + i]).intValue());
        }
        return new Figures(((Number) r[1]).intValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), byRating);
    }
}
