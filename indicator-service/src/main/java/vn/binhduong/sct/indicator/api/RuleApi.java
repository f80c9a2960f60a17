package vn.binhduong.sct.indicator.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.indicator.domain.PeriodType;
import vn.binhduong.sct.indicator.domain.RuleDefinition;
import vn.binhduong.sct.indicator.domain.Violation;
import vn.binhduong.sct.platform.rules.Importance;
import vn.binhduong.sct.platform.rules.MissingValueStrategy;
import vn.binhduong.sct.platform.rules.RuleOutcome;

public final class RuleApi {
    public record RuleRequest(
            @Schema(description = "code", examples = "CHO_THEO_HANG") @NotBlank @Size(max = 60) @Pattern(regexp = CatalogueApi.CODE, message = CatalogueApi.CODE_MESSAGE) String code,
            @Schema(description = "name", examples = "Tổng số chợ bằng tổng chợ theo hạng") @NotBlank @Size(max = 300) String name,
            @Schema(description = "left expression over indicator codes (CODE, CODE.growth, CODE.target, CODE.targetGrowth)", examples = "MARKET") @NotBlank @Size(max = 1000) String left,
            @Schema(description = "= ≠ < ≤ > ≥ (or == != <= >=, or EQUAL_TO ...)", examples = "=") @NotBlank @Size(max = 40) String operator,
            @Schema(description = "right expression", examples = "MARKET_CLASS_1 + MARKET_CLASS_2 + MARKET_CLASS_3") @NotBlank @Size(max = 1000) String right,
            @Schema(description = "absolute difference allowed, in base unit; default 0", examples = "0") @DecimalMin("0") BigDecimal tolerance,
            @Schema(description = "default SKIP_IF_ANY_MISSING") MissingValueStrategy missingValueStrategy,
            @Schema(description = "default MEDIUM; HIGH blocks submission") Importance importance,
            @Schema(description = "Vietnamese message; {left} {right} {difference} are replaced", examples = "Tổng số chợ {left} khác tổng số chợ theo hạng {right}") @Size(max = 1000) String message,
            @Schema(description = "only check periods of this type") PeriodType periodType) {
    }

    public record RuleView(UUID id, String code, String name, String left, String operator, String right,
            BigDecimal tolerance, MissingValueStrategy missingValueStrategy, Importance importance, String message,
            PeriodType periodType, int version) {
        public static RuleView of(RuleDefinition d) {
            return new RuleView(d.id, d.code, d.name, d.leftExpression, d.operator.symbol(), d.rightExpression,
                    vn.binhduong.sct.indicator.service.ValueFacts.plain(d.tolerance), d.missingStrategy, d.importance, d.message, d.periodType, d.version);
        }
    }

    public record RunRequest(
            @Schema(examples = "SCT-BD") @NotBlank @Size(max = 40) String organization,
            @Schema(examples = "2021") @NotBlank @Size(max = 10) String period) {
    }

    public record OutcomeView(String rule, String status, BigDecimal left, BigDecimal right, Importance importance,
            List<String> missing, String message, String reason) {
        public static OutcomeView of(RuleOutcome o) {
            return new OutcomeView(o.rule().code(), o.status().name(), o.left(), o.right(), o.rule().importance(),
                    o.missing(), o.message(), o.reason());
        }
    }

    public record RunView(String organization, String period, int passed, int violated, int skipped,
            List<OutcomeView> outcomes) {
    }

    public record ViolationView(UUID id, String rule, String organization, String period, BigDecimal left,
            BigDecimal right, Importance importance, String message, OffsetDateTime foundAt) {
        public static ViolationView of(Violation v) {
            return new ViolationView(v.id, v.ruleCode, v.organization, v.period, vn.binhduong.sct.indicator.service.ValueFacts.plain(v.leftValue),
                    vn.binhduong.sct.indicator.service.ValueFacts.plain(v.rightValue),
                    v.importance, v.message, v.foundAt);
        }
    }

    private RuleApi() {
    }
}
