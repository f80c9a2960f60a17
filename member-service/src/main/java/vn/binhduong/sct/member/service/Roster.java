package vn.binhduong.sct.member.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.member.domain.MemberStatus;

/** The roll of an organisation at a date, rebuilt from the dated history (the last change on or before the date). */
@ApplicationScoped
public class Roster {
    public record Entry(UUID memberId, UUID cellId, MemberStatus status, boolean temporary) {
        public boolean onOfficialRoll() {
            return status.onRoll() && !temporary;
        }
    }

    private static final String AT_DATE = """
            SELECT DISTINCT ON (member_id) member_id, cell_id, status, temporary
              FROM member_movement
             WHERE organization_id = ?1 AND effective_date <= ?2 %s
             ORDER BY member_id, effective_date DESC, id DESC""";

    /**
     * The official roll at a date as a SQL subquery ({@code member_id, cell_id}) over two positional parameters,
     * {@code ?<orgParam>} the organisation and {@code ?<orgParam + 1>} the date: the same rule as
     * {@link Entry#onOfficialRoll()} over {@link #at}, for aggregates computed in the database.
     */
    public static String officialRollSql(int orgParam) {
        return """
                SELECT member_id, cell_id FROM (
                  SELECT DISTINCT ON (member_id) member_id, cell_id, status, temporary
                    FROM member_movement
                   WHERE organization_id = ?%d AND effective_date <= ?%d
                   ORDER BY member_id, effective_date DESC, id DESC) latest
                 WHERE latest.status IN (%s) AND NOT latest.temporary""".formatted(orgParam, orgParam + 1,
                java.util.Arrays.stream(MemberStatus.values()).filter(MemberStatus::onRoll).map(st -> "'" + st.name() + "'")
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    private final EntityManager em;

    public Roster(EntityManager em) {
        this.em = em;
    }

    public List<Entry> at(UUID organizationId, LocalDate date) {
        return rows(em.createNativeQuery(AT_DATE.formatted("")).setParameter(1, organizationId).setParameter(2, date).getResultList());
    }

    public Entry of(UUID organizationId, UUID memberId, LocalDate date) {
        List<Entry> rows = rows(em.createNativeQuery(AT_DATE.formatted("AND member_id = ?3")).setParameter(1, organizationId)
                .setParameter(2, date).setParameter(3, memberId).getResultList());
        return rows.isEmpty() ? null : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> rows(List<?> raw) {
        return ((List<Object[]>) raw).stream()
                .map(r -> new Entry((UUID) r[0], (UUID) r[1], MemberStatus.valueOf((String) r[2]), (Boolean) r[3])).toList();
    }
}
