package vn.binhduong.sct.member.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.api.MemberApi.AdmitRequest;
import vn.binhduong.sct.member.api.MemberApi.CellTransferRequest;
import vn.binhduong.sct.member.api.MemberApi.ConfirmRequest;
import vn.binhduong.sct.member.api.MemberApi.DeathRequest;
import vn.binhduong.sct.member.api.MemberApi.Identity;
import vn.binhduong.sct.member.api.MemberApi.RegisterMemberRequest;
import vn.binhduong.sct.member.api.MemberApi.RemovalRequest;
import vn.binhduong.sct.member.api.MemberApi.ReturnRequest;
import vn.binhduong.sct.member.api.MemberApi.SuspensionRequest;
import vn.binhduong.sct.member.api.MemberApi.TransferInRequest;
import vn.binhduong.sct.member.api.MemberApi.TransferOutRequest;
import vn.binhduong.sct.member.api.MemberApi.UpdateMemberRequest;
import vn.binhduong.sct.member.domain.Candidate;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.MemberMovement;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.member.domain.MovementKind;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.domain.RemovalReason;
import vn.binhduong.sct.member.domain.TransferKind;
import vn.binhduong.sct.member.events.MemberEvents;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.member.MemberPayloads.CandidatePayload;
import vn.binhduong.sct.contract.member.MemberPayloads.MemberChangePayload;
import vn.binhduong.sct.contract.member.MemberPayloads.MemberUpdatedPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.SuspensionPayload;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/** The member registry and its lifecycle commands; each change is dated, kept in the history and published. */
@ApplicationScoped
public class MemberService {
    /** DESIGN.md §9: a temporary transfer is a stay of 3 to 12 months. */
    static final int TEMPORARY_MIN_MONTHS = 3;
    static final int TEMPORARY_MAX_MONTHS = 12;

    private final Outbox outbox;
    private final OrganizationService organizations;
    private final Access access;
    private final EvaluationTally tally;

    public MemberService(Outbox outbox, OrganizationService organizations, Access access, EvaluationTally tally) {
        this.tally = tally;
        this.outbox = outbox;
        this.organizations = organizations;
        this.access = access;
    }

    @Transactional
    public Member register(String orgCode, RegisterMemberRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        PartyCell cell = organizations.cellOf(org, r.cellCode());
        LocalDate since = r.onRollSince() == null ? r.admissionDate() : r.onRollSince();
        if (since.isBefore(r.admissionDate())) {
            throw ProblemException.invalid("onRollSince", "on the roll since " + since + ", before admission on " + r.admissionDate());
        }
        checkStatusDates(r.status(), r.admissionDate(), r.confirmationDate(), since);
        Member m = newMember(org, cell, r.identity(), r.status(), r.admissionDate(), r.confirmationDate(), since, false);
        record(MemberEvents.MEMBER_REGISTERED, m, org, MovementKind.REGISTERED, since, null, null, null, null, null, null, null);
        tally.after(tally.none(m.id));
        return m;
    }

