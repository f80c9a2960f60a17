package vn.binhduong.sct.member.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.api.CommitteeApi.CommitteeRequest;
import vn.binhduong.sct.member.api.CommitteeApi.CommitteeView;
import vn.binhduong.sct.member.api.CommitteeApi.MemberPositionView;
import vn.binhduong.sct.member.api.CommitteeApi.SeatRequest;
import vn.binhduong.sct.member.api.CommitteeApi.SeatView;
import vn.binhduong.sct.member.domain.Committee;
import vn.binhduong.sct.member.domain.CommitteeKind;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.CommitteeSeat;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.events.MemberEvents;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.member.MemberPayloads.CommitteePayload;
import vn.binhduong.sct.contract.member.MemberPayloads.SeatPayload;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/** Committees with their seats; one person may hold positions in several committees. */
@ApplicationScoped
public class CommitteeService {
    private final Outbox outbox;
    private final OrganizationService organizations;
    private final MemberService members;
    private final Access access;

    public CommitteeService(Outbox outbox, OrganizationService organizations, MemberService members, Access access) {
        this.access = access;
        this.outbox = outbox;
        this.organizations = organizations;
        this.members = members;
    }

    @Transactional
    public Committee form(String orgCode, CommitteeRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        if (r.termEndYear() <= r.termStartYear()) {
            throw ProblemException.invalid("termEndYear", "the term ends (" + r.termEndYear() + ") after it starts (" + r.termStartYear() + ")");
        }
        PartyCell cell = null;
        if (r.kind() == CommitteeKind.CELL) {
            if (r.cellCode() == null || r.cellCode().isBlank()) {
                throw ProblemException.invalid("cellCode", "a CELL committee names its cell");
            }
            cell = organizations.cellOf(org, r.cellCode());
            if (Committee.count("cellId = ?1 and kind = ?2 and termStartYear = ?3", cell.id, r.kind(), r.termStartYear()) > 0) {
                throw ProblemException.conflict("duplicate", "the committee of cell " + cell.code + " for the term from "
                        + r.termStartYear() + " already exists");
            }
        } else {
            if (r.cellCode() != null) {
                throw ProblemException.invalid("cellCode", "only a CELL committee names a cell; the " + r.kind()
                        + " committee is the organisation's");
            }
            if (Committee.count("organizationId = ?1 and kind = ?2 and termStartYear = ?3 and cellId is null", org.id, r.kind(),
                    r.termStartYear()) > 0) {
                throw ProblemException.conflict("duplicate", "the " + r.kind() + " committee of " + org.code + " for the term from "
                        + r.termStartYear() + " already exists");
            }
        }
        Committee c = new Committee();
        c.id = UUID.randomUUID();
        c.organizationId = org.id;
        c.cellId = cell == null ? null : cell.id;
        c.kind = r.kind();
        c.termStartYear = r.termStartYear();
        c.termEndYear = r.termEndYear();
        c.seats = r.seats();
        c.persist();
        outbox.record(cell == null ? MemberEvents.COMMITTEE_FORMED : MemberEvents.CELL_COMMITTEE_FORMED, org.code, "committee",
                c.id.toString(), new CommitteePayload(c.id, org.code, Labelled.map(c.kind, vn.binhduong.sct.contract.member.CommitteeKind.class), c.termStartYear, c.termEndYear, c.seats,
                        cell == null ? null : cell.code));
        return c;
    }

    @Transactional
    public CommitteeSeat assign(UUID committeeId, SeatRequest r) {
        Committee c = committee(committeeId);
        PartyOrganization org = PartyOrganization.findById(c.organizationId);
        Member m = members.member(r.memberId());
        if (!m.organizationId.equals(org.id)) {
            throw ProblemException.ruleViolated("member-of-other-organization", "member " + m.id + " is not a member of " + org.code,
                    Map.of("member", m.id.toString(), "organization", org.code));
        }
        m.requireOnRoll();
        if (c.cellId != null && !c.cellId.equals(m.cellId)) {
            String cellCode = members.cellCode(c.cellId);
            throw ProblemException.ruleViolated("member-of-other-cell", "member " + m.id + " is not a member of cell " + cellCode
                    + ", whose committee this is", Map.of("member", m.id.toString(), "cell", cellCode));
        }
        if (!r.position().allowedIn(c.kind)) {
            throw ProblemException.ruleViolated("position-not-in-committee", r.position() + " is not a position of the " + c.kind
                    + " committee", Map.of("position", r.position().name(), "committeeKind", c.kind.name()));
        }
        List<CommitteeSeat> held = current(c.id);
        if (held.stream().anyMatch(s -> s.memberId.equals(m.id))) {
            throw ProblemException.conflict("already-seated", "member " + m.id + " already holds a seat in this committee");
        }
        if (held.size() >= c.seats) {
            throw ProblemException.ruleViolated("committee-full", "the " + c.kind + " committee has " + c.seats + " seats and all "
                    + held.size() + " are held", Map.of("seats", c.seats, "seatsFilled", held.size()));
        }
        if (r.position().single() && held.stream().anyMatch(s -> s.position == r.position())) {
            throw ProblemException.conflict("position-taken", "the " + c.kind + " committee already has a " + r.position());
        }
        CommitteeSeat s = new CommitteeSeat();
        s.id = UUID.randomUUID();
        s.committeeId = c.id;
        s.memberId = m.id;
        s.position = r.position();
        s.since = r.since();
        s.persist();
        publish(c.cellId == null ? MemberEvents.COMMITTEE_SEAT_ASSIGNED : MemberEvents.CELL_COMMITTEE_SEAT_ASSIGNED, org, c, s,
                held.size() + 1);
        return s;
    }

