package vn.binhduong.sct.member.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.api.OrganizationApi.CellRequest;
import vn.binhduong.sct.member.api.OrganizationApi.PartyOrganizationRequest;
import vn.binhduong.sct.member.api.OrganizationApi.PartyOrganizationUpdate;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.events.MemberEvents;
import vn.binhduong.sct.contract.member.MemberPayloads.CellPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.OrganizationPayload;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class OrganizationService {
    private final Outbox outbox;
    private final EvaluationTally tally;

    public OrganizationService(Outbox outbox, EvaluationTally tally) {
        this.outbox = outbox;
        this.tally = tally;
    }

    @Transactional
    public PartyOrganization create(PartyOrganizationRequest request) {
        if (PartyOrganization.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "party-organization " + request.code() + " already exists");
        }
        checkTerm(request.termStartYear(), request.termEndYear());
        PartyOrganization e = new PartyOrganization();
        e.id = UUID.randomUUID();
        e.code = request.code();
        e.name = request.name();
        e.superiorBody = request.superiorBody();
        e.termStartYear = request.termStartYear();
        e.termEndYear = request.termEndYear();
        e.persist();
        outbox.record(MemberEvents.REGISTERED, e.code, "party-organization", e.id.toString(), payload(e));
        return e;
    }

    @Transactional
    public PartyOrganization update(String code, PartyOrganizationUpdate request) {
        PartyOrganization e = get(code);
        requireVersion(e.version, request.version(), "party-organization " + code);
        checkTerm(request.termStartYear(), request.termEndYear());
        e.name = request.name();
        e.superiorBody = request.superiorBody();
        e.termStartYear = request.termStartYear();
        e.termEndYear = request.termEndYear();
        PartyOrganization.getEntityManager().flush();
        outbox.record(MemberEvents.ORGANIZATION_UPDATED, e.code, "party-organization", e.id.toString(), payload(e));
        return e;
    }

    private static OrganizationPayload payload(PartyOrganization e) {
        return new OrganizationPayload(e.code, e.name, e.superiorBody, e.termStartYear, e.termEndYear);
    }

    private static void checkTerm(Integer start, Integer end) {
        if ((start == null) != (end == null)) {
            throw ProblemException.invalid("termEndYear", "give both years of the term or neither");
        }
        if (start != null && end <= start) {
            throw ProblemException.invalid("termEndYear", "the term ends (" + end + ") after it starts (" + start + ")");
        }
    }

    /** A stale version: 409, like a concurrent write that Hibernate catches at commit. */
    static void requireVersion(int current, Integer given, String what) {
        if (given != null && given != current) {
            throw ProblemException.conflict("stale-version", what + " was changed meanwhile: it is at version " + current
                    + ", the request was based on version " + given + "; read it again", Map.of("currentVersion", current,
                            "givenVersion", given));
        }
    }

    public PartyOrganization get(String code) {
        return PartyOrganization.byCode(code).orElseThrow(() -> ProblemException.notFound("party-organization", code));
    }

    @Transactional
    public PartyCell createCell(String organizationCode, CellRequest request) {
        PartyOrganization org = get(organizationCode);
        if (PartyCell.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "party-cell " + request.code() + " already exists");
        }
        PartyCell c = new PartyCell();
        c.id = UUID.randomUUID();
        c.organizationId = org.id;
        c.code = request.code();
        c.name = request.name();
        c.establishedOn = request.establishedOn();
        c.persist();
        // every year of the organisation lists its cells: the lists kept in memory are read again
        tally.cellsOfOrganizationChanged(org.id);
        outbox.record(MemberEvents.CELL_REGISTERED, org.code, "party-cell", c.id.toString(),
                new CellPayload(c.id, org.code, c.code, c.name));
        return c;
    }

    public List<PartyCell> cells(String organizationCode) {
        PartyOrganization org = get(organizationCode);
        return PartyCell.list("organizationId", Sort.by("code"), org.id);
    }

    public PartyCell cell(String code) {
        return PartyCell.byCode(code).orElseThrow(() -> ProblemException.notFound("party-cell", code));
    }

    /** A cell of this organisation, or a 422 naming both. */
    public PartyCell cellOf(PartyOrganization org, String code) {
        PartyCell c = cell(code);
        if (!c.organizationId.equals(org.id)) {
            throw ProblemException.ruleViolated("cell-of-other-organization", "cell " + code + " does not belong to " + org.code,
                    Map.of("cell", code, "organization", org.code));
        }
        return c;
    }
}
