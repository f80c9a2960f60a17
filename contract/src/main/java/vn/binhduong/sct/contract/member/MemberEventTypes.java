package vn.binhduong.sct.contract.member;

import java.util.List;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.member.MemberPayloads.*;

/**
 * Every event type member-service publishes to sct.member.events, with its payload version and record;
 * docs/events/member-service.md documents them field by field.
 */
public final class MemberEventTypes {
    public static final String PRODUCER = "member-service";

    public static final EventContract REGISTERED = new EventContract("party-organization.registered", 1, OrganizationPayload.class, PRODUCER);
    public static final EventContract ORGANIZATION_UPDATED = new EventContract("party-organization.updated", 1, OrganizationPayload.class, PRODUCER);
    public static final EventContract CELL_REGISTERED = new EventContract("party-cell.registered", 1, CellPayload.class, PRODUCER);
    public static final EventContract MEMBER_REGISTERED = new EventContract("member.registered", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_ADMITTED = new EventContract("member.admitted", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_CONFIRMED = new EventContract("member.confirmed", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_TRANSFERRED = new EventContract("member.transferred", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_TRANSFERRED_OUT = new EventContract("member.transferred-out", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_TRANSFERRED_IN = new EventContract("member.transferred-in", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_RETURNED = new EventContract("member.returned", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_REMOVED = new EventContract("member.removed", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_DECEASED = new EventContract("member.deceased", 1, MemberChangePayload.class, PRODUCER);
    public static final EventContract MEMBER_SUSPENDED = new EventContract("member.suspended", 1, SuspensionPayload.class, PRODUCER);
    public static final EventContract MEMBER_UPDATED = new EventContract("member.updated", 1, MemberUpdatedPayload.class, PRODUCER);
    public static final EventContract TRAINING_RECORDED = new EventContract("member.training-recorded", 1, TrainingPayload.class, PRODUCER);
    public static final EventContract RESIDENCE_FEEDBACK_RECORDED = new EventContract("member.residence-feedback-recorded", 1, ResidenceFeedbackPayload.class, PRODUCER);
    public static final EventContract CANDIDATE_REGISTERED = new EventContract("candidate.registered", 1, CandidatePayload.class, PRODUCER);
    public static final EventContract CANDIDATE_ADMITTED = new EventContract("candidate.admitted", 1, CandidatePayload.class, PRODUCER);
    public static final EventContract COMMITTEE_FORMED = new EventContract("committee.formed", 1, CommitteePayload.class, PRODUCER);
    public static final EventContract COMMITTEE_SEAT_ASSIGNED = new EventContract("committee.seat-assigned", 1, SeatPayload.class, PRODUCER);
    public static final EventContract COMMITTEE_SEAT_VACATED = new EventContract("committee.seat-vacated", 1, SeatPayload.class, PRODUCER);
    /** The same for a cell's committee (kind CELL): its own types, so the organisation's committee figures stay apart. */
    public static final EventContract CELL_COMMITTEE_FORMED = new EventContract("cell-committee.formed", 1, CommitteePayload.class, PRODUCER);
    public static final EventContract CELL_COMMITTEE_SEAT_ASSIGNED = new EventContract("cell-committee.seat-assigned", 1, SeatPayload.class, PRODUCER);
    public static final EventContract CELL_COMMITTEE_SEAT_VACATED = new EventContract("cell-committee.seat-vacated", 1, SeatPayload.class, PRODUCER);
    public static final EventContract YEAR_OPENED = new EventContract("evaluation.year-opened", 1, YearOpenedPayload.class, PRODUCER);
    public static final EventContract MEMBER_RATED = new EventContract("evaluation.member-rated", 1, MemberRatedPayload.class, PRODUCER);
    public static final EventContract CELL_RATED = new EventContract("evaluation.cell-rated", 1, CellRatedPayload.class, PRODUCER);
    public static final EventContract ORGANIZATION_SELF_RATED = new EventContract("evaluation.organization-self-rated", 1, OrganizationRatedPayload.class, PRODUCER);
    public static final EventContract YEAR_FINALIZED = new EventContract("evaluation.year-finalized", 1, YearFinalizedPayload.class, PRODUCER);
    public static final EventContract YEAR_REOPENED = new EventContract("evaluation.year-reopened", 1, YearReopenedPayload.class, PRODUCER);

    /** Every type above: the producer publishes these and no others. */
    public static final List<EventContract> ALL = List.of(
            REGISTERED,
            ORGANIZATION_UPDATED,
            CELL_REGISTERED,
            MEMBER_REGISTERED,
            MEMBER_ADMITTED,
            MEMBER_CONFIRMED,
            MEMBER_TRANSFERRED,
            MEMBER_TRANSFERRED_OUT,
            MEMBER_TRANSFERRED_IN,
            MEMBER_RETURNED,
            MEMBER_REMOVED,
            MEMBER_DECEASED,
            MEMBER_SUSPENDED,
            MEMBER_UPDATED,
            TRAINING_RECORDED,
            RESIDENCE_FEEDBACK_RECORDED,
            CANDIDATE_REGISTERED,
            CANDIDATE_ADMITTED,
            COMMITTEE_FORMED,
            COMMITTEE_SEAT_ASSIGNED,
            COMMITTEE_SEAT_VACATED,
            CELL_COMMITTEE_FORMED,
            CELL_COMMITTEE_SEAT_ASSIGNED,
            CELL_COMMITTEE_SEAT_VACATED,
            YEAR_OPENED,
            MEMBER_RATED,
            CELL_RATED,
            ORGANIZATION_SELF_RATED,
            YEAR_FINALIZED,
            YEAR_REOPENED);

    private MemberEventTypes() {
    }
}
