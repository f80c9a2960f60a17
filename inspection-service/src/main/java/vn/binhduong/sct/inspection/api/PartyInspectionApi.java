package vn.binhduong.sct.inspection.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.inspection.domain.InspectionItem;
import vn.binhduong.sct.inspection.domain.InspectionProgramme;
import vn.binhduong.sct.inspection.domain.ItemKind;
import vn.binhduong.sct.inspection.domain.ItemMode;
import vn.binhduong.sct.inspection.domain.ItemStatus;
import vn.binhduong.sct.inspection.domain.SelfInspectionPlan;
import vn.binhduong.sct.inspection.domain.TargetType;

/** Request and response records of the party inspection and supervision API. */
public final class PartyInspectionApi {
    private PartyInspectionApi() {
    }

    @Schema(description = "Một chương trình kiểm tra, giám sát")
    public record ProgrammeRequest(
            @Schema(description = "mã cơ quan ban hành (đã đăng ký ở /api/v1/bodies)", examples = "BTV-DUSCT") @NotBlank @Size(max = 40) String bodyCode,
            @Schema(description = "số văn bản, duy nhất theo cơ quan ban hành", examples = "06-CTr/ĐUSCT") @NotBlank @Size(max = 80) String documentNumber,
            @Schema(description = "ngày ban hành, trong năm của chương trình", examples = "2021-02-02") @NotNull LocalDate issuedOn,
            @Schema(description = "năm của chương trình", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "trích yếu", examples = "Chương trình kiểm tra, giám sát của Ban Thường vụ Đảng ủy Sở Công Thương năm 2021") @NotBlank @Size(max = 500) String title,
            @Schema(description = "các nội dung kiểm tra, giám sát kèm theo (có thể thêm sau)") @Valid @Size(max = 200) List<@NotNull @Valid ItemRequest> items) {
    }

    @Schema(description = "Một nội dung kiểm tra, giám sát hoặc tự kiểm tra trong chương trình")
    public record ItemRequest(
            @Schema(description = "loại: INSPECTION kiểm tra, SUPERVISION giám sát, SELF_INSPECTION tự kiểm tra", examples = "INSPECTION") @NotNull ItemKind kind,
            @Schema(description = "hình thức: REGULAR thường xuyên, THEMATIC chuyên đề, PERIODIC định kỳ, ON_SIGNS_OF_VIOLATION khi có dấu hiệu vi phạm", examples = "THEMATIC") @NotNull ItemMode mode,
            @Schema(description = "đối tượng: CELL chi bộ hoặc MEMBER đảng viên", examples = "CELL") @NotNull TargetType targetType,
            @Schema(description = "mã chi bộ (hoặc cellId) hay memberId như member-service công bố trên sct.member.events", examples = "CB3") @NotBlank @Size(max = 80) String targetRef,
            @Schema(description = "nội dung kiểm tra, giám sát", examples = "Việc chấp hành Điều lệ Đảng, nguyên tắc tập trung dân chủ") @Size(max = 1000) String subject,
            @Schema(description = "bắt đầu dự kiến, trong năm của chương trình", examples = "2021-06-01") @NotNull LocalDate plannedFrom,
            @Schema(description = "kết thúc dự kiến, trong năm của chương trình", examples = "2021-06-30") @NotNull LocalDate plannedTo) {
    }

    @Schema(description = "Bắt đầu tiến hành")
    public record StartRequest(
            @Schema(description = "ngày bắt đầu", examples = "2021-06-01") @NotNull LocalDate startedOn,
            @Schema(description = "phiên bản đang sửa (khóa lạc quan); có thể thay bằng header If-Match: \"<version>\" (ETag của GET)", examples = "0") Integer version) {
    }

    @Schema(description = "Kết luận kiểm tra, giám sát")
    public record ConclusionRequest(
            @Schema(description = "ngày kết luận", examples = "2021-07-15") @NotNull LocalDate concludedOn,
            @Schema(description = "có phát hiện vi phạm không", examples = "false") @NotNull Boolean violationFound,
            @Schema(description = "nhận xét, đánh giá", examples = "Thực hiện tốt nội dung kiểm tra") @Size(max = 4000) String remarks,
            @Schema(description = "kiến nghị", examples = "Phát huy ưu điểm, khắc phục hạn chế") @Size(max = 4000) String recommendations,
            @Schema(description = "phiên bản đang sửa; có thể thay bằng header If-Match: \"<version>\" (ETag của GET)", examples = "1") Integer version) {
    }

