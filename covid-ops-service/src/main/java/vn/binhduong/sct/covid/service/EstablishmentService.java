package vn.binhduong.sct.covid.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.covid.api.EstablishmentResource.EstablishmentRequest;
import vn.binhduong.sct.covid.domain.Establishment;
import vn.binhduong.sct.contract.covid.CovidPayloads;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class EstablishmentService {
    private final Outbox outbox;

    public EstablishmentService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Establishment create(EstablishmentRequest request) {
        if (Establishment.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "establishment " + request.code() + " already exists");
        }
        Establishment e = new Establishment();
        e.id = UUID.randomUUID();
        e.code = request.code();
        e.name = request.name();
        e.type = request.type();
        e.clusterCode = request.clusterCode();
        e.district = request.district();
        e.persist();
        outbox.record(CovidEvents.REGISTERED, CovidEvents.organization(), "establishment", e.id.toString(),
                new CovidPayloads.EstablishmentRegistered(e.code, e.name, CovidEvents.establishmentType(e.type), e.clusterCode, e.district));
        return e;
    }

    public Establishment get(String code) {
        return Establishment.<Establishment>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("establishment", code));
    }
}