    @Transactional
    public Member admit(String orgCode, AdmitRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        PartyCell cell = organizations.cellOf(org, r.cellCode());
        notInFuture("admissionDate", r.admissionDate());
        Candidate candidate = null;
        if (r.candidateId() != null) {
            candidate = Candidate.<Candidate>findByIdOptional(r.candidateId())
                    .orElseThrow(() -> ProblemException.notFound("candidate", r.candidateId()));
            if (!candidate.organizationId.equals(org.id) || candidate.status != Candidate.Status.IN_AWARENESS_CLASS) {
                throw ProblemException.conflict("candidate-not-pending", "candidate " + candidate.id + " is " + candidate.status
                        + " in another or this organisation; only a candidate in the awareness class of " + org.code + " can be admitted");
            }
            if (r.admissionDate().isBefore(candidate.awarenessClassDate)) {
                throw ProblemException.ruleViolated("admission-before-awareness-class", "admission on " + r.admissionDate()
                        + " is before the candidate's awareness class on " + candidate.awarenessClassDate,
                        Map.of("admissionDate", r.admissionDate().toString(), "awarenessClassDate", candidate.awarenessClassDate.toString()));
            }
        }
        Member m = newMember(org, cell, r.identity(), MemberStatus.PROBATIONARY, r.admissionDate(), null, r.admissionDate(), false);
        record(MemberEvents.MEMBER_ADMITTED, m, org, MovementKind.ADMITTED, r.admissionDate(), null, null, null, null, null, null,
                r.candidateId());
        tally.after(tally.none(m.id));
        if (candidate != null) {
            candidate.status = Candidate.Status.ADMITTED;
            candidate.memberId = m.id;
            outbox.record(MemberEvents.CANDIDATE_ADMITTED, org.code, "candidate", candidate.id.toString(),
                    new CandidatePayload(candidate.id, org.code, cell.code, candidate.awarenessClassDate,
                            candidate.awarenessClassDate.getYear(),
                            Labelled.map(candidate.status, vn.binhduong.sct.contract.member.CandidateStatus.class), m.id));
        }
        return m;
    }

    @Transactional
    public Member transferIn(String orgCode, TransferInRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        PartyCell cell = organizations.cellOf(org, r.cellCode());
        notInFuture("date", r.date());
        checkStatusDates(r.status(), r.admissionDate(), r.confirmationDate(), r.date());
        boolean temporary = r.kind() == TransferKind.TEMPORARY;
        if (temporary) {
            checkTemporaryStay(r.date(), r.expectedReturn());
        }
        Member m = newMember(org, cell, r.identity(), r.status(), r.admissionDate(), r.confirmationDate(), r.date(), temporary);
        m.temporarilyAwayUntil = null;
        record(MemberEvents.MEMBER_TRANSFERRED_IN, m, org, MovementKind.TRANSFERRED_IN, r.date(), null, null, r.kind(), r.origin(),
                temporary ? r.expectedReturn() : null, null, null);
        tally.after(tally.none(m.id));
        return m;
    }

    @Transactional
    public Member confirm(UUID id, ConfirmRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        if (m.status != MemberStatus.PROBATIONARY) {
            throw ProblemException.conflict("not-probationary", "member " + id + " is " + m.status + "; only probationary members are confirmed");
        }
        notInFuture("confirmationDate", r.confirmationDate());
        LocalDate earliest = m.earliestConfirmation();
        if (r.confirmationDate().isBefore(earliest)) {
            throw ProblemException.ruleViolated("probation-not-over", "admitted on " + m.admissionDate + ", the member can be confirmed"
                    + " from " + earliest + " (12 months of probation), not on " + r.confirmationDate(),
                    Map.of("admissionDate", m.admissionDate.toString(), "earliestConfirmation", earliest.toString(),
                            "confirmationDate", r.confirmationDate().toString(), "probationMonths", Member.PROBATION_MONTHS));
        }
        notBeforeLastChange(m, r.confirmationDate());
        m.status = MemberStatus.OFFICIAL;
        m.confirmationDate = r.confirmationDate();
        record(MemberEvents.MEMBER_CONFIRMED, m, org(m), MovementKind.CONFIRMED, r.confirmationDate(), null,
                MemberStatus.PROBATIONARY, null, null, null, null, null);
        tally.after(standing);
        return m;
    }

    @Transactional
    public Member transferCell(UUID id, CellTransferRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        m.requireOnRoll();
        PartyOrganization org = org(m);
        PartyCell to = organizations.cellOf(org, r.toCellCode());
        if (to.id.equals(m.cellId)) {
            throw ProblemException.conflict("same-cell", "member " + id + " is already in " + to.code);
        }
        notInFuture("date", r.date());
        notBeforeLastChange(m, r.date());
        UUID from = m.cellId;
        m.cellId = to.id;
        record(MemberEvents.MEMBER_TRANSFERRED, m, org, MovementKind.TRANSFERRED, r.date(), from, m.status, null, null, null, null, null);
        tally.after(standing);
        return m;
    }

