package vn.binhduong.sct.member.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.binhduong.sct.member.api.MemberApi.MemberView;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.service.Access;
import vn.binhduong.sct.member.service.PersonalDataLog;

/**
 * Builds the member views of an answer: sensitive personal data only for the callers who may see it
 * ({@link Access#seesPersonalData}), and every member whose data an answer carries recorded in the personal-data
 * access log before the answer is returned.
 */
@ApplicationScoped
public class MemberViews {
    private final Access access;
    private final PersonalDataLog log;

    public MemberViews(Access access, PersonalDataLog log) {
        this.access = access;
        this.log = log;
    }

    /** One member, as answered by {@code operation} ({@code endpoint}: method and path template). */
    public MemberView one(Member m, String operation, String endpoint) {
        PartyCell cell = PartyCell.findById(m.cellId);
        PartyOrganization org = PartyOrganization.findById(m.organizationId);
        boolean personal = access.seesPersonalData(cell);
        if (personal) {
            log.served(operation, endpoint, List.of(m.id));
        }
        return MemberView.of(m, org.code, cell.code, personal);
    }

    /** Members of one organisation; only the cells of these members are read, not every cell of the organisation. */
    public List<MemberView> of(List<Member> members, String orgCode, String operation, String endpoint) {
        Map<UUID, PartyCell> cells = new HashMap<>();
        List<UUID> cellIds = members.stream().map(m -> m.cellId).distinct().toList();
        if (!cellIds.isEmpty()) {
            PartyCell.<PartyCell>list("id in ?1", cellIds).forEach(c -> cells.put(c.id, c));
        }
        List<UUID> served = new ArrayList<>();
        List<MemberView> views = members.stream().map(m -> {
            PartyCell c = cells.get(m.cellId);
            boolean personal = access.seesPersonalData(c);
            if (personal) {
                served.add(m.id);
            }
            return MemberView.of(m, orgCode, c.code, personal);
        }).toList();
        log.served(operation, endpoint, served);
        return views;
    }
}
