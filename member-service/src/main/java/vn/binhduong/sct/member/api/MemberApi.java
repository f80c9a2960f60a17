package vn.binhduong.sct.member.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.member.domain.Candidate;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.member.domain.RemovalReason;
import vn.binhduong.sct.member.domain.ResidenceFeedback;
import vn.binhduong.sct.member.domain.Training;
import vn.binhduong.sct.member.domain.TrainingProgramme;
import vn.binhduong.sct.member.domain.TransferKind;

/** Request and response records of the member endpoints. */
public final class MemberApi {
    private MemberApi() {
    }

    @Schema(description = "Identity and personal data of a member (personal data: dateOfBirth, nationalId, residence)")
    public record Identity(
            @Schema(description = "họ và tên", examples = "Trần Thị Mai") @NotBlank @Size(max = 200) String fullName,
            @Schema(description = "giới tính", examples = "FEMALE") @Pattern(regexp = "MALE|FEMALE", message = "MALE or FEMALE") String gender,
            @Schema(description = "dân tộc", examples = "Kinh") @Size(max = 60) String ethnicity,
            @Schema(description = "member follows a religion (đảng viên tham gia tôn giáo)", examples = "false") boolean religious,
            @Schema(description = "ngày sinh (personal data)", examples = "1985-04-12") @Past LocalDate dateOfBirth,
            @Schema(description = "số CCCD (personal data)", examples = "074185000123") @Pattern(regexp = "[0-9]{9}|[0-9]{12}", message = "9 or 12 digits") String nationalId,
            @Schema(description = "nơi cư trú (personal data)", examples = "Phường Phú Cường, Thủ Dầu Một") @Size(max = 400) String residence,
            @Schema(description = "số thẻ đảng viên", examples = "74.012345") @Size(max = 30) String partyCardNumber,
            @Schema(description = "chức vụ chính quyền", examples = "Chuyên viên Phòng Quản lý Thương mại") @Size(max = 200) String departmentPosition) {
    }

    @Schema(description = "A member already in the organisation when the registry starts keeping them")
    public record RegisterMemberRequest(
            @Schema(description = "identity") @NotNull @Valid Identity identity,
            @Schema(description = "cell code", examples = "CB1") @NotBlank String cellCode,
            @Schema(description = "PROBATIONARY or OFFICIAL", examples = "OFFICIAL") @NotNull MemberStatus status,
            @Schema(description = "ngày kết nạp", examples = "2010-05-19") @NotNull @Past LocalDate admissionDate,
            @Schema(description = "ngày chuyển chính thức, for official members", examples = "2011-05-19") LocalDate confirmationDate,
            @Schema(description = "date from which the member is on this registry's roll (defaults to the admission date)", examples = "2021-01-01") LocalDate onRollSince) {
    }

    @Schema(description = "Kết nạp: admit a new probationary member")
    public record AdmitRequest(
            @Schema(description = "identity") @NotNull @Valid Identity identity,
            @Schema(description = "cell code", examples = "CB2") @NotBlank String cellCode,
            @Schema(description = "ngày kết nạp", examples = "2021-05-19") @NotNull LocalDate admissionDate,
            @Schema(description = "the awareness-class candidate admitted, if tracked") UUID candidateId) {
    }

    @Schema(description = "Chuyển đảng chính thức")
    public record ConfirmRequest(
            @Schema(description = "ngày chuyển chính thức: not before 12 months after admission", examples = "2021-06-01") @NotNull LocalDate confirmationDate,
            @Schema(description = "the version read (optional); a stale one is refused with 409") Integer version) {
    }

    @Schema(description = "Move a member to another cell of the organisation")
    public record CellTransferRequest(
            @Schema(description = "target cell code", examples = "CB3") @NotBlank String toCellCode,
            @Schema(description = "effective date", examples = "2021-07-01") @NotNull LocalDate date,
            @Schema(description = "the version read (optional)") Integer version) {
    }

    @Schema(description = "Chuyển sinh hoạt đảng đi: permanent, or temporary for a stay of 3 to 12 months")
    public record TransferOutRequest(
            @Schema(description = "PERMANENT or TEMPORARY", examples = "PERMANENT") @NotNull TransferKind kind,
            @Schema(description = "effective date", examples = "2021-08-01") @NotNull LocalDate date,
            @Schema(description = "receiving organisation", examples = "Đảng bộ Sở Tài chính") @NotBlank @Size(max = 300) String destination,
            @Schema(description = "expected return, for a temporary transfer (3 to 12 months after the date)", examples = "2022-02-01") LocalDate expectedReturn,
            @Schema(description = "the version read (optional)") Integer version) {
    }

