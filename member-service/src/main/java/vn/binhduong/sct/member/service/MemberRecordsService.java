package vn.binhduong.sct.member.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.api.MemberApi.CandidateRequest;
import vn.binhduong.sct.member.api.MemberApi.ResidenceFeedbackRequest;
import vn.binhduong.sct.member.api.MemberApi.ResidenceFeedbackSummary;
import vn.binhduong.sct.member.api.MemberApi.TrainingRequest;
import vn.binhduong.sct.member.domain.Candidate;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.domain.ResidenceFeedback;
import vn.binhduong.sct.member.domain.Training;
import vn.binhduong.sct.member.domain.TrainingProgramme;
import vn.binhduong.sct.member.events.MemberEvents;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.member.MemberPayloads.CandidatePayload;
import vn.binhduong.sct.contract.member.MemberPayloads.ResidenceFeedbackPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.TrainingPayload;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/** Training, awareness-class candidates and residence-liaison feedback. */
@ApplicationScoped
public class MemberRecordsService {
    private final Outbox outbox;
    private final OrganizationService organizations;
    private final MemberService members;
    private final Access access;

    public MemberRecordsService(Outbox outbox, OrganizationService organizations, MemberService members, Access access) {
        this.outbox = outbox;
        this.organizations = organizations;
        this.members = members;
        this.access = access;
    }

