package vn.binhduong.sct.indicator.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.indicator.domain.PlanTarget;
import vn.binhduong.sct.indicator.service.ValueFacts;

public final class TargetApi {
    public record TargetRequest(
            @Schema(description = "indicator code", examples = "IIP") @NotBlank @Size(max = 40) String indicator,
            @Schema(description = "organisation", examples = "SCT-BD") @NotBlank @Size(max = 40) @Pattern(regexp = CatalogueApi.CODE, message = CatalogueApi.CODE_MESSAGE) String organization,
            @Schema(description = "period, usually a year", examples = "2021") @NotBlank @Size(max = 10) String period,
            @Schema(description = "target value in the indicator's base unit", examples = "1711100000000") @Digits(integer = ValueApi.VALUE_DIGITS, fraction = ValueApi.VALUE_FRACTION, message = ValueApi.VALUE_MESSAGE) BigDecimal targetValue,
            @Schema(description = "target growth vs the same period last year, percent", examples = "9.2") @Digits(integer = ValueApi.GROWTH_DIGITS, fraction = ValueApi.GROWTH_FRACTION, message = ValueApi.GROWTH_MESSAGE) BigDecimal targetGrowth,
            @Schema(description = "plan document the target comes from", examples = "Kế hoạch phát triển kinh tế - xã hội năm 2021") @Size(max = 300) String planDocument,
            @Schema(description = "note") @Size(max = 4000) String note,
            @Schema(description = "version read, when replacing a target") Integer version) {
    }

    public record TargetView(UUID id, String indicator, String organization, String period, BigDecimal targetValue,
            @Schema(description = "target value in the display scale") BigDecimal displayTargetValue, String displayUnit,
            BigDecimal targetGrowth, String planDocument, String note, int version, OffsetDateTime setAt) {
        public static TargetView of(PlanTarget t) {
            return new TargetView(t.id, t.indicator.code, t.organization, t.period, ValueFacts.plain(t.targetValue),
                    t.targetValue == null ? null : ValueFacts.display(t.indicator, t.targetValue),
                    t.indicator.displayUnit(), ValueFacts.plain(t.targetGrowth), t.planDocument, t.note, t.version, t.setAt);
        }
    }

    private TargetApi() {
    }
}