    @Transactional
    public CommitteeSeat vacate(UUID committeeId, UUID seatId, java.time.LocalDate until) {
        Committee c = committee(committeeId);
        CommitteeSeat s = CommitteeSeat.<CommitteeSeat>findByIdOptional(seatId).filter(x -> x.committeeId.equals(c.id))
                .orElseThrow(() -> ProblemException.notFound("committee-seat", seatId));
        if (s.until != null) {
            throw ProblemException.conflict("seat-vacated", "seat " + seatId + " was vacated on " + s.until);
        }
        if (until.isBefore(s.since)) {
            throw ProblemException.invalid("until", "the seat is left (" + until + ") before it was taken (" + s.since + ")");
        }
        s.until = until;
        CommitteeSeat.getEntityManager().flush();
        publish(c.cellId == null ? MemberEvents.COMMITTEE_SEAT_VACATED : MemberEvents.CELL_COMMITTEE_SEAT_VACATED,
                PartyOrganization.findById(c.organizationId), c, s, current(c.id).size());
        return s;
    }

    private void publish(vn.binhduong.sct.platform.events.EventType type, PartyOrganization org, Committee c, CommitteeSeat s, int filled) {
        outbox.record(type, org.code, "committee", c.id.toString(), new SeatPayload(s.id, c.id, org.code,
                Labelled.map(c.kind, vn.binhduong.sct.contract.member.CommitteeKind.class), c.termStartYear, s.memberId, Labelled.map(s.position, vn.binhduong.sct.contract.member.Position.class), s.since, s.until, c.seats, filled,
                positions(s.memberId).stream().map(p -> p.committeeKind() + ":" + p.position()).toList(), members.cellCode(c.cellId)));
    }

    public List<CommitteeView> list(String orgCode) {
        PartyOrganization org = organizations.get(orgCode);
        if (!access.mayRead(org.id)) {
            throw ProblemException.forbidden("a cell secretary reads the committees of their own cell's organisation only, not " + org.code);
        }
        return Committee.<Committee>list("organizationId", Sort.by("termStartYear").and("cellId", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_FIRST).and("kind"), org.id).stream()
                .map(c -> view(org, c)).toList();
    }

    /** One committee; to a cell secretary of another organisation it does not exist (404, as an unknown id). */
    public CommitteeView view(UUID id) {
        Committee c = committee(id);
        if (!access.mayRead(c.organizationId)) {
            throw ProblemException.notFound("committee", id);
        }
        return view(PartyOrganization.findById(c.organizationId), c);
    }

    private CommitteeView view(PartyOrganization org, Committee c) {
        List<SeatView> seats = current(c.id).stream().map(s -> {
            Member m = Member.findById(s.memberId);
            return new SeatView(s.id, s.memberId, m.fullName, members.cellCode(m.cellId), s.position, s.since, s.until, s.version);
        }).toList();
        return new CommitteeView(c.id, org.code, members.cellCode(c.cellId), c.kind, c.termStartYear, c.termEndYear, c.seats, seats.size(), seats, c.version);
    }

    public List<MemberPositionView> positions(UUID memberId) {
        return CommitteeSeat.<CommitteeSeat>list("memberId = ?1 and until is null", Sort.by("since"), memberId).stream().map(s -> {
            Committee c = Committee.findById(s.committeeId);
            return new MemberPositionView(c.id, c.kind, c.termStartYear, s.position, s.since, members.cellCode(c.cellId));
        }).toList();
    }

    private static List<CommitteeSeat> current(UUID committeeId) {
        return CommitteeSeat.list("committeeId = ?1 and until is null", Sort.by("since").and("id"), committeeId);
    }

    private static Committee committee(UUID id) {
        return Committee.<Committee>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("committee", id));
    }
}
