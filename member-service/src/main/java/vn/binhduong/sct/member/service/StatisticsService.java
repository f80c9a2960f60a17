package vn.binhduong.sct.member.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.member.domain.MovementKind;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;

/** The aggregates a report needs, computed from the dated history. */
@ApplicationScoped
public class StatisticsService {
    public record CellCount(String cellCode, String cellName, int total, int probationary, int official) {
    }

    public record MembersAt(String organization, LocalDate date, int total, Map<String, Integer> byStatus, int religious,
            int temporaryAttending, List<CellCount> cells) {
    }

    public record Changes(String organization, LocalDate from, LocalDate to, Map<String, Integer> byKind) {
    }

    private final EntityManager em;
    private final OrganizationService organizations;
    private final Roster roster;

    public StatisticsService(EntityManager em, OrganizationService organizations, Roster roster) {
        this.em = em;
        this.organizations = organizations;
        this.roster = roster;
    }

    public MembersAt membersAt(String orgCode, LocalDate date) {
        PartyOrganization org = organizations.get(orgCode);
        List<Roster.Entry> all = roster.at(org.id, date);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (MemberStatus s : MemberStatus.values()) {
            byStatus.put(s.name(), 0);
        }
        Map<UUID, int[]> perCell = new HashMap<>();
        Set<UUID> onRoll = new HashSet<>();
        int temporary = 0;
        for (Roster.Entry e : all) {
            if (e.temporary() && e.status().onRoll()) {
                temporary++;
                continue;
            }
            byStatus.merge(e.status().name(), 1, Integer::sum);
            if (e.onOfficialRoll()) {
                onRoll.add(e.memberId());
                int[] c = perCell.computeIfAbsent(e.cellId(), k -> new int[2]);
                c[e.status() == MemberStatus.PROBATIONARY ? 0 : 1]++;
            }
        }
        // Counted in the database over the same roll: no parameter per member (PostgreSQL allows 65,535 at most).
        int religious = onRoll.isEmpty() ? 0 : ((Number) em.createNativeQuery("""
                SELECT count(*) FROM (%s) roll JOIN member m ON m.id = roll.member_id WHERE m.religious""".formatted(
                Roster.officialRollSql(1))).setParameter(1, org.id).setParameter(2, date).getSingleResult()).intValue();
        List<CellCount> cells = new ArrayList<>();
        for (PartyCell cell : PartyCell.<PartyCell>list("organizationId", Sort.by("code"), org.id)) {
            int[] c = perCell.getOrDefault(cell.id, new int[2]);
            cells.add(new CellCount(cell.code, cell.name, c[0] + c[1], c[0], c[1]));
        }
        return new MembersAt(org.code, date, onRoll.size(), byStatus, religious, temporary, cells);
    }

    @SuppressWarnings("unchecked")
    public Changes changes(String orgCode, LocalDate from, LocalDate to) {
        PartyOrganization org = organizations.get(orgCode);
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (MovementKind k : MovementKind.values()) {
            byKind.put(k.name(), 0);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT kind, count(*) FROM member_movement
                 WHERE organization_id = ?1 AND effective_date BETWEEN ?2 AND ?3 GROUP BY kind""")
                .setParameter(1, org.id).setParameter(2, from).setParameter(3, to).getResultList();
        rows.forEach(r -> byKind.put((String) r[0], ((Number) r[1]).intValue()));
        return new Changes(org.code, from, to, byKind);
    }
}