    @Transactional
    public Member transferOut(UUID id, TransferOutRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        m.requireOnRoll();
        if (m.temporary) {
            throw ProblemException.conflict("temporary-member", "member " + id + " attends here temporarily; their home organisation transfers them");
        }
        notInFuture("date", r.date());
        notBeforeLastChange(m, r.date());
        MemberStatus before = m.status;
        LocalDate expectedReturn = null;
        if (r.kind() == TransferKind.PERMANENT) {
            m.status = MemberStatus.TRANSFERRED_OUT;
            m.leftOn = r.date();
            m.temporarilyAwayUntil = null;
        } else {
            if (m.temporarilyAwayUntil != null) {
                throw ProblemException.conflict("already-temporarily-away", "member " + id + " is on a temporary transfer out until "
                        + m.temporarilyAwayUntil + "; record the return first");
            }
            checkTemporaryStay(r.date(), r.expectedReturn());
            // A temporary stay elsewhere keeps the member on this roll; they are rated here.
            m.temporarilyAwayUntil = r.expectedReturn();
            expectedReturn = r.expectedReturn();
        }
        record(MemberEvents.MEMBER_TRANSFERRED_OUT, m, org(m), MovementKind.TRANSFERRED_OUT, r.date(), m.cellId, before, r.kind(),
                r.destination(), expectedReturn, null, null);
        tally.after(standing);
        return m;
    }

    /** The end of a temporary transfer out: the member, who stayed on this roll, attends their cell here again. */
    @Transactional
    public Member returnFromTemporaryTransfer(UUID id, ReturnRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        m.requireOnRoll();
        if (m.temporarilyAwayUntil == null) {
            throw ProblemException.conflict("not-temporarily-away", "member " + id + " is not on a temporary transfer out;"
                    + " only a member temporarily transferred out returns");
        }
        notInFuture("date", r.date());
        notBeforeLastChange(m, r.date());
        LocalDate expected = m.temporarilyAwayUntil;
        String where = MemberMovement.find("memberId = ?1 and kind = ?2 order by effectiveDate desc, id desc", m.id,
                MovementKind.TRANSFERRED_OUT).<MemberMovement>firstResultOptional().map(mv -> mv.detail).orElse(null);
        m.temporarilyAwayUntil = null;
        record(MemberEvents.MEMBER_RETURNED, m, org(m), MovementKind.RETURNED, r.date(), m.cellId, m.status, TransferKind.TEMPORARY,
                where, expected, null, null);
        tally.after(standing);
        return m;
    }

    @Transactional
    public Member remove(UUID id, RemovalRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        m.requireOnRoll();
        if (r.reason() == RemovalReason.NOT_CONFIRMED) {
            if (m.status != MemberStatus.PROBATIONARY) {
                throw ProblemException.conflict("not-probationary", "only a probationary member is removed for not being confirmed; member "
                        + id + " is " + m.status);
            }
        }
        notInFuture("date", r.date());
        notBeforeLastChange(m, r.date());
        MemberStatus before = m.status;
        m.status = MemberStatus.REMOVED;
        m.leftOn = r.date();
        record(MemberEvents.MEMBER_REMOVED, m, org(m), MovementKind.REMOVED, r.date(), m.cellId, before, null, r.decision(), null,
                r.reason(), null);
        tally.after(standing);
        return m;
    }

    @Transactional
    public Member death(UUID id, DeathRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        m.requireOnRoll();
        notInFuture("date", r.date());
        notBeforeLastChange(m, r.date());
        MemberStatus before = m.status;
        m.status = MemberStatus.DECEASED;
        m.leftOn = r.date();
        record(MemberEvents.MEMBER_DECEASED, m, org(m), MovementKind.DECEASED, r.date(), m.cellId, before, null, null, null, null, null);
        tally.after(standing);
        return m;
    }

