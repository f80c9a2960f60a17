package vn.binhduong.sct.platform.rules;

import java.math.BigDecimal;

/** How the left side must compare with the right side, within a tolerance (an absolute difference, 0 or more). */
public enum Operator {
    EQUAL_TO("="),
    NOT_EQUAL_TO("≠"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL_TO("≤"),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL_TO("≥");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True when {@code left op right} holds, giving the benefit of {@code tolerance} to the left side. */
    public boolean holds(BigDecimal left, BigDecimal right, BigDecimal tolerance) {
        BigDecimal tol = tolerance == null ? BigDecimal.ZERO : tolerance.abs();
        BigDecimal diff = left.subtract(right, Expression.MATH);
        return switch (this) {
            case EQUAL_TO -> diff.abs().compareTo(tol) <= 0;
            case NOT_EQUAL_TO -> diff.abs().compareTo(tol) > 0;
            case LESS_THAN -> diff.compareTo(tol) < 0;
            case LESS_THAN_OR_EQUAL_TO -> diff.compareTo(tol) <= 0;
            case GREATER_THAN -> diff.compareTo(tol.negate()) > 0;
            case GREATER_THAN_OR_EQUAL_TO -> diff.compareTo(tol.negate()) >= 0;
        };
    }

    /** Accepts the enum name or a symbol: = == ≠ != <> < ≤ <= > ≥ >=. */
    public static Operator fromText(String text) {
        String t = text.strip();
        return switch (t) {
            case "=", "==" -> EQUAL_TO;
            case "≠", "!=", "<>" -> NOT_EQUAL_TO;
            case "<" -> LESS_THAN;
            case "≤", "<=" -> LESS_THAN_OR_EQUAL_TO;
            case ">" -> GREATER_THAN;
            case "≥", ">=" -> GREATER_THAN_OR_EQUAL_TO;
            default -> Operator.valueOf(t.toUpperCase(java.util.Locale.ROOT));
        };
    }
}
