package vn.binhduong.sct.indicator.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.indicator.api.TargetApi.TargetRequest;
import vn.binhduong.sct.indicator.domain.Achievement;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PlanTarget;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads.ValueRecorded;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/** Plan targets: one per indicator, organisation and period, replaced in place (the audit trail keeps the old one). */
@ApplicationScoped
public class TargetService {
    private final Outbox outbox;
    private final AuditLog audit;
    private final Locks locks;
    private final ValueService values;
    private final Organizations organizations;

    public TargetService(Outbox outbox, AuditLog audit, Locks locks, ValueService values, Organizations organizations) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.audit = audit;
        this.locks = locks;
        this.values = values;
    }

    public record Set(PlanTarget target, boolean changed) {
    }

    @Transactional
    public Set set(TargetRequest r) {
        return set(r, null);
    }

    /** {@code ifMatch}: the version an {@code If-Match} header names (null without one): 412 when it is not current. */
    @Transactional
    public Set set(TargetRequest r, Preconditions.IfMatch ifMatch) {
        organizations.requireKnown(r.organization());
        Indicator ind = Indicator.byCode(r.indicator());
        if (ind == null) {
            throw ProblemException.notFound("indicator", r.indicator());
        }
        if (r.targetValue() == null && r.targetGrowth() == null) {
            throw ProblemException.invalid("targetValue", "give a target value, a target growth, or both");
        }
        Period period = Period.parse(r.period());
        locks.requireUnlocked(r.organization(), period);
        PlanTarget t = PlanTarget.find(ind.id, r.organization(), period.code());
        if (ifMatch != null) {
            ifMatch.require(t == null ? null : t.version, "target of " + ind.code + " " + r.organization() + " "
                    + period.code());
        }
        if (t != null && ValueService.sameNumber(t.targetValue, r.targetValue())
                && ValueService.sameNumber(t.targetGrowth, r.targetGrowth())
                && Objects.equals(t.planDocument, r.planDocument()) && Objects.equals(t.note, r.note())) {
            return new Set(t, false);
        }
        if (t != null && r.version() != null && r.version() != t.version) {
            throw ProblemException.conflict("stale-version", "target of " + ind.code + " " + period.code()
                    + " is at version " + t.version + ", not " + r.version(), Map.of("currentVersion", t.version));
        }
        String before = t == null ? null : describe(t);
        if (t == null) {
            t = new PlanTarget();
            t.id = UUID.randomUUID();
            t.indicator = ind;
            t.organization = r.organization();
            t.period = period.code();
            t.periodStart = period.start();
            t.periodEnd = period.end();
        }
        t.targetValue = r.targetValue();
        t.targetGrowth = r.targetGrowth();
        t.planDocument = r.planDocument();
        t.note = r.note();
        t.setAt = OffsetDateTime.now();
        t.setBy = audit.actor();
        if (!t.isPersistent()) {
            t.persist();
        }
        PlanTarget.getEntityManager().flush();
        audit.record(before == null ? "TARGET_SET" : "TARGET_CHANGED", t.organization, t.period, ind.code,
                (before == null ? "" : before + " → ") + describe(t), null);
        IndicatorValue v = IndicatorValue.find(ind.id, t.organization, t.period);
        IndicatorPayloads.Achievement achievement = null;
        if (v != null) {
            ValueRecorded facts = ValueFacts.of(v);
            achievement = facts.achievement();
            values.publish(v);
        }
        outbox.record(IndicatorEvents.TARGET_SET, t.organization, "indicator-target",
                ind.code + "/" + t.organization + "/" + t.period,
                new IndicatorPayloads.TargetSet(ind.code, ind.name, t.organization, t.period, ValueFacts.plain(t.targetValue),
                        ValueFacts.plain(t.targetGrowth), Labelled.map(ind.unit, vn.binhduong.sct.contract.indicator.Unit.class),
                        Labelled.map(ind.scale, vn.binhduong.sct.contract.indicator.Scale.class), ind.displayUnit(),
                        t.targetValue == null ? null : ValueFacts.display(ind, t.targetValue), t.planDocument, t.note,
                        achievement));
        return new Set(t, true);
    }

    private static String describe(PlanTarget t) {
        return (t.targetValue == null ? "" : "value " + t.targetValue.stripTrailingZeros().toPlainString() + " ")
                + (t.targetGrowth == null ? "" : "growth " + t.targetGrowth.stripTrailingZeros().toPlainString() + "%");
    }
}