    @Transactional
    public Member suspend(UUID id, SuspensionRequest r) {
        Member m = member(id);
        EvaluationTally.Standing standing = tally.before(m.id);
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        m.requireOnRoll();
        if (r.until() != null && r.until().isBefore(r.from())) {
            throw ProblemException.invalid("until", "the suspension ends (" + r.until() + ") before it starts (" + r.from() + ")");
        }
        m.suspendedFrom = r.from();
        m.suspendedUntil = r.until();
        outbox.record(MemberEvents.MEMBER_SUSPENDED, org(m).code, "member", m.id.toString(),
                new SuspensionPayload(m.id, org(m).code, cellCode(m.cellId), r.from(), r.until()));
        tally.after(standing);
        return m;
    }

    @Transactional
    public Member update(UUID id, UpdateMemberRequest r) {
        Member m = member(id);
        access.requireCell(PartyCell.findById(m.cellId));
        OrganizationService.requireVersion(m.version, r.version(), "member " + id);
        boolean religionChanged = m.religious != r.identity().religious();
        apply(m, r.identity());
        Member.getEntityManager().flush();
        if (religionChanged) {
            outbox.record(MemberEvents.MEMBER_UPDATED, org(m).code, "member", m.id.toString(),
                    new MemberUpdatedPayload(m.id, org(m).code, cellCode(m.cellId), m.religious));
        }
        return m;
    }

    public Member get(UUID id) {
        Member m = member(id);
        access.requireCell(PartyCell.findById(m.cellId));
        return m;
    }

    public record MemberPage(List<Member> items, long total) {
    }

    /** Up to size + 1 members in list order (the extra one says a next page exists), and the total when asked for. */
    public record MemberSlice(List<Member> rows, Long total) {
    }

    /** The cursor after a member in the list's order (full name, id); the name travels base64url-encoded. */
    public static String cursorOf(Member m) {
        return cursorOf(m.fullName, m.id);
    }

