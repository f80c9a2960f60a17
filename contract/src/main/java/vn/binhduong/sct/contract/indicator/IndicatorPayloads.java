package vn.binhduong.sct.contract.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The payloads indicator-service publishes to sct.indicator.events (moved from indicator-service's events package; the
 * JSON shape is unchanged). Documented field by field in docs/events/indicator-service.md.
 */
public final class IndicatorPayloads {
    private IndicatorPayloads() {
    }

    /** indicator.defined (also on a catalogue change): what the report needs to label and scale the values. */
    public record IndicatorDefined(String code, String name, Unit unit, String unitLabel, Scale scale,
            String displayUnit, Aggregation aggregation, Direction direction, String ownerDivision, boolean derived,
            String formula, List<String> inputs, int version) {
    }

    /** indicator-value.recorded: the current value of one indicator for one organisation and period. */
    public record ValueRecorded(String indicatorCode, String indicatorName, String organization, String period,
            PeriodType periodType, ValueKind kind, BigDecimal value, Unit unit, Scale scale, String displayUnit,
            BigDecimal displayValue, String displayText, BigDecimal growth, GrowthBasis growthBasis,
            BigDecimal publishedGrowth, BigDecimal baseValue, boolean derived, String formula,
            Map<String, BigDecimal> inputs, String source, String note, int revision, BigDecimal targetValue,
            BigDecimal targetGrowth, String planDocument, Achievement achievement) {
    }

    /** indicator-target.set: a plan target, with the achievement when a value is already recorded. */
    public record TargetSet(String indicatorCode, String indicatorName, String organization, String period,
            BigDecimal targetValue, BigDecimal targetGrowth, Unit unit, Scale scale, String displayUnit,
            BigDecimal displayTargetValue, String planDocument, String note, Achievement achievement) {
    }

    /** indicator-period.submitted / approved / accepted / unapproved: the period's state, and its figures when approved. */
    public record PeriodStateChanged(String organization, String period, PeriodType periodType, ApprovalState state,
            ApprovalState previousState, String reason, int highViolations, int otherViolations, List<ValueRecorded> values) {
    }

    /** validation.violation-found: a rule the figures of one organisation and period break, with both sides' values. */
    public record ViolationFound(String ruleCode, String ruleName, String organization, String period, String operator,
            String leftExpression, String rightExpression, BigDecimal leftValue, BigDecimal rightValue,
            BigDecimal difference, BigDecimal tolerance, Importance importance, String message) {
    }

    /**
     * How a value stands against its plan target (indicator-service's {@code Achievement}, field for field): against a
     * target value, achievement in percent and the variance in the indicator's unit; against a target growth, the
     * variance in percentage points. {@code basis} is VALUE or GROWTH; {@code summary} the sentence the report prints.
     */
    public record Achievement(AchievementBasis basis, BigDecimal actual, BigDecimal target, BigDecimal variance,
            BigDecimal achievementPercent, boolean met, String summary) {
    }
}
