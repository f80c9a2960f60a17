package vn.binhduong.sct.member.events;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.member.MemberEventTypes;
import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.member.events, as the contract declares them
 * ({@link MemberEventTypes}: the payload records are {@code vn.binhduong.sct.contract.member.MemberPayloads}). This
 * service keeps only the mapping from its domain to those records, where it builds them.
 */
public final class MemberEvents {
    public static final EventType REGISTERED = of(MemberEventTypes.REGISTERED);
    public static final EventType ORGANIZATION_UPDATED = of(MemberEventTypes.ORGANIZATION_UPDATED);
    public static final EventType CELL_REGISTERED = of(MemberEventTypes.CELL_REGISTERED);
    public static final EventType MEMBER_REGISTERED = of(MemberEventTypes.MEMBER_REGISTERED);
    public static final EventType MEMBER_ADMITTED = of(MemberEventTypes.MEMBER_ADMITTED);
    public static final EventType MEMBER_CONFIRMED = of(MemberEventTypes.MEMBER_CONFIRMED);
    public static final EventType MEMBER_TRANSFERRED = of(MemberEventTypes.MEMBER_TRANSFERRED);
    public static final EventType MEMBER_TRANSFERRED_OUT = of(MemberEventTypes.MEMBER_TRANSFERRED_OUT);
    public static final EventType MEMBER_TRANSFERRED_IN = of(MemberEventTypes.MEMBER_TRANSFERRED_IN);
    public static final EventType MEMBER_RETURNED = of(MemberEventTypes.MEMBER_RETURNED);
    public static final EventType MEMBER_REMOVED = of(MemberEventTypes.MEMBER_REMOVED);
    public static final EventType MEMBER_DECEASED = of(MemberEventTypes.MEMBER_DECEASED);
    public static final EventType MEMBER_SUSPENDED = of(MemberEventTypes.MEMBER_SUSPENDED);
    public static final EventType MEMBER_UPDATED = of(MemberEventTypes.MEMBER_UPDATED);
    public static final EventType TRAINING_RECORDED = of(MemberEventTypes.TRAINING_RECORDED);
    public static final EventType RESIDENCE_FEEDBACK_RECORDED = of(MemberEventTypes.RESIDENCE_FEEDBACK_RECORDED);
    public static final EventType CANDIDATE_REGISTERED = of(MemberEventTypes.CANDIDATE_REGISTERED);
    public static final EventType CANDIDATE_ADMITTED = of(MemberEventTypes.CANDIDATE_ADMITTED);
    public static final EventType COMMITTEE_FORMED = of(MemberEventTypes.COMMITTEE_FORMED);
    public static final EventType COMMITTEE_SEAT_ASSIGNED = of(MemberEventTypes.COMMITTEE_SEAT_ASSIGNED);
    public static final EventType COMMITTEE_SEAT_VACATED = of(MemberEventTypes.COMMITTEE_SEAT_VACATED);
    public static final EventType CELL_COMMITTEE_FORMED = of(MemberEventTypes.CELL_COMMITTEE_FORMED);
    public static final EventType CELL_COMMITTEE_SEAT_ASSIGNED = of(MemberEventTypes.CELL_COMMITTEE_SEAT_ASSIGNED);
    public static final EventType CELL_COMMITTEE_SEAT_VACATED = of(MemberEventTypes.CELL_COMMITTEE_SEAT_VACATED);
    public static final EventType YEAR_OPENED = of(MemberEventTypes.YEAR_OPENED);
    public static final EventType MEMBER_RATED = of(MemberEventTypes.MEMBER_RATED);
    public static final EventType CELL_RATED = of(MemberEventTypes.CELL_RATED);
    public static final EventType ORGANIZATION_SELF_RATED = of(MemberEventTypes.ORGANIZATION_SELF_RATED);
    public static final EventType YEAR_FINALIZED = of(MemberEventTypes.YEAR_FINALIZED);
    public static final EventType YEAR_REOPENED = of(MemberEventTypes.YEAR_REOPENED);

    private static EventType of(EventContract c) {
        return EventType.of(c.type(), c.version());
    }

    private MemberEvents() {
    }
}
