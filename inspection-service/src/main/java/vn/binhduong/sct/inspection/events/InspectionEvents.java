package vn.binhduong.sct.inspection.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.inspection.events, each with its payload version and payload record.
 * docs/events/inspection-service.md documents them.
 */
public final class InspectionEvents {
    public static final EventType REGISTERED = EventType.of("inspection-body.registered", 1);
    public static final EventType PROGRAMME_ISSUED = EventType.of("inspection-programme.issued", 1);
    public static final EventType ITEM_PLANNED = EventType.of("inspection-item.planned", 1);
    public static final EventType ITEM_STARTED = EventType.of("inspection-item.started", 1);
    public static final EventType ITEM_CONCLUDED = EventType.of("inspection-item.concluded", 1);
    public static final EventType ITEM_POSTPONED = EventType.of("inspection-item.postponed", 1);
    public static final EventType ITEM_CANCELLED = EventType.of("inspection-item.cancelled", 1);
    public static final EventType SELF_INSPECTION_RECORDED = EventType.of("self-inspection.recorded", 1);
    public static final EventType STATE_INSPECTION_OPENED = EventType.of("state-inspection.opened", 1);
    public static final EventType STATE_INSPECTION_CONCLUDED = EventType.of("state-inspection.concluded", 1);
    public static final EventType PENALTY_DECIDED = EventType.of("penalty.decided", 1);
    public static final EventType PENALTY_PAID = EventType.of("penalty.paid", 1);
    public static final EventType COMPLIANCE_TEAM_FORMED = EventType.of("compliance-team.formed", 1);
    public static final EventType COMPLIANCE_VISIT_RECORDED = EventType.of("compliance-visit.recorded", 1);
    public static final EventType COMPLIANCE_COVERAGE_REPORTED = EventType.of("compliance-coverage.reported", 1);
    public static final EventType PLANNED_WORK_REGISTERED = EventType.of("planned-work.registered", 1);
    public static final EventType PLANNED_WORK_POSTPONED = EventType.of("planned-work.postponed", 1);

    /** inspection-body.registered: the same three fields the untyped map carried before. */
    public record InspectionBodyRegistered(String code, String name, String organization) {
    }

    public record ProgrammeIssued(UUID programmeId, String bodyCode, String bodyName, String organization,
            String documentNumber, LocalDate issuedOn, int year, String title, int itemsPlanned) {
    }

    /** One payload for every item transition; fields that do not apply yet are null. */
    public record ItemChanged(UUID itemId, UUID programmeId, String documentNumber, String bodyCode, String bodyName,
            String organization, int year, String kind, String mode, String targetType, String targetRef,
            String targetCellCode, String targetName, String status, LocalDate plannedFrom, LocalDate plannedTo,
            LocalDate startedOn, LocalDate concludedOn, Boolean violationFound, String remarks, String recommendations,
            String postponedReason, Integer postponedToYear, String cancelledReason,
            int programmeItemsPlanned, int programmeItemsConcluded) {
    }

    public record SelfInspectionRecorded(UUID planId, String organization, String cellCode, int year,
            LocalDate adoptedOn, int membersPlanned, int membersSelfInspected) {
    }

    public record StateInspectionChanged(UUID stateInspectionId, String organization, String issuer,
            String decisionNumber, LocalDate decisionDate, int year, List<String> fields, String title,
            String leadAgency, boolean interAgency, String status, LocalDate concludedOn, Boolean violationsFound,
            String findings, int subjectsInspected, int businessesInspected, int individualsInspected,
            int penaltiesDecided, long penaltiesTotalVnd) {
    }

    public record PenaltyChanged(UUID penaltyId, UUID stateInspectionId, String organization, String issuer,
            String decisionNumber, LocalDate decidedOn, int year, String offenderKind, long amountVnd, boolean paid,
            LocalDate paidOn) {
    }

    public record ComplianceTeamFormed(UUID teamId, String code, String organization, String name, String scope,
            int year, String decisionReference) {
    }

    public record ComplianceVisitRecorded(UUID visitId, String teamCode, String teamScope, String establishmentCode,
            String establishmentType, LocalDate visitedOn, int year, String result,
            boolean firstVisitOfEstablishmentInYear) {
    }

    public record ComplianceCoverageReported(UUID reportId, String organization, int year, String scope, int teams,
            String establishmentType, int establishments, String source, String sourceSentence) {
    }

    public record PlannedWorkChanged(UUID plannedWorkId, String organization, int year, String category, String field,
            String title, String planReference, String status, String postponedReason, Integer postponedToYear,
            String sourceSentence) {
    }

    private InspectionEvents() {
    }
}
