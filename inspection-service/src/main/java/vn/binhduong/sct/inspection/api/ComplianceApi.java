package vn.binhduong.sct.inspection.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.inspection.domain.ComplianceCoverageReport;
import vn.binhduong.sct.inspection.domain.ComplianceScope;
import vn.binhduong.sct.inspection.domain.ComplianceTeam;
import vn.binhduong.sct.inspection.domain.ComplianceVisit;
import vn.binhduong.sct.inspection.domain.EstablishmentType;

/** Request and response records of the COVID-19 compliance inspection API. */
public final class ComplianceApi {
    private ComplianceApi() {
    }

    @Schema(description = "Một đoàn / tổ kiểm tra công tác phòng chống dịch")
    public record TeamRequest(
            @Schema(description = "mã đoàn / tổ, ổn định", examples = "DKT-CCN-1") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "mã cơ quan", examples = "SCT") @NotBlank @Size(max = 40) String organization,
            @Schema(description = "tên", examples = "Đoàn kiểm tra số 1 - doanh nghiệp trong CCN") @NotBlank @Size(max = 300) String name,
            @Schema(description = "phạm vi", examples = "INDUSTRIAL_CLUSTER_BUSINESSES") @NotNull ComplianceScope scope,
            @Schema(description = "năm", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "quyết định thành lập", examples = "90/QĐ-SCT ngày 9/7/2021") @Size(max = 200) String decisionReference) {
    }

    @Schema(description = "Một lượt kiểm tra một cơ sở")
    public record VisitRequest(
            @Schema(description = "mã đoàn / tổ", examples = "DKT-CCN-1") @NotBlank @Size(max = 40) String teamCode,
            @Schema(description = "mã cơ sở, ổn định giữa các lượt (lượt lặp lại chỉ đếm cơ sở một lần)", examples = "CCN-TAMLAP-DN001") @NotBlank @Size(max = 80) String establishmentCode,
            @Schema(description = "loại cơ sở", examples = "INDUSTRIAL_CLUSTER_BUSINESS") @NotNull EstablishmentType establishmentType,
            @Schema(description = "tên cơ sở", examples = "Công ty TNHH Gỗ Tân Phát") @NotBlank @Size(max = 300) String establishmentName,
            @Schema(description = "ngày kiểm tra", examples = "2021-07-20") @NotNull LocalDate visitedOn,
            @Schema(description = "kết quả", examples = "COMPLIANT") @NotNull ComplianceVisit.Result result,
            @Schema(description = "ghi nhận") @Size(max = 4000) String remarks) {
    }

    @Schema(description = "Số cơ sở như một báo cáo nêu, kèm câu nguồn; không bao giờ điều chỉnh")
    public record CoverageRequest(
            @Schema(description = "mã cơ quan", examples = "SCT") @NotBlank @Size(max = 40) String organization,
            @Schema(description = "năm", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "phạm vi", examples = "INDUSTRIAL_CLUSTER_BUSINESSES") @NotNull ComplianceScope scope,
            @Schema(description = "số đoàn / tổ như báo cáo nêu", examples = "2") @NotNull @Min(0) Integer teams,
            @Schema(description = "loại cơ sở", examples = "INDUSTRIAL_CLUSTER_BUSINESS") @NotNull EstablishmentType establishmentType,
            @Schema(description = "số cơ sở như báo cáo nêu", examples = "83") @NotNull @Min(0) Integer establishments,
            @Schema(description = "nguồn (văn bản, mục)", examples = "Báo cáo năm 2021, Phần I mục III.1") @NotBlank @Size(max = 200) String source,
            @Schema(description = "câu nguồn nguyên văn") @NotBlank @Size(max = 4000) String sourceSentence) {
    }

    @Schema(description = "Đoàn / tổ kiểm tra")
    public record TeamView(@Schema(description = "id") UUID id, @Schema(description = "mã") String code,
            @Schema(description = "mã cơ quan") String organization, @Schema(description = "tên") String name,
            @Schema(description = "phạm vi") ComplianceScope scope, @Schema(description = "năm") int year,
            @Schema(description = "quyết định thành lập") String decisionReference) {
        public static TeamView of(ComplianceTeam t) {
            return new TeamView(t.id, t.code, t.organization, t.name, t.scope, t.year, t.decisionReference);
        }
    }

    @Schema(description = "Một lượt kiểm tra")
    public record VisitView(@Schema(description = "id") UUID id, @Schema(description = "mã đoàn / tổ") String teamCode,
            @Schema(description = "mã cơ sở") String establishmentCode,
            @Schema(description = "loại cơ sở") EstablishmentType establishmentType,
            @Schema(description = "ngày") LocalDate visitedOn, @Schema(description = "kết quả") ComplianceVisit.Result result,
            @Schema(description = "ghi nhận") String remarks,
            @Schema(description = "lần đầu cơ sở này được kiểm tra trong năm") boolean firstVisitOfEstablishmentInYear) {
    }

    @Schema(description = "Số liệu như báo cáo nêu")
    public record CoverageView(@Schema(description = "id") UUID id, @Schema(description = "mã cơ quan") String organization,
            @Schema(description = "năm") int year, @Schema(description = "phạm vi") ComplianceScope scope,
            @Schema(description = "số đoàn / tổ") int teams, @Schema(description = "loại cơ sở") EstablishmentType establishmentType,
            @Schema(description = "số cơ sở") int establishments, @Schema(description = "nguồn") String source,
            @Schema(description = "câu nguồn") String sourceSentence) {
        public static CoverageView of(ComplianceCoverageReport c) {
            return new CoverageView(c.id, c.organization, c.year, c.scope, c.teams, c.establishmentType,
                    c.establishments, c.source, c.sourceSentence);
        }
    }

    @Schema(description = "Theo loại cơ sở: số cơ sở đã kiểm tra (mỗi cơ sở đếm một lần), số lượt, và các số báo cáo nêu")
    public record EstablishmentTypeFigures(
            @Schema(description = "loại cơ sở") EstablishmentType establishmentType,
            @Schema(description = "số cơ sở khác nhau đã được ghi lượt kiểm tra") int establishmentsVisited,
            @Schema(description = "số lượt kiểm tra") int visits,
            @Schema(description = "các số báo cáo nêu, mỗi số kèm câu nguồn") List<CoverageView> reported,
            @Schema(description = "các số báo cáo nêu không khớp nhau") boolean reportedFiguresDisagree) {
    }

    @Schema(description = "Số liệu kiểm tra phòng chống dịch của một năm")
    public record ComplianceStatistics(
            @Schema(description = "năm") int year,
            @Schema(description = "số đoàn / tổ đã đăng ký theo phạm vi") java.util.Map<ComplianceScope, Integer> teamsByScope,
            @Schema(description = "theo loại cơ sở") List<EstablishmentTypeFigures> byEstablishmentType,
            @Schema(description = "các chỗ báo cáo nêu số khác nhau cho cùng một việc") List<String> discrepancies) {
    }
}
