package vn.binhduong.sct.inspection.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PaymentRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PenaltyRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateConclusionRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateInspectionRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateStatistics;
import vn.binhduong.sct.inspection.api.StateInspectionApi.SubjectRequest;
import vn.binhduong.sct.inspection.domain.PenaltyDecision;
import vn.binhduong.sct.inspection.domain.StateInspection;
import vn.binhduong.sct.inspection.domain.StateInspectionSubject;
import vn.binhduong.sct.inspection.domain.SubjectKind;
import vn.binhduong.sct.contract.inspection.InspectionPayloads;
import vn.binhduong.sct.inspection.events.InspectionEvents;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class StateInspectionService {
    private final Outbox outbox;

    public StateInspectionService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public StateInspection open(StateInspectionRequest r) {
        if (r.decisionNumber() != null && !r.decisionNumber().isBlank()
                && StateInspection.count("issuer = ?1 and decisionNumber = ?2", r.issuer(), r.decisionNumber()) > 0) {
            throw ProblemException.conflict("duplicate-decision-number", "issuer " + r.issuer()
                    + " already has a state inspection with decision " + r.decisionNumber(),
                    Map.of("issuer", r.issuer(), "decisionNumber", r.decisionNumber()));
        }
        StateInspection s = new StateInspection();
        s.id = UUID.randomUUID();
        s.organization = r.organization();
        s.issuer = r.issuer();
        s.decisionNumber = blankToNull(r.decisionNumber());
        s.decisionDate = r.decisionDate();
        s.year = r.year();
        s.fields = r.fields().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
        s.title = r.title();
        s.leadAgency = r.leadAgency();
        s.interAgency = r.interAgency();
        s.status = StateInspection.Status.OPEN;
        s.sourceSentence = r.sourceSentence();
        s.persist();
        publish(InspectionEvents.STATE_INSPECTION_OPENED, s);
        return s;
    }

    @Transactional
    public StateInspection addSubject(UUID id, SubjectRequest r) {
        StateInspection s = get(id);
        StateInspectionSubject subject = new StateInspectionSubject();
        subject.id = UUID.randomUUID();
        subject.stateInspectionId = s.id;
        subject.subjectKind = r.kind();
        subject.name = r.name();
        subject.persist();
        return s;
    }

    @Transactional
    public StateInspection conclude(UUID id, StateConclusionRequest r, String ifMatch) {
        StateInspection s = get(id);
        Versions.check("state-inspection", id, s.version, r.version(), ifMatch);
        if (s.status != StateInspection.Status.OPEN) {
            throw ProblemException.conflict("state-inspection-status", "state inspection " + id + " is already "
                    + s.status, Map.of("status", s.status.name()));
        }
        if (s.decisionDate != null && r.concludedOn().isBefore(s.decisionDate)) {
            throw ProblemException.ruleViolated("conclusion-before-decision", "the conclusion date " + r.concludedOn()
                    + " is before the decision date " + s.decisionDate,
                    Map.of("concludedOn", r.concludedOn().toString(), "decisionDate", s.decisionDate.toString()));
        }
        s.status = StateInspection.Status.CONCLUDED;
        s.concludedOn = r.concludedOn();
        s.violationsFound = r.violationsFound();
        s.findings = r.findings();
        StateInspection.getEntityManager().flush();
        publish(InspectionEvents.STATE_INSPECTION_CONCLUDED, s);
        return s;
    }

    private void publish(EventType type, StateInspection s) {
        List<StateInspectionSubject> subjects = subjects(s.id);
        List<PenaltyDecision> penalties = PenaltyDecision.list("stateInspectionId", s.id);
        outbox.record(type, InspectionEvents.organisation(s.organization), "state-inspection", s.id.toString(),
                new InspectionPayloads.StateInspectionChanged(s.id, InspectionEvents.organisation(s.organization), s.issuer, s.decisionNumber,
                        s.decisionDate, s.year, s.fieldList().stream().map(f -> Labelled.map(f, vn.binhduong.sct.contract.inspection.InspectionField.class)).toList(), s.title, s.leadAgency,
                        s.interAgency, Labelled.map(s.status, vn.binhduong.sct.contract.inspection.StateInspectionStatus.class), s.concludedOn, s.violationsFound, s.findings, subjects.size(),
                        (int) subjects.stream().filter(x -> x.subjectKind == SubjectKind.BUSINESS).count(),
                        (int) subjects.stream().filter(x -> x.subjectKind == SubjectKind.INDIVIDUAL).count(),
                        penalties.size(), penalties.stream().mapToLong(p -> p.amountVnd).sum()));
    }

    @Transactional
    public PenaltyDecision decide(PenaltyRequest r) {
        if (r.stateInspectionId() != null) {
            get(r.stateInspectionId());
        }
        if (r.amountVnd() == null || r.amountVnd().signum() <= 0 || r.amountVnd().stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalid("amountVnd", "must be a positive whole number of đồng");
        }
        if (r.decisionNumber() != null && !r.decisionNumber().isBlank()
                && PenaltyDecision.count("issuer = ?1 and decisionNumber = ?2", r.issuer(), r.decisionNumber()) > 0) {
            throw ProblemException.conflict("duplicate-decision-number", "issuer " + r.issuer()
                    + " already has a penalty decision " + r.decisionNumber(),
                    Map.of("issuer", r.issuer(), "decisionNumber", r.decisionNumber()));
        }
        if (r.paidOn() != null && !r.paid()) {
            throw ProblemException.invalid("paidOn", "a payment date needs paid = true");
        }
        PenaltyDecision p = new PenaltyDecision();
        p.id = UUID.randomUUID();
        p.stateInspectionId = r.stateInspectionId();
        p.organization = r.organization();
        p.issuer = r.issuer();
        p.decisionNumber = blankToNull(r.decisionNumber());
        p.decidedOn = r.decidedOn();
        p.year = r.year();
        p.offenderKind = r.offenderKind();
        p.offenderName = r.offenderName();
        p.violation = r.violation();
        p.amountVnd = r.amountVnd().longValueExact();
        p.paid = r.paid();
        p.paidOn = r.paidOn();
        p.sourceSentence = r.sourceSentence();
        p.persist();
        publish(InspectionEvents.PENALTY_DECIDED, p);
        return p;
    }

    @Transactional
    public PenaltyDecision pay(UUID id, PaymentRequest r, String ifMatch) {
        PenaltyDecision p = penalty(id);
        Versions.check("penalty", id, p.version, r.version(), ifMatch);
        if (p.paid) {
            throw ProblemException.conflict("penalty-already-paid", "penalty " + id + " is already recorded as paid");
        }
        p.paid = true;
        p.paidOn = r.paidOn();
        PenaltyDecision.getEntityManager().flush();
        publish(InspectionEvents.PENALTY_PAID, p);
        return p;
    }

    private void publish(EventType type, PenaltyDecision p) {
        outbox.record(type, InspectionEvents.organisation(p.organization), "penalty", p.id.toString(), new InspectionPayloads.PenaltyChanged(p.id,
                p.stateInspectionId, InspectionEvents.organisation(p.organization), p.issuer, p.decisionNumber, p.decidedOn, p.year,
                Labelled.map(p.offenderKind, vn.binhduong.sct.contract.inspection.SubjectKind.class), p.amountVnd, p.paid, p.paidOn));
    }

    public StateStatistics statistics(int year) {
        List<StateInspection> all = StateInspection.list("year", year);
        List<PenaltyDecision> penalties = PenaltyDecision.list("year", year);
        int paid = (int) penalties.stream().filter(p -> p.paid).count();
        return new StateStatistics(year, (int) all.stream().filter(s -> !s.interAgency).count(),
                (int) all.stream().filter(s -> s.interAgency).count(),
                (int) all.stream().filter(s -> s.status == StateInspection.Status.CONCLUDED).count(), penalties.size(),
                (int) penalties.stream().filter(p -> p.offenderKind == SubjectKind.INDIVIDUAL).count(),
                (int) penalties.stream().filter(p -> p.offenderKind == SubjectKind.BUSINESS).count(),
                penalties.stream().mapToLong(p -> p.amountVnd).sum(), paid,
                !penalties.isEmpty() && paid == penalties.size());
    }

    public StateInspection get(UUID id) {
        StateInspection s = StateInspection.findById(id);
        if (s == null) {
            throw ProblemException.notFound("state-inspection", id);
        }
        return s;
    }

    public PenaltyDecision penalty(UUID id) {
        PenaltyDecision p = PenaltyDecision.findById(id);
        if (p == null) {
            throw ProblemException.notFound("penalty", id);
        }
        return p;
    }

    /** The subjects of each of {@code ids}, in one query. */
    public Map<UUID, List<StateInspectionSubject>> subjects(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return StateInspectionSubject.<StateInspectionSubject>list("stateInspectionId in ?1 order by name, id", ids).stream()
                .collect(Collectors.groupingBy(x -> x.stateInspectionId));
    }

    /** The penalty decisions that followed each of {@code ids}, in one query. */
    public Map<UUID, List<PenaltyDecision>> penaltiesOf(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return PenaltyDecision.<PenaltyDecision>list("stateInspectionId in ?1 order by decidedOn, id", ids).stream()
                .collect(Collectors.groupingBy(x -> x.stateInspectionId));
    }

    public List<StateInspectionSubject> subjects(UUID id) {
        return StateInspectionSubject.list("stateInspectionId = ?1 order by name", id);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
