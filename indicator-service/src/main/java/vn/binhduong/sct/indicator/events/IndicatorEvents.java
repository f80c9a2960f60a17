package vn.binhduong.sct.indicator.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.indicator.domain.Achievement;
import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.indicator.events, each with its payload version, and their payloads.
 * Documented field by field in docs/events/indicator-service.md.
 */
public final class IndicatorEvents {
    public static final EventType DEFINED = EventType.of("indicator.defined", 1);
    public static final EventType VALUE_RECORDED = EventType.of("indicator-value.recorded", 1);
    public static final EventType TARGET_SET = EventType.of("indicator-target.set", 1);
    public static final EventType PERIOD_SUBMITTED = EventType.of("indicator-period.submitted", 1);
    public static final EventType PERIOD_APPROVED = EventType.of("indicator-period.approved", 1);
    public static final EventType PERIOD_ACCEPTED = EventType.of("indicator-period.accepted", 1);
    public static final EventType PERIOD_UNAPPROVED = EventType.of("indicator-period.unapproved", 1);
    public static final EventType VIOLATION_FOUND = EventType.of("validation.violation-found", 1);

    /** indicator.defined (also on a catalogue change): what the report needs to label and scale the values. */
    public record IndicatorDefined(String code, String name, String unit, String unitLabel, String scale,
            String displayUnit, String aggregation, String direction, String ownerDivision, boolean derived,
            String formula, List<String> inputs, int version) {
    }

    /** indicator-value.recorded: the current value of one indicator for one organisation and period. */
    public record ValueRecorded(String indicatorCode, String indicatorName, String organization, String period,
            String periodType, String kind, BigDecimal value, String unit, String scale, String displayUnit,
            BigDecimal displayValue, String displayText, BigDecimal growth, String growthBasis,
            BigDecimal publishedGrowth, BigDecimal baseValue, boolean derived, String formula,
            Map<String, BigDecimal> inputs, String source, String note, int revision, BigDecimal targetValue,
            BigDecimal targetGrowth, String planDocument, Achievement achievement) {
    }

    /** indicator-target.set: a plan target, with the achievement when a value is already recorded. */
    public record TargetSet(String indicatorCode, String indicatorName, String organization, String period,
            BigDecimal targetValue, BigDecimal targetGrowth, String unit, String scale, String displayUnit,
            BigDecimal displayTargetValue, String planDocument, String note, Achievement achievement) {
    }

    /** indicator-period.submitted / approved / accepted / unapproved: the period's state, and its figures when approved. */
    public record PeriodStateChanged(String organization, String period, String periodType, String state,
            String previousState, String reason, int highViolations, int otherViolations, List<ValueRecorded> values) {
    }

    /** validation.violation-found: a rule the figures of one organisation and period break, with both sides' values. */
    public record ViolationFound(String ruleCode, String ruleName, String organization, String period, String operator,
            String leftExpression, String rightExpression, BigDecimal leftValue, BigDecimal rightValue,
            BigDecimal difference, BigDecimal tolerance, String importance, String message) {
    }

    private IndicatorEvents() {
    }
}
