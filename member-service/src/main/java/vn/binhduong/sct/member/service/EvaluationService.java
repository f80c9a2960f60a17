package vn.binhduong.sct.member.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.api.CellsJson;
import vn.binhduong.sct.member.api.EvaluationApi.AuditView;
import vn.binhduong.sct.member.api.EvaluationApi.CellRatingView;
import vn.binhduong.sct.member.api.EvaluationApi.MemberRatingView;
import vn.binhduong.sct.member.api.EvaluationApi.MemberRatingsRequest;
import vn.binhduong.sct.member.api.EvaluationApi.OpenYearRequest;
import vn.binhduong.sct.member.api.EvaluationApi.YearView;
import vn.binhduong.sct.member.domain.CellRating;
import vn.binhduong.sct.member.domain.EvaluationAudit;
import vn.binhduong.sct.member.domain.EvaluationYear;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.MemberRating;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.domain.Rating;
import vn.binhduong.sct.member.domain.RuleSet;
import vn.binhduong.sct.member.events.MemberEvents;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.member.MemberPayloads.CellRatedPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.CellResult;
import vn.binhduong.sct.contract.member.MemberPayloads.MemberRatedPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.OrganizationRatedPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.YearFinalizedPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.YearOpenedPayload;
import vn.binhduong.sct.contract.member.MemberPayloads.YearReopenedPayload;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * Annual evaluations (DESIGN.md §9): members rated by their cells, cells rated, the organisation's self-rating;
 * finalising enforces the rule set's quota and locks the year; reopening is audited with a reason.
 */
@ApplicationScoped
public class EvaluationService {
    private final Outbox outbox;
    private final OrganizationService organizations;
    private final Roster roster;
    private final Access access;
    private final EntityManager em;
    private final EvaluationTally tally;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;

    public EvaluationService(Outbox outbox, OrganizationService organizations, Roster roster, Access access, EntityManager em,
            EvaluationTally tally, com.fasterxml.jackson.databind.ObjectMapper mapper,
            jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.em = em;
        this.tally = tally;
        this.outbox = outbox;
        this.organizations = organizations;
        this.roster = roster;
        this.access = access;
    }

    @Transactional
    public EvaluationYear open(String orgCode, OpenYearRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        if (EvaluationYear.count("organizationId = ?1 and year = ?2", org.id, r.year()) > 0) {
            throw ProblemException.conflict("duplicate", "the evaluation of " + r.year() + " for " + org.code + " is already open");
        }
        LocalDate date = r.evaluationDate() == null ? LocalDate.of(r.year(), 12, 31) : r.evaluationDate();
        if (date.getYear() != r.year() && !(date.getYear() == r.year() + 1 && date.getMonthValue() <= 3)) {
            throw ProblemException.invalid("evaluationDate", "the evaluation of " + r.year() + " is held late in that year or early in the"
                    + " next, not on " + date);
        }
        EvaluationYear y = new EvaluationYear();
        y.id = UUID.randomUUID();
        y.organizationId = org.id;
        y.year = r.year();
        y.ruleSet = RuleSet.forYear(r.year());
        y.evaluationDate = date;
        y.status = EvaluationYear.Status.OPEN;
        y.persist();
        // the year's figures at its evaluation date, counted once now and then kept up to date by every command
        tally.initialise(y.id);
        outbox.record(MemberEvents.YEAR_OPENED, org.code, "evaluation-year", y.id.toString(),
                new YearOpenedPayload(org.code, y.year, Labelled.map(y.ruleSet, vn.binhduong.sct.contract.member.RuleSet.class), y.evaluationDate));
        return y;
    }

