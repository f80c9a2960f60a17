package vn.binhduong.sct.indicator.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.indicator.api.RuleApi.RuleRequest;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PlanTarget;
import vn.binhduong.sct.indicator.domain.RuleDefinition;
import vn.binhduong.sct.indicator.domain.Violation;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.rules.ExpressionException;
import vn.binhduong.sct.platform.rules.Importance;
import vn.binhduong.sct.platform.rules.MissingValueStrategy;
import vn.binhduong.sct.platform.rules.RuleEngine;
import vn.binhduong.sct.platform.rules.RuleOutcome;
import vn.binhduong.sct.platform.rules.ValidationRule;

/**
 * Validation rules over the figures of one organisation and period, evaluated by the platform's rule engine. A figure
 * is named by indicator code ({@code EXPORT}: the value), with {@code .growth}, {@code .target} and
 * {@code .targetGrowth} for the growth and the plan target.
 */
@ApplicationScoped
public class ValidationService {
    private final Outbox outbox;
    private final AuditLog audit;
    private final RuleEngine engine = new RuleEngine();

    private final Organizations organizations;

    public ValidationService(Outbox outbox, AuditLog audit, Organizations organizations) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.audit = audit;
    }

    public record Run(String organization, Period period, List<RuleOutcome> outcomes) {
        public List<RuleOutcome> violations() {
            return outcomes.stream().filter(RuleOutcome::violated).toList();
        }

        public long high() {
            return violations().stream().filter(o -> o.rule().importance() == Importance.HIGH).count();
        }
    }

    @Transactional
    public RuleDefinition create(RuleRequest r) {
        if (RuleDefinition.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "validation rule " + r.code() + " already exists");
        }
        RuleDefinition d = new RuleDefinition();
        d.id = UUID.randomUUID();
        d.code = r.code();
        d.name = r.name();
        d.leftExpression = r.left();
        d.rightExpression = r.right();
        try {
            d.operator = vn.binhduong.sct.platform.rules.Operator.fromText(r.operator());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("operator", "'" + r.operator() + "' is not one of = ≠ < ≤ > ≥ (or != <= >=)");
        }
        d.tolerance = r.tolerance() == null ? BigDecimal.ZERO : r.tolerance();
        d.missingStrategy = r.missingValueStrategy() == null ? MissingValueStrategy.SKIP_IF_ANY_MISSING
                : r.missingValueStrategy();
        d.importance = r.importance() == null ? Importance.MEDIUM : r.importance();
        d.message = r.message() == null || r.message().isBlank() ? r.name() + ": {left} " + d.operator.symbol() + " {right}"
                : r.message();
        d.periodType = r.periodType();
        try {
            ValidationRule rule = d.toRule();
            List<String> unknown = rule.names().stream().map(n -> n.contains(".") ? n.substring(0, n.indexOf('.')) : n)
                    .filter(c -> vn.binhduong.sct.indicator.domain.Indicator.count("code", c) == 0).distinct().toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.ruleViolated("unknown-indicator", "rule " + r.code()
                        + " names indicators that do not exist: " + String.join(", ", unknown), Map.of("unknown", unknown));
            }
        } catch (ExpressionException e) {
            throw ProblemException.invalid(e.getMessage().startsWith("left") ? "left" : "right", e.getMessage());
        }
        d.persist();
        audit.record("RULE_DEFINED", null, null, null, d.code + ": " + d.leftExpression + " " + d.operator.symbol() + " "
                + d.rightExpression, null);
        return d;
    }

    public RuleDefinition get(String code) {
        RuleDefinition d = RuleDefinition.<RuleDefinition>find("code", code).firstResult();
        if (d == null) {
            throw ProblemException.notFound("validation rule", code);
        }
        return d;
    }

    /** The figures of one organisation and period, by name. */
    public Map<String, BigDecimal> figures(String organization, Period period) {
        Map<String, BigDecimal> f = new HashMap<>();
        for (IndicatorValue v : IndicatorValue.<IndicatorValue>list("organization = ?1 and period = ?2", organization,
                period.code())) {
            var facts = ValueFacts.of(v);
            f.put(v.indicator.code, ValueFacts.plain(v.value));
            f.put(v.indicator.code + ".growth", facts.growth());
        }
        for (PlanTarget t : PlanTarget.<PlanTarget>list("organization = ?1 and period = ?2", organization, period.code())) {
            f.put(t.indicator.code + ".target", ValueFacts.plain(t.targetValue));
            f.put(t.indicator.code + ".targetGrowth", ValueFacts.plain(t.targetGrowth));
        }
        return f;
    }

    /**
     * Evaluates every rule for the period's type, stores what is violated now (and forgets what no longer is), and
     * publishes validation.violation-found for each violation that is new or whose numbers changed.
     */
    @Transactional
    public Run run(String organization, Period period) {
        organizations.requireKnown(organization);
        Map<String, BigDecimal> figures = figures(organization, period);
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (RuleDefinition d : RuleDefinition.<RuleDefinition>list("order by code")) {
            if (d.periodType != null && d.periodType != period.type()) {
                continue;
            }
            RuleOutcome o = engine.evaluate(d.toRule(), figures);
            outcomes.add(o);
            Violation existing = Violation.<Violation>find("ruleId = ?1 and organization = ?2 and period = ?3", d.id,
                    organization, period.code()).firstResult();
            if (!o.violated()) {
                if (existing != null) {
                    existing.delete();
                    audit.record("VIOLATION_RESOLVED", organization, period.code(), null, d.code, null);
                }
                continue;
            }
            if (existing != null && ValueService.sameNumber(existing.leftValue, o.left())
                    && ValueService.sameNumber(existing.rightValue, o.right())) {
                continue;
            }
            Violation v = existing == null ? new Violation() : existing;
            if (existing == null) {
                v.id = UUID.randomUUID();
                v.ruleId = d.id;
                v.ruleCode = d.code;
                v.organization = organization;
                v.period = period.code();
                v.periodStart = period.start();
            }
            v.leftValue = o.left();
            v.rightValue = o.right();
            v.importance = d.importance;
            v.message = o.message();
            v.foundAt = OffsetDateTime.now();
            if (existing == null) {
                v.persist();
            }
            audit.record("VIOLATION_FOUND", organization, period.code(), null, d.code + ": " + o.message(), null);
            outbox.record(IndicatorEvents.VIOLATION_FOUND, organization, "validation-violation",
                    d.code + "/" + organization + "/" + period.code(),
                    new IndicatorPayloads.ViolationFound(d.code, d.name, organization, period.code(), d.operator.symbol(),
                            d.leftExpression, d.rightExpression, o.left(), o.right(), o.difference(), ValueFacts.plain(d.tolerance),
                            Labelled.map(d.importance, vn.binhduong.sct.contract.indicator.Importance.class), o.message()));
        }
        return new Run(organization, period, outcomes);
    }
}