    @Schema(description = "Tiếp nhận sinh hoạt đảng: a member arriving from another organisation")
    public record TransferInRequest(
            @Schema(description = "identity") @NotNull @Valid Identity identity,
            @Schema(description = "cell code", examples = "CB1") @NotBlank String cellCode,
            @Schema(description = "PERMANENT or TEMPORARY", examples = "PERMANENT") @NotNull TransferKind kind,
            @Schema(description = "effective date", examples = "2021-09-01") @NotNull LocalDate date,
            @Schema(description = "organisation the member comes from", examples = "Đảng bộ Sở Xây dựng") @NotBlank @Size(max = 300) String origin,
            @Schema(description = "PROBATIONARY or OFFICIAL", examples = "OFFICIAL") @NotNull MemberStatus status,
            @Schema(description = "ngày kết nạp", examples = "2012-03-03") @NotNull @Past LocalDate admissionDate,
            @Schema(description = "ngày chuyển chính thức", examples = "2013-03-03") LocalDate confirmationDate,
            @Schema(description = "expected end of a temporary stay (3 to 12 months after the date)", examples = "2022-03-01") LocalDate expectedReturn) {
    }

    @Schema(description = "Remove a member from the roll")
    public record RemovalRequest(
            @Schema(description = "STRUCK_OFF, EXPELLED, RESIGNED or NOT_CONFIRMED (probationary members only)", examples = "NOT_CONFIRMED") @NotNull RemovalReason reason,
            @Schema(description = "effective date", examples = "2021-10-01") @NotNull LocalDate date,
            @Schema(description = "decision reference", examples = "Quyết định số 12-QĐ/ĐU") @Size(max = 300) String decision,
            @Schema(description = "the version read (optional)") Integer version) {
    }

    @Schema(description = "Back from a temporary transfer out (chuyển sinh hoạt tạm thời): the member attends their cell again")
    public record ReturnRequest(
            @Schema(description = "date of the return", examples = "2022-01-15") @NotNull LocalDate date,
            @Schema(description = "the version read (optional)") Integer version) {
    }

    @Schema(description = "Record a member's death")
    public record DeathRequest(
            @Schema(description = "date of death", examples = "2021-11-02") @NotNull LocalDate date,
            @Schema(description = "the version read (optional)") Integer version) {
    }

    @Schema(description = "Đình chỉ sinh hoạt: a suspended member is not rated")
    public record SuspensionRequest(
            @Schema(description = "from", examples = "2021-10-01") @NotNull LocalDate from,
            @Schema(description = "until (open if absent)", examples = "2022-01-31") LocalDate until,
            @Schema(description = "the version read (optional)") Integer version) {
    }

    @Schema(description = "New identity data; version is required")
    public record UpdateMemberRequest(
            @Schema(description = "identity") @NotNull @Valid Identity identity,
            @Schema(description = "the version read; a stale one is refused with 409", examples = "0") @NotNull Integer version) {
    }

