package vn.binhduong.sct.platform.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static Map<String, BigDecimal> figures(Object... pairs) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1] == null ? null : new BigDecimal(pairs[i + 1].toString()));
        }
        return m;
    }

    @Test
    void expressionsFollowPrecedenceParenthesesAndUnicodeOperators() {
        assertEquals(0, new BigDecimal("7").compareTo(Expression.parse("1 + 2 * 3").evaluate(Map.of())));
        assertEquals(0, new BigDecimal("9").compareTo(Expression.parse("(1 + 2) × 3").evaluate(Map.of())));
        assertEquals(0, new BigDecimal("6.81").compareTo(
                Expression.parse("EXPORT − IMPORT").evaluate(figures("EXPORT", "31.5", "IMPORT", "24.69"))));
        assertEquals(0, new BigDecimal("-2").compareTo(Expression.parse("-(4 ÷ 2)").evaluate(Map.of())));
        assertEquals(0, new BigDecimal("3").compareTo(Expression.parse("#{a-b} + 1").evaluate(figures("a-b", 2))));
    }

    @Test
    void expressionListsTheFiguresItNames() {
        assertEquals(Set.of("MARKET_CLASS_1", "MARKET_CLASS_2", "MARKET_CLASS_3"),
                Expression.parse("MARKET_CLASS_1 + MARKET_CLASS_2 + MARKET_CLASS_3").names());
    }

    @Test
    void malformedExpressionsAreRefusedWithThePosition() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse("A + * B"));
        assertTrue(e.getMessage().contains("position 5"), e.getMessage());
        assertThrows(ExpressionException.class, () -> Expression.parse("(A + B"));
        assertThrows(ExpressionException.class, () -> Expression.parse("A B"));
        assertThrows(ExpressionException.class, () -> Expression.parse(""));
    }

    @Test
    void missingFigureOrDivisionByZeroGivesNoValue() {
        assertNull(Expression.parse("A / B").evaluate(figures("A", 1, "B", 0)));
        assertNull(Expression.parse("A + B").evaluate(figures("A", 1)));
        assertEquals(0, BigDecimal.ONE.compareTo(Expression.parse("A + B").evaluate(figures("A", 1), BigDecimal.ZERO)));
    }

    @Test
    void partsThatDoNotAddUpToTheTotalAreAViolationWithBothValues() {
        ValidationRule rule = ValidationRule.of("MARKETS_BY_CLASS", "Chợ theo hạng", "MARKET", "=",
                "MARKET_CLASS_1 + MARKET_CLASS_2 + MARKET_CLASS_3", null, MissingValueStrategy.SKIP_IF_ANY_MISSING,
                Importance.MEDIUM, "Tổng số chợ {left} khác tổng số chợ theo hạng {right} (chênh {difference})");
        RuleOutcome outcome = new RuleEngine().evaluate(rule,
                figures("MARKET", 107, "MARKET_CLASS_1", 2, "MARKET_CLASS_2", 16, "MARKET_CLASS_3", 81));
        assertTrue(outcome.violated());
        assertEquals(0, new BigDecimal(107).compareTo(outcome.left()));
        assertEquals(0, new BigDecimal(99).compareTo(outcome.right()));
        assertEquals("Tổng số chợ 107 khác tổng số chợ theo hạng 99 (chênh 8)", outcome.message());

        RuleOutcome fine = new RuleEngine().evaluate(rule,
                figures("MARKET", 99, "MARKET_CLASS_1", 2, "MARKET_CLASS_2", 16, "MARKET_CLASS_3", 81));
        assertEquals(RuleOutcome.Status.PASSED, fine.status());
    }

    @Test
    void toleranceGivesTheBenefitToTheLeftSideForEveryOperator() {
        BigDecimal tol = new BigDecimal("0.05");
        assertTrue(Operator.EQUAL_TO.holds(new BigDecimal("6.8"), new BigDecimal("6.81"), tol));
        assertFalse(Operator.EQUAL_TO.holds(new BigDecimal("6.8"), new BigDecimal("6.81"), BigDecimal.ZERO));
        assertTrue(Operator.NOT_EQUAL_TO.holds(new BigDecimal("6.8"), new BigDecimal("6.81"), BigDecimal.ZERO));
        assertFalse(Operator.NOT_EQUAL_TO.holds(new BigDecimal("6.8"), new BigDecimal("6.81"), tol));
        assertTrue(Operator.LESS_THAN.holds(new BigDecimal("1"), new BigDecimal("2"), null));
        assertFalse(Operator.LESS_THAN.holds(new BigDecimal("2"), new BigDecimal("2"), null));
        assertTrue(Operator.LESS_THAN_OR_EQUAL_TO.holds(new BigDecimal("2.04"), new BigDecimal("2"), tol));
        assertFalse(Operator.LESS_THAN_OR_EQUAL_TO.holds(new BigDecimal("2.06"), new BigDecimal("2"), tol));
        assertTrue(Operator.GREATER_THAN.holds(new BigDecimal("3"), new BigDecimal("2"), null));
        assertFalse(Operator.GREATER_THAN.holds(new BigDecimal("2"), new BigDecimal("2"), null));
        assertTrue(Operator.GREATER_THAN_OR_EQUAL_TO.holds(new BigDecimal("1.96"), new BigDecimal("2"), tol));
        assertFalse(Operator.GREATER_THAN_OR_EQUAL_TO.holds(new BigDecimal("1.94"), new BigDecimal("2"), tol));
        assertEquals(Operator.LESS_THAN_OR_EQUAL_TO, Operator.fromText("≤"));
        assertEquals(Operator.NOT_EQUAL_TO, Operator.fromText("!="));
        assertEquals(Operator.GREATER_THAN, Operator.fromText("GREATER_THAN"));
    }

    @Test
    void missingValueStrategiesDecideWhetherTheRuleRuns() {
        Map<String, BigDecimal> onlyTotal = figures("TOTAL", 10);
        Map<String, BigDecimal> none = figures();
        ValidationRule any = ValidationRule.of("R", null, "TOTAL", "=", "A + B", null,
                MissingValueStrategy.SKIP_IF_ANY_MISSING, Importance.HIGH, null);
        ValidationRule all = ValidationRule.of("R", null, "TOTAL", "=", "A + B", null,
                MissingValueStrategy.SKIP_IF_ALL_MISSING, Importance.HIGH, null);
        ValidationRule never = ValidationRule.of("R", null, "TOTAL", "=", "A + B", null,
                MissingValueStrategy.NEVER_SKIP, Importance.HIGH, null);
        RuleEngine engine = new RuleEngine();

        RuleOutcome skipped = engine.evaluate(any, onlyTotal);
        assertEquals(RuleOutcome.Status.SKIPPED, skipped.status());
        assertEquals(List.of("A", "B"), skipped.missing());

        RuleOutcome partial = engine.evaluate(all, onlyTotal);
        assertTrue(partial.violated(), "missing parts count as 0: 10 ≠ 0");
        assertEquals(0, BigDecimal.ZERO.compareTo(partial.right()));
        assertEquals(RuleOutcome.Status.SKIPPED, engine.evaluate(all, none).status());

        assertEquals(RuleOutcome.Status.PASSED, engine.evaluate(never, none).status(), "0 = 0 + 0");
        assertTrue(engine.evaluate(never, onlyTotal).violated());
    }

    @Test
    void defaultMessageNamesTheRuleAndBothValues() {
        ValidationRule rule = ValidationRule.of("SURPLUS", "Thặng dư", "REPORTED", "=", "EXPORT - IMPORT", null, null,
                null, null);
        RuleOutcome o = new RuleEngine().evaluate(rule, figures("REPORTED", "6.8", "EXPORT", "31.5", "IMPORT", "24.69"));
        assertEquals("Thặng dư: 6,8 = 6,81", o.message());
        assertEquals(Importance.MEDIUM, rule.importance());
        assertEquals(0, new BigDecimal("-0.01").compareTo(o.difference()));
    }

    @Test
    void evaluateAllKeepsOrderAndViolationsFiltersThem() {
        ValidationRule ok = ValidationRule.of("OK", null, "A", "≤", "B", null, null, Importance.LOW, null);
        ValidationRule bad = ValidationRule.of("BAD", null, "A", ">", "B", null, null, Importance.HIGH, null);
        RuleEngine engine = new RuleEngine();
        Map<String, BigDecimal> f = figures("A", 1, "B", 2);
        assertEquals(List.of("OK", "BAD"), engine.evaluateAll(List.of(ok, bad), f).stream().map(o -> o.rule().code()).toList());
        assertEquals(List.of("BAD"), engine.violations(List.of(ok, bad), f).stream().map(o -> o.rule().code()).toList());
    }

    @Test
    void negativeToleranceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValidationRule.of("R", null, "A", "=", "B",
                new BigDecimal("-1"), null, null, null));
    }
}