    @Transactional
    public List<MemberRatingView> rateMembers(String orgCode, int year, MemberRatingsRequest r) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        y.requireOpen();
        Set<UUID> seen = new HashSet<>();
        List<MemberRatingView> out = new ArrayList<>();
        for (MemberRatingsRequest.Entry e : r.ratings()) {
            if (!seen.add(e.memberId())) {
                throw ProblemException.invalid("ratings", "member " + e.memberId() + " appears twice");
            }
            // locks the member: a concurrent lifecycle command on them is counted before or after this rating, not beside it
            EvaluationTally.Standing standing = tally.before(e.memberId());
            Roster.Entry at = roster.of(org.id, e.memberId(), y.evaluationDate);
            if (at == null || !at.onOfficialRoll()) {
                throw ProblemException.ruleViolated("not-a-member-that-year", "member " + e.memberId() + " is not on the roll of " + org.code
                        + " on the evaluation date " + y.evaluationDate, Map.of("member", e.memberId().toString(),
                                "evaluationDate", y.evaluationDate.toString(), "organization", org.code));
            }
            Member m = Member.findById(e.memberId());
            PartyCell cell = PartyCell.findById(at.cellId());
            access.requireCell(cell);
            requireEligible(m, y);
            y.ruleSet.checkScore(e.rating(), e.score());
            MemberRating mr = MemberRating.<MemberRating>find("yearId = ?1 and memberId = ?2", y.id, m.id).firstResultOptional().orElse(null);
            Rating previous = mr == null ? null : mr.rating;
            if (mr == null) {
                mr = new MemberRating();
                mr.id = UUID.randomUUID();
                mr.yearId = y.id;
                mr.memberId = m.id;
            }
            mr.cellId = cell.id;
            mr.rating = e.rating();
            mr.score = e.score();
            mr.note = e.note();
            mr.persist();
            tally.after(standing);
            outbox.record(MemberEvents.MEMBER_RATED, org.code, "member", m.id.toString(), new MemberRatedPayload(org.code, year, m.id,
                    cell.code, Labelled.map(e.rating(), vn.binhduong.sct.contract.member.Rating.class), e.score(), Labelled.map(previous, vn.binhduong.sct.contract.member.Rating.class)));
            out.add(new MemberRatingView(m.id, cell.code, mr.rating, mr.score, mr.note, mr.version));
        }
        return out;
    }

    /** Members admitted less than 6 months before the evaluation, and suspended members, are not rated. */
    private static void requireEligible(Member m, EvaluationYear y) {
        LocalDate admittedBy = y.evaluationDate.minusMonths(EvaluationYear.MIN_MONTHS_SINCE_ADMISSION);
        if (m.admissionDate.isAfter(admittedBy)) {
            throw ProblemException.ruleViolated("member-not-rated", "member " + m.id + " was admitted on " + m.admissionDate
                    + ", less than 6 months before the evaluation on " + y.evaluationDate + ", and is not rated this year",
                    Map.of("admissionDate", m.admissionDate.toString(), "evaluationDate", y.evaluationDate.toString(),
                            "admittedNoLaterThan", admittedBy.toString()));
        }
        if (m.suspendedOn(y.evaluationDate)) {
            throw ProblemException.ruleViolated("member-not-rated", "member " + m.id + " is suspended on the evaluation date "
                    + y.evaluationDate + " and is not rated this year", Map.of("suspendedFrom", m.suspendedFrom.toString(),
                            "evaluationDate", y.evaluationDate.toString()));
        }
    }

    @Transactional
    public CellRatingView rateCell(String orgCode, int year, String cellCode, Rating rating) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        y.requireOpen();
        PartyCell cell = organizations.cellOf(org, cellCode);
        CellRating cr = CellRating.<CellRating>find("yearId = ?1 and cellId = ?2", y.id, cell.id).firstResultOptional().orElse(null);
        if (cr == null) {
            cr = new CellRating();
            cr.id = UUID.randomUUID();
            cr.yearId = y.id;
            cr.cellId = cell.id;
        }
        cr.rating = rating;
        cr.persist();
        tally.cellsChanged(y.id);
        outbox.record(MemberEvents.CELL_RATED, org.code, "party-cell", cell.id.toString(),
                new CellRatedPayload(org.code, year, cell.code, cell.name, Labelled.map(rating, vn.binhduong.sct.contract.member.Rating.class)));
        return new CellRatingView(cell.code, cell.name, rating);
    }

    @Transactional
    public EvaluationYear rateOrganization(String orgCode, int year, Rating rating) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        y.requireOpen();
        y.organizationRating = rating;
        outbox.record(MemberEvents.ORGANIZATION_SELF_RATED, org.code, "evaluation-year", y.id.toString(),
                new OrganizationRatedPayload(org.code, year, Labelled.map(rating, vn.binhduong.sct.contract.member.Rating.class)));
        return y;
    }

    @Transactional
    public YearView finalizeYear(String orgCode, int year) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        y.requireOpen();
        Counts c = counts(org, y);
        if (c.rated < c.eligible) {
            throw ProblemException.ruleViolated("members-not-rated", (c.eligible - c.rated) + " of " + c.eligible
                    + " members to be rated have no rating for " + year, Map.of("eligibleMembers", c.eligible, "ratedMembers", c.rated,
                            "unratedMembers", c.eligible - c.rated));
        }
        int excellent = c.byRating.get(Rating.EXCELLENT.name());
        int max = y.ruleSet.maxExcellent(c.goodOrBetter);
        if (excellent > max) {
            throw ProblemException.ruleViolated("excellent-quota-exceeded", excellent + " of " + c.goodOrBetter
                    + " members rated good or better are rated excellent; rule set " + y.ruleSet + " allows at most "
                    + RuleSet.EXCELLENT_PERCENT + "% of them (" + max + ")", Map.of("excellent", excellent, "goodOrBetter", c.goodOrBetter,
                            "maxExcellent", max, "quotaPercent", RuleSet.EXCELLENT_PERCENT, "ruleSet", y.ruleSet.name(), "year", year));
        }
        y.status = EvaluationYear.Status.FINALIZED;
        y.finalizedAt = OffsetDateTime.now();
        // the year is locked from now on: keep the roll counted now, its statistics are served from it until a reopening
        y.finalMembersOnRoll = c.onRoll;
        y.finalAdmittedRecently = c.admittedRecently;
        y.finalSuspended = c.suspended;
        y.finalRatedExcellent = c.byRating.get(Rating.EXCELLENT.name());
        y.finalRatedGood = c.byRating.get(Rating.GOOD.name());
        y.finalRatedCompleted = c.byRating.get(Rating.COMPLETED.name());
        y.finalRatedNotCompleted = c.byRating.get(Rating.NOT_COMPLETED.name());
        audit(y, "FINALIZED", null);
        List<CellResult> cells = c.cells.stream().map(v -> new CellResult(v.cellCode(), v.cellName(),
                Labelled.map(v.rating(), vn.binhduong.sct.contract.member.Rating.class))).toList();
        outbox.record(MemberEvents.YEAR_FINALIZED, org.code, "evaluation-year", y.id.toString(), new YearFinalizedPayload(org.code,
                year, Labelled.map(y.ruleSet, vn.binhduong.sct.contract.member.RuleSet.class), y.evaluationDate, c.onRoll, c.eligible, c.rated, c.admittedRecently, c.suspended,
                wire(c.byRating), c.goodOrBetter, max, c.cells.size(), wire(c.cellsByRating), cells,
                Labelled.map(y.organizationRating, vn.binhduong.sct.contract.member.Rating.class), access.actor()));
        return view(org, y);
    }

    @Transactional
    public YearView reopen(String orgCode, int year, String reason) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        if (y.status != EvaluationYear.Status.FINALIZED) {
            throw ProblemException.conflict("evaluation-year-open", "the evaluation of " + year + " is not finalised");
        }
        y.status = EvaluationYear.Status.OPEN;
        y.finalizedAt = null;
        // open again: the roll is counted live until the next finalisation stores it anew
        y.finalMembersOnRoll = null;
        y.finalAdmittedRecently = null;
        y.finalSuspended = null;
        y.finalRatedExcellent = null;
        y.finalRatedGood = null;
        y.finalRatedCompleted = null;
        y.finalRatedNotCompleted = null;
        audit(y, "REOPENED", reason);
        outbox.record(MemberEvents.YEAR_REOPENED, org.code, "evaluation-year", y.id.toString(),
                new YearReopenedPayload(org.code, year, reason, access.actor()));
        return view(org, y);
    }

    private void audit(EvaluationYear y, String action, String reason) {
        EvaluationAudit a = new EvaluationAudit();
        a.yearId = y.id;
        a.action = action;
        a.actor = access.actor();
        a.reason = reason;
        a.at = OffsetDateTime.now();
        a.persist();
    }

    public YearView view(String orgCode, int year) {
        PartyOrganization org = organizations.get(orgCode);
        return view(org, year(org, year));
    }

    public List<MemberRatingView> memberRatings(String orgCode, int year, String cellCode, Rating rating) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        String own = access.restrictedToCell();
        if (own != null) {
            cellCode = own;
        }
        Map<UUID, String> codes = cellCodes(org);
        UUID cellId = cellCode == null ? null : organizations.cellOf(org, cellCode).id;
        return MemberRating.<MemberRating>list("yearId", Sort.by("cellId").and("memberId"), y.id).stream()
                .filter(mr -> cellId == null || mr.cellId.equals(cellId))
                .filter(mr -> rating == null || mr.rating == rating)
                .map(mr -> new MemberRatingView(mr.memberId, codes.get(mr.cellId), mr.rating, mr.score, mr.note, mr.version)).toList();
    }

    /**
     * A year's member ratings by cursor, in (cell id, member id) order: a range scan of member_rating_year_cell_member
     * (or member_rating_year_rating_cell_member with a rating) from the cursor, however deep; the total only when asked.
     */
    @SuppressWarnings("unchecked")
    public vn.binhduong.sct.platform.api.KeysetPage<MemberRatingView> memberRatingsPage(String orgCode, int year, String cellCode,
            Rating rating, String after, int size, boolean total) {
        PartyOrganization org = organizations.get(orgCode);
        EvaluationYear y = year(org, year);
        String own = access.restrictedToCell();
        if (own != null) {
            cellCode = own;
        }
        StringBuilder where = new StringBuilder(" WHERE r.year_id = ?1");
        List<Object> params = new java.util.ArrayList<>();
        params.add(y.id);
        if (cellCode != null) {
            params.add(organizations.cellOf(org, cellCode).id);
            where.append(" AND r.cell_id = ?").append(params.size());
        }
        if (rating != null) {
            params.add(rating.name());
            where.append(" AND r.rating = ?").append(params.size());
        }
        var em = MemberRating.getEntityManager();
        Long count = null;
        if (total) {
            var q = em.createNativeQuery("SELECT count(*) FROM member_rating r" + where);
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            count = ((Number) q.getSingleResult()).longValue();
        }
        if (after != null && !after.isEmpty()) {
            var c = vn.binhduong.sct.platform.api.Cursor.parse(after, 2);
            params.add(c.uuid(0));
            params.add(c.uuid(1));
            where.append(" AND (r.cell_id, r.member_id) > (?").append(params.size() - 1).append(", ?").append(params.size()).append(')');
        }
        params.add(size + 1);
        var q = em.createNativeQuery(memberRatingsPageSql(where.toString(), params.size()));
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        List<Object[]> rows = q.getResultList();
        List<Object[]> shown = rows.size() > size ? rows.subList(0, size) : rows;
        List<MemberRatingView> items = shown.stream().map(r -> new MemberRatingView((UUID) r[0], (String) r[1], Rating.valueOf((String) r[2]),
                r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4], ((Number) r[5]).intValue())).toList();
        String next = rows.size() > size
                ? vn.binhduong.sct.platform.api.Cursor.after(shown.get(shown.size() - 1)[6], shown.get(shown.size() - 1)[0])
                : null;
        return new vn.binhduong.sct.platform.api.KeysetPage<>(items, size, next, count);
    }

    /**
     * A page of a year's member ratings: the range scan of member_rating_year_cell_member (or, with ?rating=,
     * member_rating_year_rating_cell_member) from the cursor, LIMIT first, and only then each row's cell code by its
     * primary key. Joining party_cell before the LIMIT let PostgreSQL merge-join the page with party_cell's primary key
     * read from its first cell up to the cursor's (issue 16: 4,680 cells read for a page near the end of 5,000 cells,
     * 10 ms instead of well under one), so deep pages cost more than the first.
     */
    public static String memberRatingsPageSql(String where, int limitParam) {
        return "SELECT p.member_id, (SELECT c.code FROM party_cell c WHERE c.id = p.cell_id), p.rating, p.score, p.note, p.version,"
                + " p.cell_id FROM (SELECT r.member_id, r.rating, r.score, r.note, r.version, r.cell_id FROM member_rating r" + where
                + " ORDER BY r.cell_id, r.member_id LIMIT ?" + limitParam + ") p ORDER BY p.cell_id, p.member_id";
    }

    private YearView view(PartyOrganization org, EvaluationYear y) {
        Counts c = counts(org, y);
        List<AuditView> audit = EvaluationAudit.<EvaluationAudit>list("yearId", Sort.by("id"), y.id).stream()
                .map(a -> new AuditView(a.action, a.actor, a.reason, a.at)).toList();
        return new YearView(org.code, y.year, y.ruleSet, y.evaluationDate, y.status, c.onRoll, c.eligible, c.rated,
                c.admittedRecently, c.suspended, c.byRating, c.goodOrBetter, y.ruleSet.maxExcellent(c.goodOrBetter), c.cellsByRating,
                c.cellsJson, y.organizationRating, y.finalizedAt, audit, y.version);
    }

    public EvaluationYear year(PartyOrganization org, int year) {
        return EvaluationYear.<EvaluationYear>find("organizationId = ?1 and year = ?2", org.id, year).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("evaluation-year", org.code + "/" + year));
    }

    private static Map<UUID, String> cellCodes(PartyOrganization org) {
        Map<UUID, String> codes = new HashMap<>();
        PartyCell.<PartyCell>list("organizationId", org.id).forEach(c -> codes.put(c.id, c.code));
        return codes;
    }

    private record Counts(int onRoll, int eligible, int rated, int admittedRecently, int suspended, Map<String, Integer> byRating,
            int goodOrBetter, Map<String, Integer> cellsByRating, List<CellRatingView> cells, CellsJson cellsJson) {
    }

    /**
     * The figures of a year, aggregated in the database (no query binds one parameter per member): the official roll
     * at the evaluation date, of which those admitted less than 6 months before it and (of the others) those
     * suspended on it are not to be rated; the year's ratings by level; the cells of the organisation with their rating.
     */
    @SuppressWarnings("unchecked")
    private Counts counts(PartyOrganization org, EvaluationYear y) {
        if (y.status == EvaluationYear.Status.FINALIZED && y.finalMembersOnRoll != null && y.finalRatedExcellent != null) {
            // counted at finalisation (the year is locked): no roll rebuilt from every movement of the organisation
            Map<String, Integer> byRating = zero();
            byRating.put(Rating.EXCELLENT.name(), y.finalRatedExcellent);
            byRating.put(Rating.GOOD.name(), y.finalRatedGood);
            byRating.put(Rating.COMPLETED.name(), y.finalRatedCompleted);
            byRating.put(Rating.NOT_COMPLETED.name(), y.finalRatedNotCompleted);
            return counts(org, y, y.finalMembersOnRoll, y.finalAdmittedRecently, y.finalSuspended, byRating);
        }
        // kept up to date by every command (EvaluationTally): one row, whatever the size of the roll
        EvaluationTally.Figures f = tally.of(y.id);
        return counts(org, y, f.onRoll(), f.admittedRecently(), f.suspended(), f.byRating());
    }

    /** The figures of a year counted from scratch from the registry, for checking the maintained ones. */
    public EvaluationTally.Figures recount(String orgCode, int year) {
        return tally.recount(year(organizations.get(orgCode), year).id);
    }

    private Counts counts(PartyOrganization org, EvaluationYear y, int onRoll, int recent, int suspended, Map<String, Integer> byRating) {
        int rated = byRating.values().stream().mapToInt(Integer::intValue).sum();
        int goodOrBetter = byRating.get(Rating.EXCELLENT.name()) + byRating.get(Rating.GOOD.name());
        CellList cells = cells(org, y);
        return new Counts(onRoll, onRoll - recent - suspended, rated, recent, suspended, byRating, goodOrBetter, cells.byRating(),
                cells.cells(), cells.json());
    }

    /** A year's cells with their ratings, as served: the list, the count by rating, the list serialised. */
    private record CellList(long stamp, List<CellRatingView> cells, Map<String, Integer> byRating, CellsJson json) {
    }

    /** Per evaluation year, the cell list read with the stamp it had then; served again while the stamp is unchanged. */
    private final Map<UUID, CellList> cellLists = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CELL_LISTS_KEPT = 64;

    /**
     * The year's cells with their ratings. Read from the database with the year's cells stamp (changed by every cell
     * rating of the year and every cell registered in the organisation, EvaluationTally), and kept until the stamp
     * changes: the stamp is read first, so a list kept under a stamp is never older than that stamp.
     */
    @SuppressWarnings("unchecked")
    private CellList cells(PartyOrganization org, EvaluationYear y) {
        Long stamp = tally.cellsStamp(y.id);
        CellList kept = stamp == null ? null : cellLists.get(y.id);
        if (kept != null && kept.stamp() == stamp) {
            return kept;
        }
        Map<String, Integer> cellsByRating = zero();
        List<CellRatingView> cells = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT c.code, c.name, cr.rating FROM party_cell c
                  LEFT JOIN cell_rating cr ON cr.cell_id = c.id AND cr.year_id = ?2
                 WHERE c.organization_id = ?1 ORDER BY c.code""").setParameter(1, org.id).setParameter(2, y.id).getResultList()) {
            Rating rating = r[2] == null ? null : Rating.valueOf((String) r[2]);
            if (rating != null) {
                cellsByRating.merge(rating.name(), 1, Integer::sum);
            }
            cells.add(new CellRatingView((String) r[0], (String) r[1], rating));
        }
        CellsJson json;
        try {
            json = new CellsJson(json(cells));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the cells of " + org.code + "/" + y.year, e);
        }
        CellList read = new CellList(stamp == null ? -1 : stamp, List.copyOf(cells), java.util.Collections.unmodifiableMap(cellsByRating), json);
        // kept only when read outside a transaction: a list read by a transaction that changed it and then rolls back
        // would otherwise be kept under a stamp that another change commits later
        if (stamp != null && transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
            if (cellLists.size() >= CELL_LISTS_KEPT && !cellLists.containsKey(y.id)) {
                cellLists.clear();
            }
            cellLists.put(y.id, read);
        }
        return read;
    }

    private String json(List<CellRatingView> cells) throws com.fasterxml.jackson.core.JsonProcessingException {
        return mapper.writeValueAsString(cells);
    }

    /** The counts by rating as the contract's ratings, in the same order (the keys on the wire are the same names). */
    private static Map<vn.binhduong.sct.contract.member.Rating, Integer> wire(Map<String, Integer> byRating) {
        Map<vn.binhduong.sct.contract.member.Rating, Integer> out = new LinkedHashMap<>();
        byRating.forEach((k, v) -> out.put(vn.binhduong.sct.contract.member.Rating.valueOf(k), v));
        return out;
    }

    static Map<String, Integer> zero() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Rating r : Rating.values()) {
            m.put(r.name(), 0);
        }
        return m;
    }
}
