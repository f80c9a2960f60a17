package vn.binhduong.sct.contract.indicator;

import java.util.List;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads.*;

/**
 * Every event type indicator-service publishes to sct.indicator.events, with its payload version and record;
 * docs/events/indicator-service.md documents them.
 */
public final class IndicatorEventTypes {
    public static final String PRODUCER = "indicator-service";

    public static final EventContract DEFINED = new EventContract("indicator.defined", 1, IndicatorDefined.class, PRODUCER);
    public static final EventContract VALUE_RECORDED = new EventContract("indicator-value.recorded", 1, ValueRecorded.class, PRODUCER);
    public static final EventContract TARGET_SET = new EventContract("indicator-target.set", 1, TargetSet.class, PRODUCER);
    public static final EventContract PERIOD_SUBMITTED = new EventContract("indicator-period.submitted", 1, PeriodStateChanged.class, PRODUCER);
    public static final EventContract PERIOD_APPROVED = new EventContract("indicator-period.approved", 1, PeriodStateChanged.class, PRODUCER);
    public static final EventContract PERIOD_ACCEPTED = new EventContract("indicator-period.accepted", 1, PeriodStateChanged.class, PRODUCER);
    public static final EventContract PERIOD_UNAPPROVED = new EventContract("indicator-period.unapproved", 1, PeriodStateChanged.class, PRODUCER);
    public static final EventContract VIOLATION_FOUND = new EventContract("validation.violation-found", 1, ViolationFound.class, PRODUCER);

    /** Every type above: the producer publishes these and no others. */
    public static final List<EventContract> ALL = List.of(
            DEFINED,
            VALUE_RECORDED,
            TARGET_SET,
            PERIOD_SUBMITTED,
            PERIOD_APPROVED,
            PERIOD_ACCEPTED,
            PERIOD_UNAPPROVED,
            VIOLATION_FOUND);

    private IndicatorEventTypes() {
    }
}
