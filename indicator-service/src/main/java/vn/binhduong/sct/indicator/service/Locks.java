package vn.binhduong.sct.indicator.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import vn.binhduong.sct.indicator.domain.ApprovalState;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodApproval;
import vn.binhduong.sct.platform.problem.ProblemException;

/** Submitted, approved and accepted periods are locked, and so is every shorter period inside them. */
@ApplicationScoped
public class Locks {
    public PeriodApproval lockingApproval(String organization, Period period) {
        return PeriodApproval.<PeriodApproval>find(
                "organization = ?1 and state <> ?2 and periodStart <= ?3 and periodEnd >= ?4", organization,
                ApprovalState.DRAFT, period.start(), period.end()).firstResult();
    }

    /** Explains the lock as a 409 problem, or returns quietly. */
    public void requireUnlocked(String organization, Period period) {
        String reason = lockReason(organization, period);
        if (reason != null) {
            PeriodApproval a = lockingApproval(organization, period);
            throw ProblemException.conflict("period-locked", reason, Map.of("organization", organization, "period",
                    period.code(), "lockedBy", a.period, "state", a.state.name()));
        }
    }

    public String lockReason(String organization, Period period) {
        PeriodApproval a = lockingApproval(organization, period);
        if (a == null) {
            return null;
        }
        return "period " + period.code() + " of " + organization + " is locked: " + a.period + " is " + a.state
                + "; unapprove it with a reason before editing";
    }
}
