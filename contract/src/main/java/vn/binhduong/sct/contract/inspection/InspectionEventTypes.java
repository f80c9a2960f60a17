package vn.binhduong.sct.contract.inspection;

import java.util.List;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.inspection.InspectionPayloads.*;

/**
 * Every event type inspection-service publishes to sct.inspection.events, with its payload version and record;
 * docs/events/inspection-service.md documents them.
 */
public final class InspectionEventTypes {
    public static final String PRODUCER = "inspection-service";

    public static final EventContract REGISTERED = new EventContract("inspection-body.registered", 1, InspectionBodyRegistered.class, PRODUCER);
    public static final EventContract PROGRAMME_ISSUED = new EventContract("inspection-programme.issued", 1, ProgrammeIssued.class, PRODUCER);
    public static final EventContract ITEM_PLANNED = new EventContract("inspection-item.planned", 1, ItemChanged.class, PRODUCER);
    public static final EventContract ITEM_STARTED = new EventContract("inspection-item.started", 1, ItemChanged.class, PRODUCER);
    public static final EventContract ITEM_CONCLUDED = new EventContract("inspection-item.concluded", 1, ItemChanged.class, PRODUCER);
    public static final EventContract ITEM_POSTPONED = new EventContract("inspection-item.postponed", 1, ItemChanged.class, PRODUCER);
    public static final EventContract ITEM_CANCELLED = new EventContract("inspection-item.cancelled", 1, ItemChanged.class, PRODUCER);
    public static final EventContract SELF_INSPECTION_RECORDED = new EventContract("self-inspection.recorded", 1, SelfInspectionRecorded.class, PRODUCER);
    public static final EventContract STATE_INSPECTION_OPENED = new EventContract("state-inspection.opened", 1, StateInspectionChanged.class, PRODUCER);
    public static final EventContract STATE_INSPECTION_CONCLUDED = new EventContract("state-inspection.concluded", 1, StateInspectionChanged.class, PRODUCER);
    public static final EventContract PENALTY_DECIDED = new EventContract("penalty.decided", 1, PenaltyChanged.class, PRODUCER);
    public static final EventContract PENALTY_PAID = new EventContract("penalty.paid", 1, PenaltyChanged.class, PRODUCER);
    public static final EventContract COMPLIANCE_TEAM_FORMED = new EventContract("compliance-team.formed", 1, ComplianceTeamFormed.class, PRODUCER);
    public static final EventContract COMPLIANCE_VISIT_RECORDED = new EventContract("compliance-visit.recorded", 1, ComplianceVisitRecorded.class, PRODUCER);
    public static final EventContract COMPLIANCE_COVERAGE_REPORTED = new EventContract("compliance-coverage.reported", 1, ComplianceCoverageReported.class, PRODUCER);
    public static final EventContract PLANNED_WORK_REGISTERED = new EventContract("planned-work.registered", 1, PlannedWorkChanged.class, PRODUCER);
    public static final EventContract PLANNED_WORK_POSTPONED = new EventContract("planned-work.postponed", 1, PlannedWorkChanged.class, PRODUCER);

    /** Every type above: the producer publishes these and no others. */
    public static final List<EventContract> ALL = List.of(
            REGISTERED,
            PROGRAMME_ISSUED,
            ITEM_PLANNED,
            ITEM_STARTED,
            ITEM_CONCLUDED,
            ITEM_POSTPONED,
            ITEM_CANCELLED,
            SELF_INSPECTION_RECORDED,
            STATE_INSPECTION_OPENED,
            STATE_INSPECTION_CONCLUDED,
            PENALTY_DECIDED,
            PENALTY_PAID,
            COMPLIANCE_TEAM_FORMED,
            COMPLIANCE_VISIT_RECORDED,
            COMPLIANCE_COVERAGE_REPORTED,
            PLANNED_WORK_REGISTERED,
            PLANNED_WORK_POSTPONED);

    private InspectionEventTypes() {
    }
}
