package vn.binhduong.sct.platform.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.binhduong.sct.platform.format.VnFormat;

/**
 * Evaluates validation rules against a map of figures (name → value; absent or null means missing). Stateless and
 * domain-free: the caller decides which figures a name stands for (an indicator of one organisation and period, a
 * projection of the report...) and what to do with the violations.
 */
public final class RuleEngine {
    /** Vietnamese number format for messages: 1.730,9 and up to four decimals. */
    public static final Function<BigDecimal, String> VIETNAMESE = v -> VnFormat.decimal(v, 4);

    private final Function<BigDecimal, String> format;

    public RuleEngine() {
        this(VIETNAMESE);
    }

    /** {@code format} renders the values in messages; give one that knows the figures' scale if needed. */
    public RuleEngine(Function<BigDecimal, String> format) {
        this.format = format;
    }

    public RuleOutcome evaluate(ValidationRule rule, Map<String, BigDecimal> figures) {
        List<String> missing = rule.names().stream().filter(n -> figures.get(n) == null).toList();
        boolean anyMissing = !missing.isEmpty();
        boolean allMissing = anyMissing && missing.size() == rule.names().size();
        switch (rule.missing()) {
            case SKIP_IF_ANY_MISSING -> {
                if (anyMissing) {
                    return skipped(rule, missing, "thiếu số liệu: " + String.join(", ", missing));
                }
            }
            case SKIP_IF_ALL_MISSING -> {
                if (allMissing) {
                    return skipped(rule, missing, "không có số liệu nào");
                }
            }
            case NEVER_SKIP -> {
            }
        }
        BigDecimal left = rule.left().evaluate(figures, BigDecimal.ZERO);
        BigDecimal right = rule.right().evaluate(figures, BigDecimal.ZERO);
        if (left == null || right == null) {
            return skipped(rule, missing, "phép chia cho 0");
        }
        if (rule.operator().holds(left, right, rule.tolerance())) {
            return new RuleOutcome(rule, RuleOutcome.Status.PASSED, left, right, missing, null, null);
        }
        return new RuleOutcome(rule, RuleOutcome.Status.VIOLATED, left, right, missing, message(rule, left, right), null);
    }

    /** Every rule's outcome, in the rules' order. */
    public List<RuleOutcome> evaluateAll(Collection<ValidationRule> rules, Map<String, BigDecimal> figures) {
        List<RuleOutcome> out = new ArrayList<>(rules.size());
        for (ValidationRule rule : rules) {
            out.add(evaluate(rule, figures));
        }
        return out;
    }

    /** Only the violations. */
    public List<RuleOutcome> violations(Collection<ValidationRule> rules, Map<String, BigDecimal> figures) {
        return evaluateAll(rules, figures).stream().filter(RuleOutcome::violated).toList();
    }

    private String message(ValidationRule rule, BigDecimal left, BigDecimal right) {
        return rule.message()
                .replace("{left}", format.apply(left))
                .replace("{right}", format.apply(right))
                .replace("{difference}", format.apply(left.subtract(right, Expression.MATH)))
                .replace("{code}", rule.code());
    }

    private static RuleOutcome skipped(ValidationRule rule, List<String> missing, String reason) {
        return new RuleOutcome(rule, RuleOutcome.Status.SKIPPED, null, null, missing, null, reason);
    }
}
