package vn.binhduong.sct.contract.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.binhduong.sct.contract.common.EstablishmentType;

/**
 * The payloads inspection-service publishes to sct.inspection.events (moved from inspection-service's events package;
 * the JSON shape is unchanged; {@code organization} is the registry code, see
 * {@link vn.binhduong.sct.contract.common.Organisations}).
 */
public final class InspectionPayloads {
    private InspectionPayloads() {
    }

    /** inspection-body.registered: the same three fields the untyped map carried before. */
    public record InspectionBodyRegistered(String code, String name, String organization) {
    }

    public record ProgrammeIssued(UUID programmeId, String bodyCode, String bodyName, String organization,
            String documentNumber, LocalDate issuedOn, int year, String title, int itemsPlanned) {
    }

    /** One payload for every item transition; fields that do not apply yet are null. */
    public record ItemChanged(UUID itemId, UUID programmeId, String documentNumber, String bodyCode, String bodyName,
            String organization, int year, ItemKind kind, ItemMode mode, TargetType targetType, String targetRef,
            String targetCellCode, String targetName, ItemStatus status, LocalDate plannedFrom, LocalDate plannedTo,
            LocalDate startedOn, LocalDate concludedOn, Boolean violationFound, String remarks, String recommendations,
            String postponedReason, Integer postponedToYear, String cancelledReason,
            int programmeItemsPlanned, int programmeItemsConcluded) {
    }

    public record SelfInspectionRecorded(UUID planId, String organization, String cellCode, int year,
            LocalDate adoptedOn, int membersPlanned, int membersSelfInspected) {
    }

    public record StateInspectionChanged(UUID stateInspectionId, String organization, String issuer,
            String decisionNumber, LocalDate decisionDate, int year, List<InspectionField> fields, String title,
            String leadAgency, boolean interAgency, StateInspectionStatus status, LocalDate concludedOn, Boolean violationsFound,
            String findings, int subjectsInspected, int businessesInspected, int individualsInspected,
            int penaltiesDecided, long penaltiesTotalVnd) {
    }

    public record PenaltyChanged(UUID penaltyId, UUID stateInspectionId, String organization, String issuer,
            String decisionNumber, LocalDate decidedOn, int year, SubjectKind offenderKind, long amountVnd, boolean paid,
            LocalDate paidOn) {
    }

    public record ComplianceTeamFormed(UUID teamId, String code, String organization, String name, ComplianceScope scope,
            int year, String decisionReference) {
    }

    public record ComplianceVisitRecorded(UUID visitId, String teamCode, ComplianceScope teamScope, String establishmentCode,
            EstablishmentType establishmentType, LocalDate visitedOn, int year, VisitResult result,
            boolean firstVisitOfEstablishmentInYear) {
    }

    public record ComplianceCoverageReported(UUID reportId, String organization, int year, ComplianceScope scope, int teams,
            EstablishmentType establishmentType, int establishments, String source, String sourceSentence) {
    }

    public record PlannedWorkChanged(UUID plannedWorkId, String organization, int year, PlannedWorkCategory category, InspectionField field,
            String title, String planReference, PlannedWorkStatus status, String postponedReason, Integer postponedToYear,
            String sourceSentence) {
    }
}
