package vn.binhduong.sct.member.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.member.api.PartyOrganizationResource.PartyOrganizationRequest;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.events.MemberEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class PartyOrganizationService {
    private final Outbox outbox;

    public PartyOrganizationService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public PartyOrganization create(PartyOrganizationRequest request) {
        if (PartyOrganization.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "party-organization " + request.code() + " already exists");
        }
        PartyOrganization e = new PartyOrganization();
        e.id = UUID.randomUUID();
        e.code = request.code();
        e.name = request.name();
        e.superiorBody = request.superiorBody();
        e.persist();
        outbox.record(MemberEvents.REGISTERED, e.code, "party-organization", e.id.toString(),
                Map.of("code", e.code, "name", e.name, "superiorBody", e.superiorBody));
        return e;
    }

    public PartyOrganization get(String code) {
        return PartyOrganization.<PartyOrganization>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("party-organization", code));
    }
}
