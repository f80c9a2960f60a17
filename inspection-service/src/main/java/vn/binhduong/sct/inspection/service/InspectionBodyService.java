package vn.binhduong.sct.inspection.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.inspection.api.InspectionBodyResource.InspectionBodyRequest;
import vn.binhduong.sct.inspection.domain.InspectionBody;
import vn.binhduong.sct.contract.inspection.InspectionPayloads;
import vn.binhduong.sct.inspection.events.InspectionEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class InspectionBodyService {
    private final Outbox outbox;

    public InspectionBodyService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public InspectionBody create(InspectionBodyRequest request) {
        if (InspectionBody.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "inspection-body " + request.code() + " already exists");
        }
        InspectionBody e = new InspectionBody();
        e.id = UUID.randomUUID();
        e.code = request.code();
        e.name = request.name();
        e.organization = request.organization();
        e.persist();
        outbox.record(InspectionEvents.REGISTERED, InspectionEvents.organisation(e.organization), "inspection-body", e.id.toString(),
                new InspectionPayloads.InspectionBodyRegistered(e.code, e.name, InspectionEvents.organisation(e.organization)));
        return e;
    }

    public InspectionBody get(String code) {
        return InspectionBody.<InspectionBody>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("inspection-body", code));
    }
}
