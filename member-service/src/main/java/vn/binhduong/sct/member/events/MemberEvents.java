package vn.binhduong.sct.member.events;

import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.member.events, each with its payload version. Payloads are the
 * records in this package; docs/events/member-service.md documents them field by field.
 */
public final class MemberEvents {
    public static final EventType REGISTERED = EventType.of("party-organization.registered", 1);
    public static final EventType ORGANIZATION_UPDATED = EventType.of("party-organization.updated", 1);
    public static final EventType CELL_REGISTERED = EventType.of("party-cell.registered", 1);

    public static final EventType MEMBER_REGISTERED = EventType.of("member.registered", 1);
    public static final EventType MEMBER_ADMITTED = EventType.of("member.admitted", 1);
    public static final EventType MEMBER_CONFIRMED = EventType.of("member.confirmed", 1);
    public static final EventType MEMBER_TRANSFERRED = EventType.of("member.transferred", 1);
    public static final EventType MEMBER_TRANSFERRED_OUT = EventType.of("member.transferred-out", 1);
    public static final EventType MEMBER_TRANSFERRED_IN = EventType.of("member.transferred-in", 1);
    public static final EventType MEMBER_RETURNED = EventType.of("member.returned", 1);
    public static final EventType MEMBER_REMOVED = EventType.of("member.removed", 1);
    public static final EventType MEMBER_DECEASED = EventType.of("member.deceased", 1);
    public static final EventType MEMBER_SUSPENDED = EventType.of("member.suspended", 1);
    public static final EventType MEMBER_UPDATED = EventType.of("member.updated", 1);

    public static final EventType TRAINING_RECORDED = EventType.of("member.training-recorded", 1);
    public static final EventType RESIDENCE_FEEDBACK_RECORDED = EventType.of("member.residence-feedback-recorded", 1);
    public static final EventType CANDIDATE_REGISTERED = EventType.of("candidate.registered", 1);
    public static final EventType CANDIDATE_ADMITTED = EventType.of("candidate.admitted", 1);

    public static final EventType COMMITTEE_FORMED = EventType.of("committee.formed", 1);
    public static final EventType COMMITTEE_SEAT_ASSIGNED = EventType.of("committee.seat-assigned", 1);
    public static final EventType COMMITTEE_SEAT_VACATED = EventType.of("committee.seat-vacated", 1);
    /** The same for a cell's committee (kind CELL): its own types, so the organisation's committee figures stay apart. */
    public static final EventType CELL_COMMITTEE_FORMED = EventType.of("cell-committee.formed", 1);
    public static final EventType CELL_COMMITTEE_SEAT_ASSIGNED = EventType.of("cell-committee.seat-assigned", 1);
    public static final EventType CELL_COMMITTEE_SEAT_VACATED = EventType.of("cell-committee.seat-vacated", 1);

    public static final EventType YEAR_OPENED = EventType.of("evaluation.year-opened", 1);
    public static final EventType MEMBER_RATED = EventType.of("evaluation.member-rated", 1);
    public static final EventType CELL_RATED = EventType.of("evaluation.cell-rated", 1);
    public static final EventType ORGANIZATION_SELF_RATED = EventType.of("evaluation.organization-self-rated", 1);
    public static final EventType YEAR_FINALIZED = EventType.of("evaluation.year-finalized", 1);
    public static final EventType YEAR_REOPENED = EventType.of("evaluation.year-reopened", 1);

    private MemberEvents() {
    }
}
