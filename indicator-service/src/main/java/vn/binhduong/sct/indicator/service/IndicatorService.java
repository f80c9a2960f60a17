package vn.binhduong.sct.indicator.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.indicator.api.IndicatorResource.IndicatorRequest;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class IndicatorService {
    private final Outbox outbox;

    public IndicatorService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Indicator create(IndicatorRequest request) {
        if (Indicator.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "indicator " + request.code() + " already exists");
        }
        Indicator e = new Indicator();
        e.id = UUID.randomUUID();
        e.code = request.code();
        e.name = request.name();
        e.unit = request.unit();
        e.persist();
        outbox.record(IndicatorEvents.DEFINED, "SCT-BD", "indicator", e.id.toString(),
                Map.of("code", e.code, "name", e.name, "unit", e.unit));
        return e;
    }

    public Indicator get(String code) {
        return Indicator.<Indicator>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("indicator", code));
    }
}
