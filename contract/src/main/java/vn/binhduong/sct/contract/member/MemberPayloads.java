package vn.binhduong.sct.contract.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The payloads member-service publishes to sct.member.events (moved from member-service's events package; the JSON
 * shape is unchanged). They carry what the report needs without calling back, and no personal data (no name, national
 * ID, date of birth or residence of a member: the member id and the counts are enough for the report).
 */
public final class MemberPayloads {
    private MemberPayloads() {
    }

    public record OrganizationPayload(String code, String name, String superiorBody, Integer termStartYear,
            Integer termEndYear) {
    }

    public record CellPayload(UUID cellId, String organization, String cellCode, String cellName) {
    }

    /**
     * Every member.* lifecycle event: the member's state after the change ({@code cellCode}, {@code status},
     * {@code onOfficialRoll}) from {@code effectiveDate}, and what it was before.
     */
    public record MemberChangePayload(UUID memberId, String organization, MovementKind kind, LocalDate effectiveDate,
            String cellCode, MemberStatus status, boolean onOfficialRoll, String previousCellCode, MemberStatus previousStatus,
            boolean religious, LocalDate admissionDate, LocalDate confirmationDate, TransferKind transferKind,
            String counterpart, LocalDate expectedReturn, RemovalReason reason, UUID candidateId) {
    }

    public record SuspensionPayload(UUID memberId, String organization, String cellCode, LocalDate from, LocalDate until) {
    }

    public record MemberUpdatedPayload(UUID memberId, String organization, String cellCode, boolean religious) {
    }

    /** {@code programme} on the wire is the constant's name ({@code ADVANCED_POLITICAL_THEORY}), as before. */
    public record TrainingPayload(UUID trainingId, UUID memberId, String organization, String cellCode,
            TrainingProgramme programme, int year, LocalDate startDate, LocalDate endDate, TrainingStatus status) {
    }

    public record ResidenceFeedbackPayload(UUID memberId, String organization, String cellCode, int year,
            ResidenceAssessment assessment) {
    }

    public record CandidatePayload(UUID candidateId, String organization, String cellCode, LocalDate awarenessClassDate,
            int awarenessClassYear, CandidateStatus status, UUID memberId) {
    }

    /** {@code cellCode} only for a cell committee (cell-committee.* events); absent from the organisation's. */
    public record CommitteePayload(UUID committeeId, String organization, CommitteeKind kind, int termStartYear, int termEndYear,
            int seats, @JsonInclude(JsonInclude.Include.NON_NULL) String cellCode) {
    }

    /** {@code cellCode} only for a cell committee (cell-committee.* events); absent from the organisation's. */
    public record SeatPayload(UUID seatId, UUID committeeId, String organization, CommitteeKind committeeKind, int termStartYear,
            UUID memberId, Position position, LocalDate since, LocalDate until, int seatsTotal, int seatsFilled,
            List<String> positionsHeldByMember, @JsonInclude(JsonInclude.Include.NON_NULL) String cellCode) {
    }

    public record YearOpenedPayload(String organization, int year, RuleSet ruleSet, LocalDate evaluationDate) {
    }

    public record MemberRatedPayload(String organization, int year, UUID memberId, String cellCode, Rating rating,
            Integer score, Rating previousRating) {
    }

    public record CellRatedPayload(String organization, int year, String cellCode, String cellName, Rating rating) {
    }

    public record OrganizationRatedPayload(String organization, int year, Rating rating) {
    }

    public record CellResult(String cellCode, String cellName, Rating rating) {
    }

    /** The year's totals as finalised: everything the report states about the evaluation. */
    public record YearFinalizedPayload(String organization, int year, RuleSet ruleSet, LocalDate evaluationDate,
            int membersOnRoll, int eligibleMembers, int ratedMembers, int notRatedAdmittedRecently, int notRatedSuspended,
            Map<Rating, Integer> membersByRating, int goodOrBetter, int maxExcellent, int cellsTotal,
            Map<Rating, Integer> cellsByRating, List<CellResult> cells, Rating organizationRating, String finalizedBy) {
    }

    public record YearReopenedPayload(String organization, int year, String reason, String reopenedBy) {
    }
}
