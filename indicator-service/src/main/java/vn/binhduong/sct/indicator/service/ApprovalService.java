package vn.binhduong.sct.indicator.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.indicator.domain.ApprovalState;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodApproval;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.rules.Importance;
import vn.binhduong.sct.platform.rules.RuleOutcome;

/**
 * Approval of an organisation's period: draft → submitted → approved → accepted. Submission runs the validation rules;
 * HIGH violations block it unless the submitter gives an override reason. Unapproval returns the period to draft and
 * needs a reason. Every step is audited and published.
 */
@ApplicationScoped
public class ApprovalService {
    private final Outbox outbox;
    private final AuditLog audit;
    private final ValidationService validation;
    private final Organizations organizations;

    public ApprovalService(Outbox outbox, AuditLog audit, ValidationService validation, Organizations organizations) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.audit = audit;
        this.validation = validation;
    }

    public PeriodApproval current(String organization, Period period) {
        PeriodApproval a = PeriodApproval.<PeriodApproval>find("organization = ?1 and period = ?2", organization,
                period.code()).firstResult();
        if (a == null) {
            a = new PeriodApproval();
            a.organization = organization;
            a.period = period.code();
            a.periodStart = period.start();
            a.periodEnd = period.end();
            a.state = ApprovalState.DRAFT;
        }
        return a;
    }

    /** A refused submission still keeps the violations it found (they are what the submitter must look at). */
    @Transactional(dontRollbackOn = ProblemException.class)
    public PeriodApproval submit(String organization, Period period, String overrideReason) {
        PeriodApproval a = require(organization, period, Set.of(ApprovalState.DRAFT), ApprovalState.SUBMITTED);
        ValidationService.Run run = validation.run(organization, period);
        List<RuleOutcome> high = run.violations().stream().filter(o -> o.rule().importance() == Importance.HIGH)
                .toList();
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (!high.isEmpty() && !override) {
            List<Map<String, Object>> listed = high.stream().map(o -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", o.rule().code());
                m.put("left", o.left());
                m.put("right", o.right());
                m.put("message", o.message());
                return m;
            }).toList();
            throw ProblemException.ruleViolated("blocking-violations", high.size() + " high-importance violation(s) in "
                    + period.code() + " of " + organization + " block the submission: " + high.get(0).message()
                    + (high.size() > 1 ? " ..." : "") + " Correct the figures or submit with an overrideReason.",
                    Map.of("violations", listed));
        }
        a.overrideReason = high.isEmpty() ? null : overrideReason;
        return move(a, ApprovalState.SUBMITTED, IndicatorEvents.PERIOD_SUBMITTED, a.overrideReason,
                (int) run.high(), run.violations().size() - (int) run.high());
    }

    @Transactional
    public PeriodApproval approve(String organization, Period period) {
        PeriodApproval a = require(organization, period, Set.of(ApprovalState.SUBMITTED), ApprovalState.APPROVED);
        return move(a, ApprovalState.APPROVED, IndicatorEvents.PERIOD_APPROVED, null, -1, -1);
    }

    @Transactional
    public PeriodApproval accept(String organization, Period period) {
        PeriodApproval a = require(organization, period, Set.of(ApprovalState.APPROVED), ApprovalState.ACCEPTED);
        return move(a, ApprovalState.ACCEPTED, IndicatorEvents.PERIOD_ACCEPTED, null, -1, -1);
    }

    @Transactional
    public PeriodApproval unapprove(String organization, Period period, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "unapproving needs a reason for the audit trail");
        }
        PeriodApproval a = require(organization, period,
                Set.of(ApprovalState.SUBMITTED, ApprovalState.APPROVED, ApprovalState.ACCEPTED), ApprovalState.DRAFT);
        a.overrideReason = null;
        return move(a, ApprovalState.DRAFT, IndicatorEvents.PERIOD_UNAPPROVED, reason, -1, -1);
    }

    private PeriodApproval require(String organization, Period period, Set<ApprovalState> from, ApprovalState to) {
        organizations.requireKnown(organization);
        PeriodApproval a = current(organization, period);
        if (!from.contains(a.state)) {
            throw ProblemException.conflict("invalid-transition", period.code() + " of " + organization + " is "
                    + a.state + ": it cannot become " + to + " (only from " + from + ")",
                    Map.of("state", a.state.name(), "target", to.name()));
        }
        return a;
    }

    private PeriodApproval move(PeriodApproval a, ApprovalState to, EventType event, String reason, int high, int other) {
        ApprovalState from = a.state;
        a.state = to;
        a.updatedAt = OffsetDateTime.now();
        a.updatedBy = audit.actor();
        if (a.id == null) {
            a.id = UUID.randomUUID();
            a.persist();
        }
        PeriodApproval.getEntityManager().flush();
        audit.record("PERIOD_" + to.name(), a.organization, a.period, null, from + " → " + to, reason);
        List<IndicatorPayloads.ValueRecorded> figures = to == ApprovalState.APPROVED || to == ApprovalState.ACCEPTED
                ? IndicatorValue.<IndicatorValue>list("organization = ?1 and period = ?2 order by indicator.code",
                        a.organization, a.period).stream().map(ValueFacts::of).toList()
                : List.of();
        outbox.record(event, a.organization, "indicator-period", a.organization + "/" + a.period,
                new IndicatorPayloads.PeriodStateChanged(a.organization, a.period,
                        Labelled.map(Period.parse(a.period).type(), vn.binhduong.sct.contract.indicator.PeriodType.class), Labelled.map(to, vn.binhduong.sct.contract.indicator.ApprovalState.class),
                        Labelled.map(from, vn.binhduong.sct.contract.indicator.ApprovalState.class), reason, Math.max(high, 0), Math.max(other, 0), figures));
        return a;
    }
}
