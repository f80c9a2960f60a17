package vn.binhduong.sct.indicator.events;

import org.eclipse.microprofile.config.ConfigProvider;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.common.Organisations;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads.Achievement;
import vn.binhduong.sct.contract.indicator.IndicatorEventTypes;
import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.indicator.events, as the contract declares them
 * ({@link IndicatorEventTypes}; payload records in {@code vn.binhduong.sct.contract.indicator.IndicatorPayloads}).
 */
public final class IndicatorEvents {
    public static final EventType DEFINED = of(IndicatorEventTypes.DEFINED);
    public static final EventType VALUE_RECORDED = of(IndicatorEventTypes.VALUE_RECORDED);
    public static final EventType TARGET_SET = of(IndicatorEventTypes.TARGET_SET);
    public static final EventType PERIOD_SUBMITTED = of(IndicatorEventTypes.PERIOD_SUBMITTED);
    public static final EventType PERIOD_APPROVED = of(IndicatorEventTypes.PERIOD_APPROVED);
    public static final EventType PERIOD_ACCEPTED = of(IndicatorEventTypes.PERIOD_ACCEPTED);
    public static final EventType PERIOD_UNAPPROVED = of(IndicatorEventTypes.PERIOD_UNAPPROVED);
    public static final EventType VIOLATION_FOUND = of(IndicatorEventTypes.VIOLATION_FOUND);

    /** The department's code in the organisation registry ({@code sct.organisation.department-code}, default {@code SCT-BD}). */
    public static String department() {
        return Organisations.from(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)).department();
    }

    /** The domain's achievement as the contract's record (the same fields). */
    public static Achievement achievement(vn.binhduong.sct.indicator.domain.Achievement a) {
        return a == null ? null : new Achievement(
                a.basis() == null ? null : vn.binhduong.sct.contract.indicator.AchievementBasis.valueOf(a.basis()), a.actual(),
                a.target(), a.variance(), a.achievementPercent(), a.met(), a.summary());
    }

    /** The contract's achievement as the domain's, for the API views built from a payload. */
    public static vn.binhduong.sct.indicator.domain.Achievement achievement(Achievement a) {
        return a == null ? null : new vn.binhduong.sct.indicator.domain.Achievement(
                a.basis() == null ? null : a.basis().name(), a.actual(), a.target(),
                a.variance(), a.achievementPercent(), a.met(), a.summary());
    }

    private static EventType of(EventContract c) {
        return EventType.of(c.type(), c.version());
    }

    private IndicatorEvents() {
    }
}
