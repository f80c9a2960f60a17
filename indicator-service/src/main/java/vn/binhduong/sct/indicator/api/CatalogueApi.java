package vn.binhduong.sct.indicator.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.indicator.domain.Aggregation;
import vn.binhduong.sct.indicator.domain.Direction;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorSet;
import vn.binhduong.sct.indicator.domain.Scale;
import vn.binhduong.sct.indicator.domain.Unit;
import vn.binhduong.sct.indicator.service.CatalogueService;

/** Request and response records of the catalogue. */
public final class CatalogueApi {
    public static final String CODE = "[A-Z0-9_.-]+";
    public static final String CODE_MESSAGE = "upper-case letters, digits, dots, dashes and underscores";

    public record IndicatorRequest(
            @Schema(description = "code, also the name of the figure in formulas and rules", examples = "EXPORT") @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Schema(description = "Vietnamese name", examples = "Kim ngạch xuất khẩu") @NotBlank @Size(max = 300) String name,
            @Schema(description = "base unit values are stored in", examples = "USD") @NotNull Unit unit,
            @Schema(description = "what is counted, for COUNT (or a unit word to show)", examples = "chợ") @Size(max = 60) String unitLabel,
            @Schema(description = "display scale; default ONE", examples = "BILLION") Scale scale,
            @Schema(description = "how shorter periods make a longer one; default SUM", examples = "SUM") Aggregation aggregation,
            @Schema(description = "whether a higher value meets a target; default HIGHER_IS_BETTER", examples = "HIGHER_IS_BETTER") Direction direction,
            @Schema(description = "division that owns the figure", examples = "Phòng Quản lý Thương mại") @Size(max = 200) String ownerDivision,
            @Schema(description = "for a derived indicator: formula over other indicator codes with + - * / and parentheses", examples = "EXPORT - IMPORT") @Size(max = 1000) String formula,
            @Schema(description = "what the figure means and where it comes from") @Size(max = 4000) String description,
            @Schema(description = "the version read, required on update", examples = "0") Integer version) {
    }

    @Schema(description = "A catalogue entry")
    public record IndicatorView(UUID id, String code, String name, Unit unit, String unitLabel, Scale scale,
            @Schema(description = "scale word and unit, e.g. tỷ đồng", examples = "tỷ USD") String displayUnit,
            Aggregation aggregation, Direction direction, String ownerDivision,
            @Schema(description = "true when computed from a formula") boolean derived, String formula,
            @Schema(description = "indicator codes the formula reads") List<String> inputs, String description,
            int version) {
        public static IndicatorView of(Indicator e) {
            return new IndicatorView(e.id, e.code, e.name, e.unit, e.unitLabel, e.scale, e.displayUnit(), e.aggregation,
                    e.direction, e.ownerDivision, e.derived(), e.formula, CatalogueService.inputs(e), e.description,
                    e.version);
        }
    }

    public record IndicatorSetRequest(
            @Schema(description = "code", examples = "CHI_TIEU_CHU_YEU") @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Schema(description = "name", examples = "Các chỉ tiêu chủ yếu") @NotBlank @Size(max = 300) String name,
            @Schema(description = "indicator codes, in report order", examples = "[\"IIP\", \"RETAIL\"]") @NotEmpty List<@NotBlank String> indicators) {
    }

    public record IndicatorSetView(String code, String name, List<String> indicators, int version) {
        public static IndicatorSetView of(IndicatorSet s) {
            return new IndicatorSetView(s.code, s.name, List.copyOf(s.indicators), s.version);
        }
    }

    private CatalogueApi() {
    }
}
