package vn.binhduong.sct.inspection.events;

import vn.binhduong.sct.platform.events.EventType;

/** The event types this service publishes to sct.inspection.events, each with its payload version. */
public final class InspectionEvents {
    public static final EventType REGISTERED = EventType.of("inspection-body.registered", 1);

    private InspectionEvents() {
    }
}