    @Schema(description = "Hoãn sang năm sau, giữ lý do")
    public record PostponementRequest(
            @Schema(description = "lý do", examples = "Do tình hình dịch bệnh Covid-19 diễn biến phức tạp") @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "năm thực hiện mới, sau năm kế hoạch", examples = "2022") @NotNull @Min(2000) @Max(2100) Integer toYear,
            @Schema(description = "phiên bản đang sửa; có thể thay bằng header If-Match: \"<version>\" (ETag của GET)", examples = "0") Integer version) {
    }

    @Schema(description = "Hủy, giữ lý do")
    public record CancellationRequest(
            @Schema(description = "lý do", examples = "Trùng nội dung với đoàn kiểm tra của cấp trên") @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "phiên bản đang sửa; có thể thay bằng header If-Match: \"<version>\" (ETag của GET)", examples = "0") Integer version) {
    }

    @Schema(description = "Kế hoạch tự kiểm tra, giám sát của một chi bộ trong năm và số đảng viên đã tự kiểm tra")
    public record SelfInspectionRequest(
            @Schema(description = "mã tổ chức đảng", examples = "DB-SCT") @NotBlank @Size(max = 40) String organization,
            @Schema(description = "mã chi bộ (hoặc cellId) như member-service công bố", examples = "CB1") @NotBlank @Size(max = 80) String cellCode,
            @Schema(description = "năm", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "ngày ban hành kế hoạch, trong năm", examples = "2021-03-01") LocalDate adoptedOn,
            @Schema(description = "số đảng viên trong kế hoạch tự kiểm tra", examples = "4") @NotNull @Min(0) Integer membersPlanned,
            @Schema(description = "số đảng viên đã tự kiểm tra (không vượt số trong kế hoạch)", examples = "4") @NotNull @Min(0) Integer membersSelfInspected,
            @Schema(description = "ghi chú") @Size(max = 2000) String remarks) {
    }

    @Schema(description = "Chương trình kiểm tra, giám sát")
    public record ProgrammeView(
            @Schema(description = "id") UUID id,
            @Schema(description = "mã cơ quan ban hành") String bodyCode,
            @Schema(description = "mã tổ chức đảng") String organization,
            @Schema(description = "số văn bản") String documentNumber,
            @Schema(description = "ngày ban hành") LocalDate issuedOn,
            @Schema(description = "năm") int year,
            @Schema(description = "trích yếu") String title,
            @Schema(description = "tiến độ, tính từ các nội dung") Completion completion,
            @Schema(description = "các nội dung") List<ItemView> items,
            @Schema(description = "phiên bản") int version) {
        public static ProgrammeView of(InspectionProgramme p, List<InspectionItem> items) {
            return new ProgrammeView(p.id, p.bodyCode, p.organization, p.documentNumber, p.issuedOn, p.year, p.title,
                    Completion.of(items), items.stream().map(ItemView::of).toList(), p.version);
        }
    }

    @Schema(description = "Tiến độ: số nội dung đã kết luận trên số nội dung kế hoạch (không tính nội dung đã hủy)")
    public record Completion(
            @Schema(description = "số nội dung kế hoạch (trừ đã hủy)") int planned,
            @Schema(description = "đã kết luận") int concluded,
            @Schema(description = "đang tiến hành") int inProgress,
            @Schema(description = "hoãn") int postponed,
            @Schema(description = "đã hủy (không tính vào kế hoạch)") int cancelled,
            @Schema(description = "tỉ lệ hoàn thành concluded/planned, số thập phân 0..1 (unit: ratio); null khi không có kế hoạch", examples = "1.0000") BigDecimal rate) {
        public static Completion of(List<InspectionItem> items) {
            int cancelled = count(items, ItemStatus.CANCELLED);
            int planned = items.size() - cancelled;
            int concluded = count(items, ItemStatus.CONCLUDED);
            BigDecimal rate = planned == 0 ? null
                    : BigDecimal.valueOf(concluded).divide(BigDecimal.valueOf(planned), 4, java.math.RoundingMode.HALF_UP);
            return new Completion(planned, concluded, count(items, ItemStatus.IN_PROGRESS),
                    count(items, ItemStatus.POSTPONED), cancelled, rate);
        }

        private static int count(List<InspectionItem> items, ItemStatus s) {
            return (int) items.stream().filter(i -> i.status == s).count();
        }
    }

    @Schema(description = "Một nội dung kiểm tra, giám sát")
    public record ItemView(
            @Schema(description = "id") UUID id,
            @Schema(description = "id chương trình") UUID programmeId,
            @Schema(description = "loại") ItemKind kind,
            @Schema(description = "hình thức") ItemMode mode,
            @Schema(description = "loại đối tượng") TargetType targetType,
            @Schema(description = "tham chiếu đối tượng như đã gửi") String targetRef,
            @Schema(description = "mã chi bộ của đối tượng") String targetCellCode,
            @Schema(description = "tên đối tượng (chi bộ) theo member-service") String targetName,
            @Schema(description = "nội dung") String subject,
            @Schema(description = "bắt đầu dự kiến") LocalDate plannedFrom,
            @Schema(description = "kết thúc dự kiến") LocalDate plannedTo,
            @Schema(description = "trạng thái") ItemStatus status,
            @Schema(description = "ngày bắt đầu") LocalDate startedOn,
            @Schema(description = "ngày kết luận") LocalDate concludedOn,
            @Schema(description = "có vi phạm") Boolean violationFound,
            @Schema(description = "nhận xét") String remarks,
            @Schema(description = "kiến nghị") String recommendations,
            @Schema(description = "lý do hoãn") String postponedReason,
            @Schema(description = "hoãn sang năm") Integer postponedToYear,
            @Schema(description = "lý do hủy") String cancelledReason,
            @Schema(description = "phiên bản") int version) {
        public static ItemView of(InspectionItem i) {
            return new ItemView(i.id, i.programmeId, i.kind, i.mode, i.targetType, i.targetRef, i.targetCellCode,
                    i.targetName, i.subject, i.plannedFrom, i.plannedTo, i.status, i.startedOn, i.concludedOn,
                    i.violationFound, i.remarks, i.recommendations, i.postponedReason, i.postponedToYear,
                    i.cancelledReason, i.version);
        }
    }

    @Schema(description = "Kế hoạch tự kiểm tra của chi bộ")
    public record SelfInspectionView(
            @Schema(description = "id") UUID id,
            @Schema(description = "mã tổ chức đảng") String organization,
            @Schema(description = "mã chi bộ") String cellCode,
            @Schema(description = "năm") int year,
            @Schema(description = "ngày ban hành") LocalDate adoptedOn,
            @Schema(description = "số đảng viên trong kế hoạch") int membersPlanned,
            @Schema(description = "số đảng viên đã tự kiểm tra") int membersSelfInspected,
            @Schema(description = "ghi chú") String remarks,
            @Schema(description = "phiên bản") int version) {
        public static SelfInspectionView of(SelfInspectionPlan p) {
            return new SelfInspectionView(p.id, p.organization, p.cellCode, p.year, p.adoptedOn, p.membersPlanned,
                    p.membersSelfInspected, p.remarks, p.version);
        }
    }

    @Schema(description = "Ai kiểm tra / giám sát chi bộ nào, kết quả ra sao")
    public record TargetOutcome(
            @Schema(description = "mã cơ quan", examples = "BTV-DUSCT") String bodyCode,
            @Schema(description = "số chương trình") String documentNumber,
            @Schema(description = "loại") ItemKind kind,
            @Schema(description = "loại đối tượng") TargetType targetType,
            @Schema(description = "mã chi bộ / memberId") String targetRef,
            @Schema(description = "tên đối tượng") String targetName,
            @Schema(description = "trạng thái") ItemStatus status,
            @Schema(description = "có vi phạm") Boolean violationFound) {
    }

    @Schema(description = "Số liệu kiểm tra, giám sát đảng của một năm")
    public record PartyStatistics(
            @Schema(description = "năm") int year,
            @Schema(description = "mã tổ chức đảng, null = tất cả") String organization,
            @Schema(description = "số chương trình") int programmes,
            @Schema(description = "tiến độ chung các chương trình") Completion completion,
            @Schema(description = "số cuộc kiểm tra đã kết luận") int inspectionsConcluded,
            @Schema(description = "số cuộc giám sát đã kết luận") int supervisionsConcluded,
            @Schema(description = "số nội dung kết luận có vi phạm") int violationsFound,
            @Schema(description = "ai kiểm tra / giám sát ai") List<TargetOutcome> outcomes,
            @Schema(description = "số chi bộ có kế hoạch tự kiểm tra") int cellsWithSelfInspectionPlan,
            @Schema(description = "số chi bộ đã biết qua sct.member.events") int cellsKnown,
            @Schema(description = "số đảng viên trong kế hoạch tự kiểm tra") int membersPlannedForSelfInspection,
            @Schema(description = "số đảng viên đã tự kiểm tra") int membersSelfInspected) {
    }
}
