package vn.binhduong.sct.indicator.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.indicator.api.ValueApi.ValueRequest;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.Unit;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.indicator.domain.ValueRevision;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.rules.Expression;

/** Records values, keeps their revisions, and recomputes the derived indicators that depend on them. */
@ApplicationScoped
public class ValueService {
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public record Recorded(IndicatorValue value, Outcome outcome) {
    }

    /** A checked request: what recording it would do, before anything is written. */
    public record Plan(Indicator indicator, Period period, IndicatorValue existing, Outcome outcome) {
    }

    private final Outbox outbox;
    private final AuditLog audit;
    private final Locks locks;
    private final Organizations organizations;

    public ValueService(Outbox outbox, AuditLog audit, Locks locks, Organizations organizations) {
        this.outbox = outbox;
        this.audit = audit;
        this.locks = locks;
        this.organizations = organizations;
    }

    @Transactional
    public Recorded record(ValueRequest r) {
        return record(r, null);
    }

    /** {@code ifMatch}: the version an {@code If-Match} header names (null without one): 412 when it is not current. */
    @Transactional
    public Recorded record(ValueRequest r, Preconditions.IfMatch ifMatch) {
        return apply(r, plan(r, ifMatch));
    }

    public Plan plan(ValueRequest r) {
        return plan(r, null);
    }

    /** Every check of {@link #record}, writing nothing; throws the problem the request would get. */
    public Plan plan(ValueRequest r, Preconditions.IfMatch ifMatch) {
        organizations.requireKnown(r.organization());
        Indicator ind = Indicator.byCode(r.indicator());
        if (ind == null) {
            throw ProblemException.notFound("indicator", r.indicator());
        }
        if (ind.derived()) {
            throw ProblemException.ruleViolated("derived-indicator", ind.code + " is derived (" + ind.formula
                    + "): its values are computed from its inputs, never typed",
                    Map.of("indicator", ind.code, "formula", ind.formula));
        }
        if (r.unit() != null && r.unit() != ind.unit) {
            throw ProblemException.ruleViolated("unit-mismatch", ind.code + " is measured in " + ind.unit + ", not "
                    + r.unit(), Map.of("indicator", ind.code, "unit", ind.unit.name(), "given", r.unit().name()));
        }
        Period period = Period.parse(r.period());
        if (r.value() == null && r.growth() == null) {
            throw ProblemException.invalid("value", "give a value, a growth, or both");
        }
        if (r.value() != null && ind.unit == Unit.COUNT
                && (r.value().signum() < 0 || r.value().stripTrailingZeros().scale() > 0)) {
            throw ProblemException.ruleViolated("not-a-count", ind.code + " counts things: " + r.value().toPlainString()
                    + " is not a whole number of 0 or more", Map.of("indicator", ind.code, "value", r.value()));
        }
        locks.requireUnlocked(r.organization(), period);
        IndicatorValue existing = IndicatorValue.find(ind.id, r.organization(), period.code());
        if (ifMatch != null) {
            ifMatch.require(existing == null ? null : existing.version, "value " + ind.code + " " + r.organization()
                    + " " + period.code());
        }
        if (existing == null) {
            return new Plan(ind, period, null, Outcome.CREATED);
        }
        if (r.version() != null && r.version() != existing.version) {
            throw ProblemException.conflict("stale-version", ind.code + " " + r.organization() + " " + period.code()
                    + " is at version " + existing.version + ", not " + r.version(),
                    Map.of("currentVersion", existing.version));
        }
        boolean same = existing.kind == r.kind() && sameNumber(existing.value, r.value())
                && sameNumber(existing.publishedGrowth, r.growth()) && Objects.equals(existing.source, r.source())
                && Objects.equals(existing.note, r.note());
        return new Plan(ind, period, existing, same ? Outcome.UNCHANGED : Outcome.UPDATED);
    }

