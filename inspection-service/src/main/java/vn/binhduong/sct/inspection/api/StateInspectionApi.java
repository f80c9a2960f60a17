package vn.binhduong.sct.inspection.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.inspection.domain.InspectionField;
import vn.binhduong.sct.inspection.domain.PenaltyDecision;
import vn.binhduong.sct.inspection.domain.StateInspection;
import vn.binhduong.sct.inspection.domain.SubjectKind;

/** Request and response records of the state inspection (thanh tra) and penalty API. */
public final class StateInspectionApi {
    private StateInspectionApi() {
    }

    @Schema(description = "Một đoàn thanh tra")
    public record StateInspectionRequest(
            @Schema(description = "mã cơ quan (Sở)", examples = "SCT") @NotBlank @Size(max = 40) String organization,
            @Schema(description = "cơ quan ra quyết định thành lập đoàn", examples = "SCT") @NotBlank @Size(max = 40) String issuer,
            @Schema(description = "số quyết định, duy nhất theo cơ quan ra quyết định; để trống khi báo cáo không nêu", examples = "170/QĐ-SYT") @Size(max = 80) String decisionNumber,
            @Schema(description = "ngày quyết định", examples = "2020-08-24") LocalDate decisionDate,
            @Schema(description = "năm báo cáo", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "lĩnh vực", examples = "[\"PETROLEUM\",\"CHEMICALS\"]") @NotEmpty @Size(max = 13) List<@NotNull InspectionField> fields,
            @Schema(description = "tên / nội dung đoàn", examples = "Thanh tra chấp hành pháp luật trong lĩnh vực ngành Công Thương") @NotBlank @Size(max = 500) String title,
            @Schema(description = "cơ quan chủ trì", examples = "Sở Y tế") @Size(max = 200) String leadAgency,
            @Schema(description = "đoàn liên ngành do cơ quan khác chủ trì, Sở tham gia", examples = "false") boolean interAgency,
            @Schema(description = "câu nguồn trong báo cáo") @Size(max = 4000) String sourceSentence) {
    }

    @Schema(description = "Một đối tượng được thanh tra")
    public record SubjectRequest(
            @Schema(description = "BUSINESS doanh nghiệp / tổ chức, INDIVIDUAL cá nhân", examples = "BUSINESS") @NotNull SubjectKind kind,
            @Schema(description = "tên", examples = "Công ty TNHH Xăng dầu Minh Phát") @NotBlank @Size(max = 300) String name) {
    }

    @Schema(description = "Kết luận thanh tra")
    public record StateConclusionRequest(
            @Schema(description = "ngày kết luận", examples = "2021-11-30") @NotNull LocalDate concludedOn,
            @Schema(description = "có phát hiện vi phạm; để trống khi báo cáo không nêu riêng cho đoàn này", examples = "true") Boolean violationsFound,
            @Schema(description = "kết quả, phát hiện") @NotBlank @Size(max = 8000) String findings,
            @Schema(description = "phiên bản đang sửa; có thể thay bằng header If-Match: \"<version>\" (ETag của GET)", examples = "0") Integer version) {
    }

    @Schema(description = "Một quyết định xử phạt vi phạm hành chính")
    public record PenaltyRequest(
            @Schema(description = "đoàn thanh tra dẫn tới quyết định, nếu biết") UUID stateInspectionId,
            @Schema(description = "mã cơ quan", examples = "SCT") @NotBlank @Size(max = 40) String organization,
            @Schema(description = "cơ quan ra quyết định", examples = "SCT") @NotBlank @Size(max = 40) String issuer,
            @Schema(description = "số quyết định, duy nhất theo cơ quan; để trống khi báo cáo không nêu", examples = "12/QĐ-XPVPHC") @Size(max = 80) String decisionNumber,
            @Schema(description = "ngày quyết định", examples = "2021-10-05") LocalDate decidedOn,
            @Schema(description = "năm báo cáo", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "bị xử phạt: BUSINESS tổ chức / doanh nghiệp, INDIVIDUAL cá nhân", examples = "BUSINESS") @NotNull SubjectKind offenderKind,
            @Schema(description = "tên (không công bố trong sự kiện)") @Size(max = 300) String offenderName,
            @Schema(description = "hành vi vi phạm") @Size(max = 4000) String violation,
            @Schema(description = "số tiền phạt, đồng, số nguyên dương (1.5 bị từ chối, không làm tròn)", examples = "30000000") @NotNull @Positive @jakarta.validation.constraints.Digits(integer = 15, fraction = 0, message = "must be a whole number of đồng") java.math.BigDecimal amountVnd,
            @Schema(description = "đã chấp hành (nộp phạt)", examples = "true") boolean paid,
            @Schema(description = "ngày nộp phạt") LocalDate paidOn,
            @Schema(description = "câu nguồn trong báo cáo") @Size(max = 4000) String sourceSentence) {
    }