    @Schema(description = "A member. The sensitive personal data (dateOfBirth, nationalId, residence, ethnicity, religious) is null"
            + " unless the caller is admin, party committee or the secretary of the member's cell; every answer that carries it is"
            + " recorded in the personal-data access log (GET /api/v1/personal-data-reads)")
    public record MemberView(
            @Schema(description = "id") UUID id,
            @Schema(description = "organisation code", examples = "DB-SCT") String organization,
            @Schema(description = "cell code", examples = "CB1") String cellCode,
            @Schema(description = "full name") String fullName,
            @Schema(description = "gender") String gender,
            @Schema(description = "ethnicity (sensitive personal data; null when withheld)", nullable = true) String ethnicity,
            @Schema(description = "follows a religion (sensitive personal data; null when withheld)", nullable = true) Boolean religious,
            @Schema(description = "date of birth (sensitive personal data; null when withheld)", nullable = true) LocalDate dateOfBirth,
            @Schema(description = "national ID (sensitive personal data; null when withheld)", nullable = true) String nationalId,
            @Schema(description = "residence (sensitive personal data; null when withheld)", nullable = true) String residence,
            @Schema(description = "true when the sensitive personal data fields were withheld from this caller") boolean personalDataHidden,
            @Schema(description = "status", examples = "OFFICIAL") MemberStatus status,
            @Schema(description = "attending on a temporary transfer-in, not on the official roll") boolean temporary,
            @Schema(description = "admission date") LocalDate admissionDate,
            @Schema(description = "confirmation date") LocalDate confirmationDate,
            @Schema(description = "earliest confirmation date (admission + 12 months), for probationary members") LocalDate earliestConfirmation,
            @Schema(description = "party card number") String partyCardNumber,
            @Schema(description = "position in the department") String departmentPosition,
            @Schema(description = "on the roll since") LocalDate onRollSince,
            @Schema(description = "left the roll on") LocalDate leftOn,
            @Schema(description = "away on a temporary transfer until") LocalDate temporarilyAwayUntil,
            @Schema(description = "suspended from") LocalDate suspendedFrom,
            @Schema(description = "suspended until") LocalDate suspendedUntil,
            @Schema(description = "optimistic-lock version") int version) {
        public static MemberView of(Member m, String organization, String cellCode, boolean personal) {
            return new MemberView(m.id, organization, cellCode, m.fullName, m.gender, personal ? m.ethnicity : null,
                    personal ? Boolean.valueOf(m.religious) : null,
                    personal ? m.dateOfBirth : null, personal ? m.nationalId : null, personal ? m.residence : null, !personal,
                    m.status, m.temporary, m.admissionDate, m.confirmationDate,
                    m.status == MemberStatus.PROBATIONARY ? m.earliestConfirmation() : null, m.partyCardNumber,
                    m.departmentPosition, m.onRollSince, m.leftOn, m.temporarilyAwayUntil, m.suspendedFrom, m.suspendedUntil,
                    m.version);
        }

        /** This view with the cell code {@code code}. */
        public MemberView withCellCode(String code) {
            return new MemberView(id, organization, code, fullName, gender, ethnicity, religious, dateOfBirth, nationalId, residence,
                    personalDataHidden, status, temporary, admissionDate, confirmationDate, earliestConfirmation, partyCardNumber,
                    departmentPosition, onRollSince, leftOn, temporarilyAwayUntil, suspendedFrom, suspendedUntil, version);
        }
    }

    @Schema(description = "One page of members. Read by offset (page/size: page, total and totalPages present, the total counted"
            + " on every request) or by cursor (after/size: an index range scan however deep; page and totalPages absent, total only"
            + " with total=true). next is the cursor after the last item in both modes, absent on the last page")
    public record MemberListPage(
            @Schema(description = "the members of this page") List<MemberView> items,
            @Schema(description = "the page number from 0, in offset mode; absent when read by cursor", nullable = true) Integer page,
            @Schema(description = "the page size asked for") int size,
            @Schema(description = "members in the whole filtered list: always in offset mode, with total=true in cursor mode", nullable = true) Long total,
            @Schema(description = "pages in the whole list, in offset mode", nullable = true) Integer totalPages,
            @Schema(description = "cursor to pass as after for the following page; absent on the last page", nullable = true) String next) {
    }

    @Schema(description = "One page of a list, by offset (page/size: page, total and totalPages present) or by cursor (after/size:"
            + " page and totalPages absent, total only with total=true); next is the cursor after the last item, absent on the last page")
    public record ListPage<T>(
            @Schema(description = "the items of this page") List<T> items,
            @Schema(description = "the page number from 0, in offset mode", nullable = true) Integer page,
            @Schema(description = "the page size asked for") int size,
            @Schema(description = "items in the whole filtered list: always in offset mode, with total=true by cursor", nullable = true) Long total,
            @Schema(description = "pages in the whole list, in offset mode", nullable = true) Integer totalPages,
            @Schema(description = "cursor to pass as after for the following page; absent on the last page", nullable = true) String next) {

        /** Offset mode: {@code items} is the page, {@code total} the count. */
        public static <E, T> ListPage<T> ofOffset(List<E> items, java.util.function.Function<E, T> view,
                java.util.function.Function<E, String> cursorOf, int page, int size, long total) {
            boolean more = (long) page * size + items.size() < total && !items.isEmpty();
            return new ListPage<>(items.stream().map(view).toList(), page, size, total, (int) ((total + size - 1) / size),
                    more ? cursorOf.apply(items.get(items.size() - 1)) : null);
        }

        /** Cursor mode: {@code rowsPlusOne} holds up to size + 1 rows, the extra one says a next page exists. */
        public static <E, T> ListPage<T> ofCursor(List<E> rowsPlusOne, java.util.function.Function<E, T> view,
                java.util.function.Function<E, String> cursorOf, int size, Long total) {
            boolean more = rowsPlusOne.size() > size;
            List<E> items = more ? rowsPlusOne.subList(0, size) : rowsPlusOne;
            return new ListPage<>(items.stream().map(view).toList(), null, size, total, null,
                    more ? cursorOf.apply(items.get(items.size() - 1)) : null);
        }
    }