    /** The cursor after the member of this name and id (the list's order: full name, then id). */
    public static String cursorOf(String fullName, UUID id) {
        return vn.binhduong.sct.platform.api.Cursor.after(
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(fullName.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                id);
    }

    /** Offset mode (page/size): the page and an exact count of the filtered list (legacy; the count scans the list). */
    public MemberPage list(String orgCode, String cellCode, MemberStatus status, String name, io.quarkus.panache.common.Page page) {
        Filter f = filter(orgCode, cellCode, status, name);
        PanacheQuery<Member> query = Member.find(f.jpql, Sort.by("fullName").and("id"), f.jpqlParams);
        return new MemberPage(query.page(page).list(), query.count());
    }

    /**
     * Cursor mode (after/size): the members after the cursor in (full name, id) order, read as a range scan of the
     * index on (organisation | cell | organisation and status, full name, id) from the cursor, so page 2,000 costs what
     * page 1 costs. The total is counted only when asked for.
     */
    @SuppressWarnings("unchecked")
    public MemberSlice keyset(String orgCode, String cellCode, MemberStatus status, String name, String after, int size, boolean total) {
        Filter f = filter(orgCode, cellCode, status, name);
        Long count = null;
        if (total) {
            var q = Member.getEntityManager().createNativeQuery("SELECT count(*) FROM member WHERE " + f.sql);
            bind(q, f.sqlParams);
            count = ((Number) q.getSingleResult()).longValue();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM member WHERE ").append(f.sql);
        List<Object> params = new java.util.ArrayList<>(f.sqlParams);
        if (after != null && !after.isEmpty()) {
            vn.binhduong.sct.platform.api.Cursor c = vn.binhduong.sct.platform.api.Cursor.parse(after, 2);
            String afterName;
            try {
                afterName = new String(java.util.Base64.getUrlDecoder().decode(c.string(0)), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("after", "not a cursor returned by this list");
            }
            params.add(afterName);
            params.add(c.uuid(1));
            sql.append(" AND (full_name, id) > (?").append(params.size() - 1).append(", ?").append(params.size()).append(')');
        }
        params.add(size + 1);
        sql.append(" ORDER BY full_name, id LIMIT ?").append(params.size());
        var q = Member.getEntityManager().createNativeQuery(sql.toString(), Member.class);
        bind(q, params);
        return new MemberSlice(q.getResultList(), count);
    }

    private record Filter(String jpql, Parameters jpqlParams, String sql, List<Object> sqlParams) {
    }

    private Filter filter(String orgCode, String cellCode, MemberStatus status, String name) {
        PartyOrganization org = organizations.get(orgCode);
        String own = access.restrictedToCell();
        if (own != null) {
            if (cellCode != null && !cellCode.equals(own)) {
                throw ProblemException.forbidden("a cell secretary lists the members of their own cell (" + own + ") only");
            }
            cellCode = own;
        }
        StringBuilder q = new StringBuilder("organizationId = :org");
        Parameters p = Parameters.with("org", org.id);
        StringBuilder sql = new StringBuilder("organization_id = ?1");
        List<Object> sp = new java.util.ArrayList<>();
        sp.add(org.id);
        if (cellCode != null) {
            UUID cell = organizations.cellOf(org, cellCode).id;
            q.append(" and cellId = :cell");
            p.and("cell", cell);
            sp.add(cell);
            sql.append(" AND cell_id = ?").append(sp.size());
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
            sp.add(status.name());
            sql.append(" AND status = ?").append(sp.size());
        }
        if (name != null && !name.isBlank()) {
            String like = "%" + name.toLowerCase() + "%";
            q.append(" and lower(fullName) like :name");
            p.and("name", like);
            sp.add(like);
            sql.append(" AND lower(full_name) LIKE ?").append(sp.size());
        }
        return new Filter(q.toString(), p, sql.toString(), sp);
    }

    private static void bind(jakarta.persistence.Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
    }

    public Member member(UUID id) {
        return Member.<Member>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("member", id));
    }

    public PartyOrganization org(Member m) {
        return PartyOrganization.findById(m.organizationId);
    }

    public String cellCode(UUID cellId) {
        return cellId == null ? null : PartyCell.<PartyCell>findById(cellId).code;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Member newMember(PartyOrganization org, PartyCell cell, Identity identity, MemberStatus status, LocalDate admission,
            LocalDate confirmation, LocalDate since, boolean temporary) {
        if (!status.onRoll()) {
            throw ProblemException.invalid("status", "a member joins the roll as PROBATIONARY or OFFICIAL, not " + status);
        }
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.organizationId = org.id;
        m.cellId = cell.id;
        apply(m, identity);
        m.status = status;
        m.temporary = temporary;
        m.admissionDate = admission;
        m.confirmationDate = confirmation;
        m.onRollSince = since;
        m.persist();
        return m;
    }

    private static void apply(Member m, Identity i) {
        m.fullName = i.fullName();
        m.gender = i.gender();
        m.ethnicity = i.ethnicity();
        m.religious = i.religious();
        m.dateOfBirth = i.dateOfBirth();
        m.nationalId = i.nationalId();
        m.residence = i.residence();
        m.partyCardNumber = i.partyCardNumber();
        m.departmentPosition = i.departmentPosition();
    }

    /** Confirmation date after admission (by the whole probation), present exactly for official members. */
    private static void checkStatusDates(MemberStatus status, LocalDate admission, LocalDate confirmation, LocalDate since) {
        if (status == MemberStatus.PROBATIONARY && confirmation != null) {
            throw ProblemException.invalid("confirmationDate", "a probationary member has no confirmation date");
        }
        if (status == MemberStatus.OFFICIAL) {
            if (confirmation == null) {
                throw ProblemException.invalid("confirmationDate", "an official member has a confirmation date");
            }
            LocalDate earliest = Member.earliestConfirmation(admission);
            if (confirmation.isBefore(earliest)) {
                throw ProblemException.ruleViolated("probation-not-over", "admitted on " + admission + ", a member can be confirmed from "
                        + earliest + " (12 months of probation), not on " + confirmation, Map.of("admissionDate", admission.toString(),
                                "earliestConfirmation", earliest.toString(), "confirmationDate", confirmation.toString(),
                                "probationMonths", Member.PROBATION_MONTHS));
            }
            if (confirmation.isAfter(since)) {
                throw ProblemException.invalid("confirmationDate", "an official member's confirmation (" + confirmation
                        + ") cannot be after the date they joined this roll (" + since + ")");
            }
        }
    }

    private static void checkTemporaryStay(LocalDate date, LocalDate expectedReturn) {
        if (expectedReturn == null) {
            throw ProblemException.invalid("expectedReturn", "a temporary transfer names its expected end");
        }
        LocalDate min = date.plusMonths(TEMPORARY_MIN_MONTHS);
        LocalDate max = date.plusMonths(TEMPORARY_MAX_MONTHS);
        if (expectedReturn.isBefore(min) || expectedReturn.isAfter(max)) {
            throw ProblemException.ruleViolated("temporary-stay-length", "a temporary transfer is a stay of 3 to 12 months: from "
                    + date + " it ends between " + min + " and " + max + ", not on " + expectedReturn,
                    Map.of("date", date.toString(), "earliestEnd", min.toString(), "latestEnd", max.toString(),
                            "expectedReturn", expectedReturn.toString()));
        }
    }

    private static void notInFuture(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now())) {
            throw ProblemException.invalid(field, date + " is in the future");
        }
    }

    /** History is kept in date order: a change may not be dated before the member's last recorded change. */
    private static void notBeforeLastChange(Member m, LocalDate date) {
        LocalDate last = MemberMovement.find("memberId = ?1 order by effectiveDate desc, id desc", m.id)
                .<MemberMovement>firstResultOptional().map(mv -> mv.effectiveDate).orElse(m.onRollSince);
        if (date.isBefore(last)) {
            throw ProblemException.ruleViolated("before-last-change", "the member's last recorded change is dated " + last
                    + "; a new one cannot be dated " + date, Map.of("lastChange", last.toString(), "date", date.toString()));
        }
    }

    private void record(EventType type, Member m, PartyOrganization org, MovementKind kind, LocalDate date, UUID previousCell,
            MemberStatus previousStatus, TransferKind transferKind, String counterpart, LocalDate expectedReturn, RemovalReason reason,
            UUID candidateId) {
        MemberMovement.of(m, kind, date, previousCell, previousStatus,
                counterpart == null ? reason == null ? null : reason.name() : counterpart).persist();
        Member.getEntityManager().flush();
        outbox.record(type, org.code, "member", m.id.toString(), new MemberChangePayload(m.id, org.code,
                Labelled.map(kind, vn.binhduong.sct.contract.member.MovementKind.class), date, cellCode(m.cellId), Labelled.map(m.status, vn.binhduong.sct.contract.member.MemberStatus.class),
                m.status.onRoll() && !m.temporary, cellCode(previousCell), Labelled.map(previousStatus, vn.binhduong.sct.contract.member.MemberStatus.class),
                m.religious, m.admissionDate, m.confirmationDate, Labelled.map(transferKind, vn.binhduong.sct.contract.member.TransferKind.class), counterpart,
                expectedReturn, Labelled.map(reason, vn.binhduong.sct.contract.member.RemovalReason.class), candidateId));
    }
}