    @Transactional
    public Training recordTraining(String orgCode, TrainingRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        Member m = memberOf(org, r.memberId());
        m.requireOnRoll();
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            throw ProblemException.invalid("endDate", "the training ends (" + r.endDate() + ") before it starts (" + r.startDate() + ")");
        }
        if (Training.count("memberId = ?1 and programme = ?2 and year = ?3", m.id, r.programme(), r.year()) > 0) {
            throw ProblemException.conflict("duplicate", "member " + m.id + " is already recorded for " + r.programme() + " in " + r.year());
        }
        Training t = new Training();
        t.id = UUID.randomUUID();
        t.organizationId = org.id;
        t.memberId = m.id;
        t.programme = r.programme();
        t.year = r.year();
        t.startDate = r.startDate();
        t.endDate = r.endDate();
        t.institution = r.institution();
        t.status = r.status() == null ? Training.Status.SENT : r.status();
        t.persist();
        outbox.record(MemberEvents.TRAINING_RECORDED, org.code, "member", m.id.toString(), new TrainingPayload(t.id, m.id, org.code,
                members.cellCode(m.cellId), Labelled.map(t.programme, vn.binhduong.sct.contract.member.TrainingProgramme.class), t.year, t.startDate, t.endDate,
                Labelled.map(t.status, vn.binhduong.sct.contract.member.TrainingStatus.class)));
        return t;
    }

    /** Offset mode: the page and the count; cursor mode ({@code after} not null): up to size + 1 rows, the count when asked. */
    public record TrainingPage(List<Training> items, Long total) {
    }

    public static String cursorOfTraining(Training t) {
        return vn.binhduong.sct.platform.api.Cursor.after(t.year, t.programme.name(), t.id);
    }

    public TrainingPage trainings(String orgCode, Integer year, TrainingProgramme programme, Page page, String after, boolean total) {
        PartyOrganization org = organizations.get(orgCode);
        StringBuilder q = new StringBuilder("organizationId = :org");
        Parameters p = Parameters.with("org", org.id);
        if (year != null) {
            q.append(" and year = :year");
            p.and("year", year);
        }
        if (programme != null) {
            q.append(" and programme = :programme");
            p.and("programme", programme);
        }
        String own = access.restrictedToCell();
        if (own != null) {
            // a cell secretary sees the trainings of their own cell's members only
            q.append(" and memberId in (select m.id from Member m where m.cellId = :cell)");
            p.and("cell", ownCell(org, own).id);
        }
        if (after == null) {
            var query = Training.<Training>find(q.toString(), Sort.by("year").and("programme").and("id"), p);
            return new TrainingPage(query.page(page).list(), query.count());
        }
        Long count = total ? Training.count(q.toString(), p) : null;
        if (!after.isEmpty()) {
            var c = vn.binhduong.sct.platform.api.Cursor.parse(after, 3);
            TrainingProgramme afterProgramme;
            try {
                afterProgramme = TrainingProgramme.valueOf(c.string(1));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("after", "not a cursor returned by this list");
            }
            // (year, programme, id) > cursor, along training_org_year_programme
            q.append(" and (year > :ay or (year = :ay and (programme > :ap or (programme = :ap and id > :aid))))");
            p.and("ay", (int) c.longValue(0)).and("ap", afterProgramme).and("aid", c.uuid(2));
        }
        return new TrainingPage(Training.<Training>find(q.toString(), Sort.by("year").and("programme").and("id"), p)
                .page(Page.ofSize(page.size + 1)).list(), count);
    }

    @Transactional
    public Candidate registerCandidate(String orgCode, CandidateRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        PartyCell cell = organizations.cellOf(org, r.cellCode());
        access.requireCell(cell);
        Candidate c = new Candidate();
        c.id = UUID.randomUUID();
        c.organizationId = org.id;
        c.cellId = cell.id;
        c.fullName = r.fullName();
        c.awarenessClassDate = r.awarenessClassDate();
        c.status = Candidate.Status.IN_AWARENESS_CLASS;
        c.persist();
        outbox.record(MemberEvents.CANDIDATE_REGISTERED, org.code, "candidate", c.id.toString(), new CandidatePayload(c.id, org.code,
                cell.code, c.awarenessClassDate, c.awarenessClassDate.getYear(), Labelled.map(c.status, vn.binhduong.sct.contract.member.CandidateStatus.class), null));
        return c;
    }

    /** Offset mode: the page and the count; cursor mode ({@code after} not null): up to size + 1 rows, the count when asked. */
    public record CandidatePage(List<Candidate> items, Long total) {
    }

    public static String cursorOfCandidate(Candidate c) {
        return vn.binhduong.sct.platform.api.Cursor.after(c.awarenessClassDate, c.id);
    }

    public CandidatePage candidates(String orgCode, Integer year, Candidate.Status status, Page page, String after, boolean total) {
        PartyOrganization org = organizations.get(orgCode);
        StringBuilder q = new StringBuilder("organizationId = :org");
        Parameters p = Parameters.with("org", org.id);
        if (year != null) {
            q.append(" and year(awarenessClassDate) = :year");
            p.and("year", year);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        String own = access.restrictedToCell();
        if (own != null) {
            // a cell secretary sees the candidates their own cell proposed only
            q.append(" and cellId = :cell");
            p.and("cell", ownCell(org, own).id);
        }
        if (after == null) {
            var query = Candidate.<Candidate>find(q.toString(), Sort.by("awarenessClassDate").and("id"), p);
            return new CandidatePage(query.page(page).list(), query.count());
        }
        Long count = total ? Candidate.count(q.toString(), p) : null;
        if (!after.isEmpty()) {
            var c = vn.binhduong.sct.platform.api.Cursor.parse(after, 2);
            // (awareness-class date, id) > cursor, along candidate_org_date
            q.append(" and (awarenessClassDate > :ad or (awarenessClassDate = :ad and id > :aid))");
            p.and("ad", c.date(0)).and("aid", c.uuid(1));
        }
        return new CandidatePage(Candidate.<Candidate>find(q.toString(), Sort.by("awarenessClassDate").and("id"), p)
                .page(Page.ofSize(page.size + 1)).list(), count);
    }

    @Transactional
    public ResidenceFeedbackSummary recordResidenceFeedback(String orgCode, ResidenceFeedbackRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        for (ResidenceFeedbackRequest.Entry e : r.entries()) {
            Member m = memberOf(org, e.memberId());
            access.requireCell(PartyCell.findById(m.cellId));
            ResidenceFeedback f = ResidenceFeedback.<ResidenceFeedback>find("memberId = ?1 and year = ?2", m.id, r.year())
                    .firstResultOptional().orElse(null);
            if (f == null) {
                f = new ResidenceFeedback();
                f.id = UUID.randomUUID();
                f.memberId = m.id;
                f.year = r.year();
            }
            f.assessment = e.assessment();
            f.remark = e.remark();
            f.localCommittee = e.localCommittee();
            f.persist();
            outbox.record(MemberEvents.RESIDENCE_FEEDBACK_RECORDED, org.code, "member", m.id.toString(),
                    new ResidenceFeedbackPayload(m.id, org.code, members.cellCode(m.cellId), r.year(),
                            Labelled.map(e.assessment(), vn.binhduong.sct.contract.member.ResidenceAssessment.class)));
        }
        return residenceSummary(org, r.year());
    }

    public ResidenceFeedbackSummary residenceSummary(String orgCode, int year) {
        return residenceSummary(organizations.get(orgCode), year);
    }

    private ResidenceFeedbackSummary residenceSummary(PartyOrganization org, int year) {
        List<Object[]> rows = ResidenceFeedback.getEntityManager().createQuery("""
                select f.assessment, count(f) from ResidenceFeedback f, Member m
                 where m.id = f.memberId and m.organizationId = :org and f.year = :year group by f.assessment""", Object[].class)
                .setParameter("org", org.id).setParameter("year", year).getResultList();
        int good = 0;
        int notGood = 0;
        for (Object[] row : rows) {
            int n = ((Number) row[1]).intValue();
            if (row[0] == ResidenceFeedback.Assessment.GOOD) {
                good = n;
            } else {
                notGood = n;
            }
        }
        return new ResidenceFeedbackSummary(year, good + notGood, good, notGood);
    }

    /** A cell secretary's own cell, in this organisation; a secretary of another organisation's cell reads nothing of it. */
    private static PartyCell ownCell(PartyOrganization org, String own) {
        return PartyCell.byCode(own).filter(c -> c.organizationId.equals(org.id)).orElseThrow(() -> ProblemException.forbidden(
                "a cell secretary reads the records of their own cell (" + own + ") only, not of organisation " + org.code));
    }

    private Member memberOf(PartyOrganization org, UUID memberId) {
        Member m = Member.<Member>findByIdOptional(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        if (!m.organizationId.equals(org.id)) {
            throw ProblemException.ruleViolated("member-of-other-organization", "member " + memberId + " is not a member of " + org.code,
                    Map.of("member", memberId.toString(), "organization", org.code));
        }
        return m;
    }

    Member memberOfOrganization(PartyOrganization org, UUID memberId) {
        return memberOf(org, memberId);
    }
}
