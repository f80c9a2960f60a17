package vn.binhduong.sct.covid.events;

import vn.binhduong.sct.platform.events.EventType;

/** The event types this service publishes to sct.covid.events, each with its payload version. */
public final class CovidEvents {
    public static final EventType REGISTERED = EventType.of("establishment.registered", 1);

    private CovidEvents() {
    }
}
