package vn.binhduong.sct.platform.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of one rule against one set of figures.
 *
 * @param rule     the rule
 * @param status   passed, violated or skipped
 * @param left     the left side's value (null when skipped)
 * @param right    the right side's value (null when skipped)
 * @param missing  the figures the rule names that had no value
 * @param message  the rule's message with its placeholders filled in (violations only)
 * @param reason   why a rule was skipped (skipped only)
 */
public record RuleOutcome(ValidationRule rule, Status status, BigDecimal left, BigDecimal right, List<String> missing,
        String message, String reason) {

    public enum Status {
        PASSED, VIOLATED, SKIPPED
    }

    public boolean violated() {
        return status == Status.VIOLATED;
    }

    /** left − right, or null when skipped. */
    public BigDecimal difference() {
        return left == null || right == null ? null : left.subtract(right, Expression.MATH);
    }
}
