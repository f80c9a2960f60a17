package vn.binhduong.sct.member.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;

/** Request and response records of the organisation and cell endpoints. */
public final class OrganizationApi {
    private OrganizationApi() {
    }

    @Schema(description = "A party organisation to register")
    public record PartyOrganizationRequest(
            @Schema(description = "mã tổ chức đảng", examples = "DB-SCT") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên", examples = "Đảng bộ Sở Công Thương") @NotBlank @Size(max = 300) String name,
            @Schema(description = "cấp ủy cấp trên", examples = "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh") @Size(max = 300) String superiorBody,
            @Schema(description = "first year of the current term (nhiệm kỳ)", examples = "2020") @Min(1930) @Max(2100) Integer termStartYear,
            @Schema(description = "last year of the current term", examples = "2025") @Min(1930) @Max(2100) Integer termEndYear) {
    }

    @Schema(description = "Changes to an organisation; version is the one read")
    public record PartyOrganizationUpdate(
            @Schema(description = "tên", examples = "Đảng bộ Sở Công Thương") @NotBlank @Size(max = 300) String name,
            @Schema(description = "cấp ủy cấp trên", examples = "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh") @Size(max = 300) String superiorBody,
            @Schema(description = "first year of the term", examples = "2020") @Min(1930) @Max(2100) Integer termStartYear,
            @Schema(description = "last year of the term", examples = "2025") @Min(1930) @Max(2100) Integer termEndYear,
            @Schema(description = "the version read; a stale one is refused with 409", examples = "0") @NotNull Integer version) {
    }

    @Schema(description = "A party organisation")
    public record PartyOrganizationView(
            @Schema(description = "id") UUID id,
            @Schema(description = "code", examples = "DB-SCT") String code,
            @Schema(description = "name", examples = "Đảng bộ Sở Công Thương") String name,
            @Schema(description = "superior body", examples = "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh") String superiorBody,
            @Schema(description = "first year of the term", examples = "2020") Integer termStartYear,
            @Schema(description = "last year of the term", examples = "2025") Integer termEndYear,
            @Schema(description = "optimistic-lock version", examples = "0") int version) {
        public static PartyOrganizationView of(PartyOrganization e) {
            return new PartyOrganizationView(e.id, e.code, e.name, e.superiorBody, e.termStartYear, e.termEndYear, e.version);
        }
    }

    @Schema(description = "A cell to register in an organisation")
    public record CellRequest(
            @Schema(description = "cell code, unique in the service; a cell secretary's token names it", examples = "CB1") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên chi bộ", examples = "Chi bộ 1") @NotBlank @Size(max = 300) String name,
            @Schema(description = "date the cell was established", examples = "2015-01-01") LocalDate establishedOn) {
    }

    @Schema(description = "A cell (chi bộ)")
    public record CellView(
            @Schema(description = "id") UUID id,
            @Schema(description = "organisation code", examples = "DB-SCT") String organization,
            @Schema(description = "cell code", examples = "CB1") String code,
            @Schema(description = "name", examples = "Chi bộ 1") String name,
            @Schema(description = "established on") LocalDate establishedOn,
            @Schema(description = "optimistic-lock version") int version) {
        public static CellView of(PartyCell c, String organization) {
            return new CellView(c.id, organization, c.code, c.name, c.establishedOn, c.version);
        }
    }
}