    @Schema(description = "One read of a member's personal data: who read it, which member, when, through which operation. Never the data itself")
    public record PersonalDataReadView(
            @Schema(description = "the id of the log row (increasing): the members served by one answer share it, told apart by position") long id,
            @Schema(description = "when the data was served") java.time.OffsetDateTime at,
            @Schema(description = "the token's subject (user name)", examples = "nguyen.van.a") String subject,
            @Schema(description = "the roles the caller held, comma-separated", examples = "party-committee") String roles,
            @Schema(description = "the member whose personal data was served") UUID memberId,
            @Schema(description = "the API operation (operationId)", examples = "getMember") String operation,
            @Schema(description = "the endpoint, method and path template", examples = "GET /api/v1/members/{id}") String endpoint,
            @Schema(description = "the member's position in the answer's log row, from 1 (one entry per member served)") int position) {
    }

    @Schema(description = "Send a member to a training programme")
    public record TrainingRequest(
            @Schema(description = "member id") @NotNull UUID memberId,
            @Schema(description = "programme", examples = "INTERMEDIATE_POLITICAL_THEORY") @NotNull TrainingProgramme programme,
            @Schema(description = "year sent", examples = "2021") @NotNull @Min(1930) @Max(2100) Integer year,
            @Schema(description = "start date", examples = "2021-09-06") LocalDate startDate,
            @Schema(description = "end date", examples = "2022-06-30") LocalDate endDate,
            @Schema(description = "institution", examples = "Trường Chính trị tỉnh Bình Dương") @Size(max = 300) String institution,
            @Schema(description = "SENT, COMPLETED or WITHDRAWN; SENT if absent", examples = "SENT") Training.Status status) {
    }

    @Schema(description = "A member's training")
    public record TrainingView(UUID id, UUID memberId, String cellCode, TrainingProgramme programme, int year, LocalDate startDate,
            LocalDate endDate, String institution, Training.Status status, int version) {
    }

    @Schema(description = "A non-member sent to the party awareness class")
    public record CandidateRequest(
            @Schema(description = "họ và tên", examples = "Lê Văn Nam") @NotBlank @Size(max = 200) String fullName,
            @Schema(description = "cell that proposes the candidate", examples = "CB3") @NotBlank String cellCode,
            @Schema(description = "date of the awareness class", examples = "2021-10-15") @NotNull LocalDate awarenessClassDate) {
    }

    @Schema(description = "A candidate")
    public record CandidateView(UUID id, String organization, String cellCode, String fullName, LocalDate awarenessClassDate,
            Candidate.Status status, UUID memberId, int version) {
    }

    @Schema(description = "The residence committees' remarks on members for a year (Quy định 213-QĐ/TW)")
    public record ResidenceFeedbackRequest(
            @Schema(description = "year", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "one entry per member") @NotEmpty @Size(max = 1000) List<@Valid @NotNull Entry> entries) {
        @Schema(description = "one member's remark")
        public record Entry(
                @Schema(description = "member id") @NotNull UUID memberId,
                @Schema(description = "GOOD (chấp hành tốt) or NOT_GOOD", examples = "GOOD") @NotNull ResidenceFeedback.Assessment assessment,
                @Schema(description = "the local committee's remark") @Size(max = 1000) String remark,
                @Schema(description = "the local committee", examples = "Đảng ủy phường Phú Cường") @Size(max = 300) String localCommittee) {
        }
    }

    @Schema(description = "Residence feedback counts for a year")
    public record ResidenceFeedbackSummary(int year, int recorded, int good, int notGood) {
    }
}