    @Transactional
    public Recorded apply(ValueRequest r, Plan plan) {
        if (plan.outcome() == Outcome.UNCHANGED) {
            return new Recorded(plan.existing(), Outcome.UNCHANGED);
        }
        IndicatorValue v = plan.existing();
        String before = v == null ? null : describe(v);
        if (v == null) {
            v = new IndicatorValue();
            v.id = UUID.randomUUID();
            v.indicator = plan.indicator();
            v.organization = r.organization();
            v.period = plan.period().code();
            v.periodType = plan.period().type();
            v.periodStart = plan.period().start();
            v.periodEnd = plan.period().end();
            v.revision = 0;
        }
        v.kind = r.kind();
        v.value = r.value();
        v.publishedGrowth = r.growth();
        v.source = r.source();
        v.note = r.note();
        stamp(v);
        audit.record(plan.outcome() == Outcome.CREATED ? "VALUE_CREATED" : "VALUE_REVISED", v.organization, v.period,
                v.indicator.code, (before == null ? "" : before + " → ") + describe(v), null);
        afterChange(v);
        return new Recorded(v, plan.outcome());
    }

    private void stamp(IndicatorValue v) {
        v.revision++;
        v.recordedAt = OffsetDateTime.now();
        v.recordedBy = audit.actor();
        if (!v.isPersistent()) {
            v.persist();
        }
        ValueRevision.of(v).persist();
        IndicatorValue.getEntityManager().flush();
    }

    /** Publishes the value, recomputes what derives from it, and republishes next year's value whose growth it bases. */
    private void afterChange(IndicatorValue v) {
        publish(v);
        recomputeDerived(v);
        IndicatorValue next = IndicatorValue.find(v.indicator.id, v.organization, v.periodValue().sameNextYear().code());
        if (next != null) {
            publish(next);
        }
    }

    public void publish(IndicatorValue v) {
        outbox.record(IndicatorEvents.VALUE_RECORDED, v.organization, "indicator-value",
                v.indicator.code + "/" + v.organization + "/" + v.period, ValueFacts.of(v));
    }

    /** Walks the derived indicators downstream of {@code changed}, for the same organisation and period. */
    private void recomputeDerived(IndicatorValue changed) {
        List<Indicator> derived = Indicator.list("formula is not null");
        Deque<String> queue = new ArrayDeque<>(List.of(changed.indicator.code));
        while (!queue.isEmpty()) {
            String code = queue.poll();
            for (Indicator d : derived) {
                Expression formula = Expression.parse(d.formula);
                if (!formula.names().contains(code)) {
                    continue;
                }
                if (recompute(d, formula, changed.organization, changed.period)) {
                    queue.add(d.code);
                }
            }
        }
    }

    private boolean recompute(Indicator d, Expression formula, String organization, String period) {
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        ValueKind kind = ValueKind.FINAL;
        boolean complete = true;
        for (String name : formula.names()) {
            Indicator in = Indicator.byCode(name);
            IndicatorValue iv = in == null ? null : IndicatorValue.find(in.id, organization, period);
            if (iv == null || iv.value == null) {
                complete = false;
                continue;
            }
            inputs.put(name, iv.value);
            kind = ValueKind.weakest(kind, iv.kind);
        }
        BigDecimal result = complete ? formula.evaluate(inputs) : null;
        IndicatorValue v = IndicatorValue.find(d.id, organization, period);
        if (result == null && v == null) {
            return false;
        }
        if (v != null && sameNumber(v.value, result) && Objects.equals(v.inputs, inputs) && v.kind == kind) {
            return false;
        }
        String before = v == null ? null : describe(v);
        if (v == null) {
            Period p = Period.parse(period);
            v = new IndicatorValue();
            v.id = UUID.randomUUID();
            v.indicator = d;
            v.organization = organization;
            v.period = p.code();
            v.periodType = p.type();
            v.periodStart = p.start();
            v.periodEnd = p.end();
            v.derived = true;
        }
        v.kind = kind;
        v.value = result == null ? null : result.setScale(6, java.math.RoundingMode.HALF_UP);
        v.inputs = inputs;
        v.source = "tính từ " + d.formula;
        stamp(v);
        audit.record("VALUE_COMPUTED", organization, period, d.code,
                (before == null ? "" : before + " → ") + describe(v) + " from " + inputs, null);
        publish(v);
        return true;
    }

    private static String describe(IndicatorValue v) {
        return v.kind + " " + (v.value == null ? "-" : v.value.stripTrailingZeros().toPlainString())
                + (v.publishedGrowth == null ? "" : " (" + v.publishedGrowth.stripTrailingZeros().toPlainString() + "%)");
    }

    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public IndicatorValue get(UUID id) {
        IndicatorValue v = IndicatorValue.findById(id);
        if (v == null) {
            throw ProblemException.notFound("value", id);
        }
        return v;
    }
}
