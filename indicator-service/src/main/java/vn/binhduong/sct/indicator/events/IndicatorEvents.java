package vn.binhduong.sct.indicator.events;

import vn.binhduong.sct.platform.events.EventType;

/** The event types this service publishes to sct.indicator.events, each with its payload version. */
public final class IndicatorEvents {
    public static final EventType DEFINED = EventType.of("indicator.defined", 1);

    private IndicatorEvents() {
    }
}
