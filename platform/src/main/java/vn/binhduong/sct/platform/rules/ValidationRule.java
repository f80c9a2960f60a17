package vn.binhduong.sct.platform.rules;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A DHIS2-style validation rule: {@code left operator right} within {@code tolerance}, over named figures. The message
 * is shown when the rule is violated; it may name the values with the placeholders {@code {left}}, {@code {right}},
 * {@code {difference}} (left − right) and {@code {code}}.
 *
 * @param code      stable identifier, e.g. {@code CHO_THEO_HANG}
 * @param name      display name (Vietnamese)
 * @param left      left side expression
 * @param operator  how left compares with right
 * @param right     right side expression
 * @param tolerance absolute difference allowed in the rule's favour, 0 or more (null means 0)
 * @param missing   what happens when figures are missing
 * @param importance how serious a violation is
 * @param message   the Vietnamese message of a violation, with placeholders
 */
public record ValidationRule(String code, String name, Expression left, Operator operator, Expression right,
        BigDecimal tolerance, MissingValueStrategy missing, Importance importance, String message) {

    public ValidationRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
        tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance must be 0 or more: " + tolerance);
        }
        missing = missing == null ? MissingValueStrategy.SKIP_IF_ANY_MISSING : missing;
        importance = importance == null ? Importance.MEDIUM : importance;
        name = name == null ? code : name;
        message = message == null || message.isBlank() ? name + ": {left} " + operator.symbol() + " {right}" : message;
    }

    /** Parses both sides; throws {@link ExpressionException} naming the side that does not parse. */
    public static ValidationRule of(String code, String name, String left, String operator, String right,
            BigDecimal tolerance, MissingValueStrategy missing, Importance importance, String message) {
        Expression l;
        Expression r;
        try {
            l = Expression.parse(left);
        } catch (ExpressionException e) {
            throw new ExpressionException("left side: " + e.getMessage());
        }
        try {
            r = Expression.parse(right);
        } catch (ExpressionException e) {
            throw new ExpressionException("right side: " + e.getMessage());
        }
        return new ValidationRule(code, name, l, Operator.fromText(operator), r, tolerance, missing, importance, message);
    }

    /** Every figure named on either side. */
    public Set<String> names() {
        Set<String> all = new LinkedHashSet<>(left.names());
        all.addAll(right.names());
        return all;
    }
}
