package vn.binhduong.sct.inspection.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.PostponementRequest;
import vn.binhduong.sct.inspection.api.PlannedWorkResource.PlannedWorkRequest;
import vn.binhduong.sct.inspection.domain.PlannedWork;
import vn.binhduong.sct.contract.inspection.InspectionPayloads;
import vn.binhduong.sct.inspection.events.InspectionEvents;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class PlannedWorkService {
    private final Outbox outbox;

    public PlannedWorkService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public PlannedWork register(PlannedWorkRequest r) {
        PlannedWork w = new PlannedWork();
        w.id = UUID.randomUUID();
        w.organization = r.organization();
        w.year = r.year();
        w.category = r.category();
        w.field = r.field();
        w.title = r.title();
        w.planReference = r.planReference();
        w.status = PlannedWork.Status.PLANNED;
        w.sourceSentence = r.sourceSentence();
        w.persist();
        publish(InspectionEvents.PLANNED_WORK_REGISTERED, w);
        return w;
    }

    @Transactional
    public PlannedWork postpone(UUID id, PostponementRequest r, String ifMatch) {
        PlannedWork w = get(id);
        Versions.check("planned-work", id, w.version, r.version(), ifMatch);
        w.postpone(r.reason(), r.toYear());
        PlannedWork.getEntityManager().flush();
        publish(InspectionEvents.PLANNED_WORK_POSTPONED, w);
        return w;
    }

    private void publish(EventType type, PlannedWork w) {
        outbox.record(type, InspectionEvents.organisation(w.organization), "planned-work", w.id.toString(), new InspectionPayloads.PlannedWorkChanged(
                w.id, InspectionEvents.organisation(w.organization), w.year,
                Labelled.map(w.category, vn.binhduong.sct.contract.inspection.PlannedWorkCategory.class), Labelled.map(w.field, vn.binhduong.sct.contract.inspection.InspectionField.class), w.title,
                w.planReference, Labelled.map(w.status, vn.binhduong.sct.contract.inspection.PlannedWorkStatus.class), w.postponedReason, w.postponedToYear, w.sourceSentence));
    }

    public PlannedWork get(UUID id) {
        PlannedWork w = PlannedWork.findById(id);
        if (w == null) {
            throw ProblemException.notFound("planned-work", id);
        }
        return w;
    }
}
