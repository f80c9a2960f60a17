package vn.binhduong.sct.inspection.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.CancellationRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.Completion;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ConclusionRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ItemRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.PartyStatistics;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.PostponementRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ProgrammeRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.SelfInspectionRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.StartRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.TargetOutcome;
import vn.binhduong.sct.inspection.domain.InspectionBody;
import vn.binhduong.sct.inspection.domain.InspectionItem;
import vn.binhduong.sct.inspection.domain.InspectionProgramme;
import vn.binhduong.sct.inspection.domain.ItemKind;
import vn.binhduong.sct.inspection.domain.ItemStatus;
import vn.binhduong.sct.inspection.domain.KnownPartyUnit;
import vn.binhduong.sct.inspection.domain.SelfInspectionPlan;
import vn.binhduong.sct.inspection.domain.TargetType;
import vn.binhduong.sct.contract.inspection.InspectionPayloads;
import vn.binhduong.sct.inspection.events.InspectionEvents;
import vn.binhduong.sct.contract.inspection.InspectionPayloads.ItemChanged;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class PartyInspectionService {
    private final Outbox outbox;
    private final InspectionBodyService bodies;

    public PartyInspectionService(Outbox outbox, InspectionBodyService bodies) {
        this.outbox = outbox;
        this.bodies = bodies;
    }

    @Transactional
    public InspectionProgramme issue(ProgrammeRequest r) {
        InspectionBody body = InspectionBody.<InspectionBody>find("code", r.bodyCode()).firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("bodyCode", "no inspection body " + r.bodyCode() + " is registered"));
        if (InspectionProgramme.count("bodyCode = ?1 and documentNumber = ?2", r.bodyCode(), r.documentNumber()) > 0) {
            throw ProblemException.conflict("duplicate-document-number", "body " + r.bodyCode()
                    + " already issued a programme numbered " + r.documentNumber(),
                    Map.of("bodyCode", r.bodyCode(), "documentNumber", r.documentNumber()));
        }
        InspectionProgramme p = new InspectionProgramme();
        p.id = UUID.randomUUID();
        p.bodyCode = body.code;
        p.organization = body.organization;
        p.documentNumber = r.documentNumber();
        p.issuedOn = r.issuedOn();
        p.year = r.year();
        p.title = r.title();
        if (!p.inYear(r.issuedOn())) {
            throw ProblemException.ruleViolated("date-outside-programme-year", "issuedOn " + r.issuedOn()
                    + " is outside the programme's year " + p.year,
                    Map.of("field", "issuedOn", "date", r.issuedOn().toString(), "programmeYear", p.year));
        }
        p.persist();
        List<ItemRequest> items = r.items() == null ? List.of() : r.items();
        outbox.record(InspectionEvents.PROGRAMME_ISSUED, InspectionEvents.organisation(p.organization), "inspection-programme", p.id.toString(),
                new InspectionPayloads.ProgrammeIssued(p.id, body.code, body.name, InspectionEvents.organisation(p.organization), p.documentNumber,
                        p.issuedOn, p.year, p.title, items.size()));
        for (ItemRequest item : items) {
            addItem(p, body, item);
        }
        return p;
    }

    @Transactional
    public InspectionItem addItem(UUID programmeId, ItemRequest r) {
        InspectionProgramme p = programme(programmeId);
        return addItem(p, bodies.get(p.bodyCode), r);
    }

    private InspectionItem addItem(InspectionProgramme p, InspectionBody body, ItemRequest r) {
        InspectionItem.requirePlannedPeriod(r.plannedFrom(), r.plannedTo(), p);
        KnownPartyUnit target = KnownPartyUnit.find(
                r.targetType() == TargetType.CELL ? KnownPartyUnit.Kind.CELL : KnownPartyUnit.Kind.MEMBER,
                p.organization, r.targetRef())
                .orElseThrow(() -> ProblemException.ruleViolated("unknown-target",
                        "no " + r.targetType().name().toLowerCase() + " " + r.targetRef() + " of organisation "
                                + p.organization + " has been announced on sct.member.events",
                        Map.of("targetType", r.targetType().name(), "targetRef", r.targetRef(),
                                "organization", p.organization)));
        InspectionItem i = new InspectionItem();
        i.id = UUID.randomUUID();
        i.programmeId = p.id;
        i.kind = r.kind();
        i.mode = r.mode();
        i.targetType = r.targetType();
        i.targetRef = r.targetRef();
        i.targetCellCode = target.kind == KnownPartyUnit.Kind.CELL ? target.code : target.cellCode;
        i.targetName = target.name;
        i.subject = r.subject();
        i.plannedFrom = r.plannedFrom();
        i.plannedTo = r.plannedTo();
        i.status = ItemStatus.PLANNED;
        i.persist();
        publish(InspectionEvents.ITEM_PLANNED, p, body, i);
        return i;
    }

    @Transactional
    public InspectionItem start(UUID itemId, StartRequest r, String ifMatch) {
        InspectionItem i = item(itemId, r.version(), ifMatch);
        InspectionProgramme p = programme(i.programmeId);
        i.start(r.startedOn(), p);
        return changed(InspectionEvents.ITEM_STARTED, p, i);
    }

    @Transactional
    public InspectionItem conclude(UUID itemId, ConclusionRequest r, String ifMatch) {
        InspectionItem i = item(itemId, r.version(), ifMatch);
        InspectionProgramme p = programme(i.programmeId);
        i.conclude(r.concludedOn(), r.violationFound(), r.remarks(), r.recommendations(), p);
        return changed(InspectionEvents.ITEM_CONCLUDED, p, i);
    }

    @Transactional
    public InspectionItem postpone(UUID itemId, PostponementRequest r, String ifMatch) {
        InspectionItem i = item(itemId, r.version(), ifMatch);
        InspectionProgramme p = programme(i.programmeId);
        i.postpone(r.reason(), r.toYear(), p);
        return changed(InspectionEvents.ITEM_POSTPONED, p, i);
    }

    @Transactional
    public InspectionItem cancel(UUID itemId, CancellationRequest r, String ifMatch) {
        InspectionItem i = item(itemId, r.version(), ifMatch);
        InspectionProgramme p = programme(i.programmeId);
        i.cancel(r.reason());
        return changed(InspectionEvents.ITEM_CANCELLED, p, i);
    }

    private InspectionItem changed(EventType type, InspectionProgramme p, InspectionItem i) {
        InspectionItem.getEntityManager().flush();
        publish(type, p, bodies.get(p.bodyCode), i);
        return i;
    }

    private void publish(EventType type, InspectionProgramme p, InspectionBody body, InspectionItem i) {
        InspectionItem.getEntityManager().flush();
        Completion c = Completion.of(items(p.id));
        outbox.record(type, InspectionEvents.organisation(p.organization), "inspection-item", i.id.toString(), new ItemChanged(i.id, p.id,
                p.documentNumber, body.code, body.name, InspectionEvents.organisation(p.organization), p.year,
                Labelled.map(i.kind, vn.binhduong.sct.contract.inspection.ItemKind.class), Labelled.map(i.mode, vn.binhduong.sct.contract.inspection.ItemMode.class), Labelled.map(i.targetType, vn.binhduong.sct.contract.inspection.TargetType.class), i.targetRef,
                i.targetCellCode, i.targetName, Labelled.map(i.status, vn.binhduong.sct.contract.inspection.ItemStatus.class), i.plannedFrom,
                i.plannedTo, i.startedOn, i.concludedOn, i.violationFound, i.remarks, i.recommendations,
                i.postponedReason, i.postponedToYear, i.cancelledReason, c.planned(), c.concluded()));
    }

    @Transactional
    public SelfInspectionPlan recordSelfInspection(SelfInspectionRequest r) {
        KnownPartyUnit cell = KnownPartyUnit.find(KnownPartyUnit.Kind.CELL, r.organization(), r.cellCode())
                .orElseThrow(() -> ProblemException.ruleViolated("unknown-target", "no cell " + r.cellCode()
                        + " of organisation " + r.organization() + " has been announced on sct.member.events",
                        Map.of("targetType", "CELL", "targetRef", r.cellCode(), "organization", r.organization())));
        if (r.membersSelfInspected() > r.membersPlanned()) {
            throw ProblemException.ruleViolated("self-inspected-over-planned", r.membersSelfInspected()
                    + " members self-inspected is more than the " + r.membersPlanned() + " in the plan",
                    Map.of("membersPlanned", r.membersPlanned(), "membersSelfInspected", r.membersSelfInspected()));
        }
        if (r.adoptedOn() != null && r.adoptedOn().getYear() != r.year()) {
            throw ProblemException.ruleViolated("date-outside-programme-year", "adoptedOn " + r.adoptedOn()
                    + " is outside the plan's year " + r.year(),
                    Map.of("field", "adoptedOn", "date", r.adoptedOn().toString(), "programmeYear", r.year()));
        }
        // one plan per cell and year: recording again updates the counts
        SelfInspectionPlan plan = SelfInspectionPlan.<SelfInspectionPlan>find(
                "organization = ?1 and cellCode = ?2 and year = ?3", r.organization(), cell.code, r.year()).firstResult();
        if (plan == null) {
            plan = new SelfInspectionPlan();
            plan.id = UUID.randomUUID();
            plan.organization = r.organization();
            plan.cellCode = cell.code;
            plan.year = r.year();
        }
        plan.adoptedOn = r.adoptedOn();
        plan.membersPlanned = r.membersPlanned();
        plan.membersSelfInspected = r.membersSelfInspected();
        plan.remarks = r.remarks();
        plan.persist();
        outbox.record(InspectionEvents.SELF_INSPECTION_RECORDED, InspectionEvents.organisation(plan.organization), "self-inspection-plan",
                plan.id.toString(), new InspectionPayloads.SelfInspectionRecorded(plan.id, InspectionEvents.organisation(plan.organization),
                        plan.cellCode, plan.year, plan.adoptedOn, plan.membersPlanned, plan.membersSelfInspected));
        return plan;
    }

    public PartyStatistics statistics(int year, String organization) {
        List<InspectionProgramme> programmes = organization == null
                ? InspectionProgramme.list("year", year)
                : InspectionProgramme.list("year = ?1 and organization = ?2", year, organization);
        List<InspectionItem> all = new java.util.ArrayList<>();
        List<TargetOutcome> outcomes = new java.util.ArrayList<>();
        for (InspectionProgramme p : programmes) {
            for (InspectionItem i : items(p.id)) {
                all.add(i);
                outcomes.add(new TargetOutcome(p.bodyCode, p.documentNumber, i.kind, i.targetType, i.targetRef,
                        i.targetName, i.status, i.violationFound));
            }
        }
        outcomes.sort(java.util.Comparator.comparing(TargetOutcome::bodyCode).thenComparing(o -> o.kind().name())
                .thenComparing(TargetOutcome::targetRef));
        List<SelfInspectionPlan> plans = organization == null ? SelfInspectionPlan.list("year", year)
                : SelfInspectionPlan.list("year = ?1 and organization = ?2", year, organization);
        long cellsKnown = organization == null ? KnownPartyUnit.count("kind", KnownPartyUnit.Kind.CELL)
                : KnownPartyUnit.count("kind = ?1 and organizationCode = ?2", KnownPartyUnit.Kind.CELL, organization);
        return new PartyStatistics(year, organization, programmes.size(), Completion.of(all),
                concluded(all, ItemKind.INSPECTION), concluded(all, ItemKind.SUPERVISION),
                (int) all.stream().filter(i -> Boolean.TRUE.equals(i.violationFound)).count(), outcomes,
                plans.size(), (int) cellsKnown, plans.stream().mapToInt(x -> x.membersPlanned).sum(),
                plans.stream().mapToInt(x -> x.membersSelfInspected).sum());
    }

    private static int concluded(List<InspectionItem> items, ItemKind kind) {
        return (int) items.stream().filter(i -> i.kind == kind && i.status == ItemStatus.CONCLUDED).count();
    }

    public InspectionProgramme programme(UUID id) {
        InspectionProgramme p = InspectionProgramme.findById(id);
        if (p == null) {
            throw ProblemException.notFound("inspection-programme", id);
        }
        return p;
    }

    public List<InspectionItem> items(UUID programmeId) {
        return InspectionItem.list("programmeId = ?1 order by plannedFrom, id", programmeId);
    }

    public InspectionItem item(UUID id) {
        InspectionItem i = InspectionItem.findById(id);
        if (i == null) {
            throw ProblemException.notFound("inspection-item", id);
        }
        return i;
    }

    private InspectionItem item(UUID id, Integer version, String ifMatch) {
        InspectionItem i = item(id);
        Versions.check("item", id, i.version, version, ifMatch);
        return i;
    }
}
