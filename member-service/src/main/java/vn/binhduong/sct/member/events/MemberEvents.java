package vn.binhduong.sct.member.events;

import vn.binhduong.sct.platform.events.EventType;

/** The event types this service publishes to sct.member.events, each with its payload version. */
public final class MemberEvents {
    public static final EventType REGISTERED = EventType.of("party-organization.registered", 1);

    private MemberEvents() {
    }
}
