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