    @Schema(description = "Ghi nhận đã chấp hành quyết định xử phạt")
    public record PaymentRequest(
            @Schema(description = "ngày nộp", examples = "2021-10-20") LocalDate paidOn,
            @Schema(description = "phiên bản đang sửa; có thể thay bằng header If-Match: \"<version>\" (ETag của GET)", examples = "0") Integer version) {
    }

    @Schema(description = "Một đối tượng được thanh tra")
    public record SubjectView(
            @Schema(description = "BUSINESS doanh nghiệp / tổ chức, INDIVIDUAL cá nhân") SubjectKind kind,
            @Schema(description = "tên; null với cá nhân khi người đọc không được xem tên người", nullable = true) String name) {
        public static SubjectView of(SubjectKind kind, String name, boolean namesVisible) {
            return new SubjectView(kind, kind == SubjectKind.INDIVIDUAL && !namesVisible ? null : name);
        }
    }

    @Schema(description = "Đoàn thanh tra")
    public record StateInspectionView(
            @Schema(description = "id") UUID id, @Schema(description = "mã cơ quan") String organization,
            @Schema(description = "cơ quan ra quyết định") String issuer,
            @Schema(description = "số quyết định") String decisionNumber,
            @Schema(description = "ngày quyết định") LocalDate decisionDate, @Schema(description = "năm") int year,
            @Schema(description = "lĩnh vực") List<InspectionField> fields, @Schema(description = "tên") String title,
            @Schema(description = "cơ quan chủ trì") String leadAgency,
            @Schema(description = "liên ngành") boolean interAgency,
            @Schema(description = "OPEN / CONCLUDED") StateInspection.Status status,
            @Schema(description = "ngày kết luận") LocalDate concludedOn,
            @Schema(description = "có vi phạm") Boolean violationsFound,
            @Schema(description = "kết quả") String findings,
            @Schema(description = "đối tượng được thanh tra; tên cá nhân chỉ hiện với admin, party-committee, department-staff") List<SubjectView> subjects,
            @Schema(description = "câu nguồn") String sourceSentence, @Schema(description = "phiên bản") int version) {
        public static StateInspectionView of(StateInspection s, List<SubjectView> subjects) {
            return new StateInspectionView(s.id, s.organization, s.issuer, s.decisionNumber, s.decisionDate, s.year,
                    s.fieldList(), s.title, s.leadAgency, s.interAgency, s.status, s.concludedOn, s.violationsFound,
                    s.findings, subjects, s.sourceSentence, s.version);
        }
    }

    @Schema(description = "Quyết định xử phạt")
    public record PenaltyView(
            @Schema(description = "id") UUID id, @Schema(description = "đoàn thanh tra") UUID stateInspectionId,
            @Schema(description = "mã cơ quan") String organization, @Schema(description = "cơ quan ra quyết định") String issuer,
            @Schema(description = "số quyết định") String decisionNumber, @Schema(description = "ngày") LocalDate decidedOn,
            @Schema(description = "năm") int year, @Schema(description = "bị xử phạt") SubjectKind offenderKind,
            @Schema(description = "tên; với cá nhân bị xử phạt chỉ hiện cho admin, party-committee, department-staff (null với người đọc khác)", nullable = true) String offenderName,
            @Schema(description = "hành vi") String violation,
            @Schema(description = "số tiền, đồng") long amountVnd, @Schema(description = "đã chấp hành") boolean paid,
            @Schema(description = "ngày nộp") LocalDate paidOn, @Schema(description = "câu nguồn") String sourceSentence,
            @Schema(description = "phiên bản") int version) {
        public static PenaltyView of(PenaltyDecision p, boolean namesVisible) {
            return new PenaltyView(p.id, p.stateInspectionId, p.organization, p.issuer, p.decisionNumber, p.decidedOn,
                    p.year, p.offenderKind, offenderName(p, namesVisible), p.violation, p.amountVnd, p.paid, p.paidOn,
                    p.sourceSentence, p.version);
        }

        public static String offenderName(PenaltyDecision p, boolean namesVisible) {
            return p.offenderKind == SubjectKind.INDIVIDUAL && !namesVisible ? null : p.offenderName;
        }
    }

    @Schema(description = "Số liệu thanh tra và xử phạt của một năm")
    public record StateStatistics(
            @Schema(description = "năm") int year,
            @Schema(description = "số đoàn thanh tra do Sở thực hiện (không kể đoàn liên ngành tham gia)") int delegations,
            @Schema(description = "số đoàn liên ngành Sở tham gia") int interAgencyDelegationsJoined,
            @Schema(description = "số đoàn đã kết luận") int delegationsConcluded,
            @Schema(description = "số quyết định xử phạt") int penalties,
            @Schema(description = "số cá nhân bị xử phạt") int individualsPenalized,
            @Schema(description = "số tổ chức, doanh nghiệp bị xử phạt") int businessesPenalized,
            @Schema(description = "tổng tiền phạt, đồng") long totalAmountVnd,
            @Schema(description = "số quyết định đã chấp hành") int penaltiesPaid,
            @Schema(description = "tất cả đã chấp hành") boolean allComplied) {
    }
}
