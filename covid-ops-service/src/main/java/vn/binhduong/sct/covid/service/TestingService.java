package vn.binhduong.sct.covid.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.covid.api.TestingResource.CampaignRequest;
import vn.binhduong.sct.covid.api.TestingResource.CampaignView;
import vn.binhduong.sct.covid.api.TestingResource.ReportedTotalRequest;
import vn.binhduong.sct.covid.api.TestingResource.ReportedTotalView;
import vn.binhduong.sct.covid.api.TestingResource.SessionRequest;
import vn.binhduong.sct.covid.api.TestingResource.SessionView;
import vn.binhduong.sct.covid.api.TestingResource.TestingStatistics;
import vn.binhduong.sct.covid.domain.Establishment;
import vn.binhduong.sct.covid.domain.Rules;
import vn.binhduong.sct.covid.domain.TestSession;
import vn.binhduong.sct.covid.domain.TestingCampaign;
import vn.binhduong.sct.covid.domain.TestingReportedTotal;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class TestingService {
    private final Outbox outbox;
    private final EntityManager em;
    private final EstablishmentService establishments;

    public TestingService(Outbox outbox, EntityManager em, EstablishmentService establishments) {
        this.outbox = outbox;
        this.em = em;
        this.establishments = establishments;
    }

    @Transactional
    public CampaignView createCampaign(CampaignRequest r) {
        if (TestingCampaign.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "testing campaign " + r.code() + " already exists");
        }
        TestingCampaign c = new TestingCampaign();
        c.id = UUID.randomUUID();
        c.code = r.code();
        c.name = r.name();
        c.planReference = r.planReference();
        c.startDate = r.startDate();
        c.intervalDays = r.intervalDays();
        c.persist();
        outbox.record(CovidEvents.TESTING_CAMPAIGN_CREATED, CovidEvents.ORGANIZATION, "testing-campaign", c.id.toString(),
                new CovidEvents.TestingCampaignCreated(c.code, c.name, c.planReference, c.startDate, c.intervalDays));
        return view(c);
    }

    public TestingCampaign campaign(String code) {
        return TestingCampaign.<TestingCampaign>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("testing campaign", code));
    }

    public CampaignView campaignView(String code) {
        return view(campaign(code));
    }

    public PageResult<CampaignView> campaigns(PageParams page) {
        var q = TestingCampaign.<TestingCampaign>findAll(Sort.by("startDate").and("code"));
        return PageResult.of(q.page(page.toPage()).list().stream().map(TestingService::view).toList(), page, q.count());
    }

    @Transactional
    public SessionView record(SessionRequest r) {
        TestingCampaign c = campaign(r.campaignCode());
        Establishment e = establishments.get(r.establishmentCode());
        Rules.requireAtMost("positives", r.positives(), "testsPerformed", r.testsPerformed());
        Rules.requireNotFuture("date", r.date());
        if (TestSession.count("campaignId = ?1 and establishmentId = ?2 and sessionDate = ?3", c.id, e.id, r.date()) > 0) {
            throw ProblemException.conflict("duplicate-session", "a session of " + e.code + " on " + r.date()
                    + " under " + c.code + " is already recorded", Map.of("campaignCode", c.code,
                            "establishmentCode", e.code, "date", r.date().toString()));
        }
        TestSession s = new TestSession();
        s.id = UUID.randomUUID();
        s.campaignId = c.id;
        s.establishmentId = e.id;
        s.sessionDate = r.date();
        s.testsPerformed = r.testsPerformed();
        s.positives = r.positives();
        s.selfTesting = r.selfTesting();
        s.persist();
        outbox.record(CovidEvents.TEST_SESSION_RECORDED, CovidEvents.ORGANIZATION, "test-session", s.id.toString(),
                new CovidEvents.TestSessionRecorded(s.id.toString(), c.code, e.code, e.type.name(), s.sessionDate,
                        s.testsPerformed, s.positives, s.selfTesting));
        return new SessionView(s.id, c.code, e.code, s.sessionDate, s.testsPerformed, s.positives, s.selfTesting, null);
    }

    public PageResult<SessionView> sessions(PageParams page, String campaign, String establishment, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Parameters p = new Parameters();
        if (campaign != null) {
            where.append(" AND c.code = :campaign");
            p.and("campaign", campaign);
        }
        if (establishment != null) {
            where.append(" AND e.code = :establishment");
            p.and("establishment", establishment);
        }
        if (from != null) {
            where.append(" AND s.sessionDate >= :from");
            p.and("from", from);
        }
        if (to != null) {
            where.append(" AND s.sessionDate <= :to");
            p.and("to", to);
        }
        String from0 = " FROM TestSession s, TestingCampaign c, Establishment e WHERE s.campaignId = c.id AND s.establishmentId = e.id";
        String w = where.toString().replace(" WHERE 1 = 1", "");
        var list = em.createQuery("SELECT s, c.code, e.code" + from0 + w + " ORDER BY s.sessionDate, e.code", Object[].class);
        var count = em.createQuery("SELECT count(s)" + from0 + w, Long.class);
        p.map().forEach((k, v) -> {
            list.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<SessionView> items = list.setFirstResult(page.offset()).setMaxResults(page.size).getResultList().stream()
                .map(row -> {
                    TestSession s = (TestSession) row[0];
                    return new SessionView(s.id, (String) row[1], (String) row[2], s.sessionDate, s.testsPerformed,
                            s.positives, s.selfTesting, s.uploadJobId);
                }).toList();
        return PageResult.of(items, page, count.getSingleResult());
    }

    @Transactional
    public ReportedTotalView report(ReportedTotalRequest r) {
        TestingCampaign c = r.campaignCode() == null ? null : campaign(r.campaignCode());
        Rules.requireAtMost("positives", r.positives(), "testsPerformed", r.testsPerformed());
        Rules.requireNotFuture("asOf", r.asOf());
        UUID campaignId = c == null ? null : c.id;
        long existing = campaignId == null
                ? TestingReportedTotal.count("campaignId is null and asOf = ?1 and source = ?2", r.asOf(), r.source())
                : TestingReportedTotal.count("campaignId = ?1 and asOf = ?2 and source = ?3", campaignId, r.asOf(), r.source());
        if (existing > 0) {
            throw ProblemException.conflict("duplicate", "a total as of " + r.asOf() + " from this source is already stored");
        }
        TestingReportedTotal t = new TestingReportedTotal();
        t.id = UUID.randomUUID();
        t.campaignId = campaignId;
        t.asOf = r.asOf();
        t.testsPerformed = r.testsPerformed();
        t.positives = r.positives();
        t.statedRatePercent = r.statedRatePercent();
        t.source = r.source();
        t.persist();
        ReportedTotalView v = reportedView(t, c == null ? null : c.code, null);
        outbox.record(CovidEvents.TESTING_TOTAL_REPORTED, CovidEvents.ORGANIZATION, "testing-total", t.id.toString(),
                new CovidEvents.TestingTotalReported(v.campaignCode(), t.asOf, t.testsPerformed, t.positives,
                        t.statedRatePercent, v.computedRatePercent(), t.source));
        return v;
    }

    public TestingStatistics statistics(LocalDate asOf, String campaignCode) {
        LocalDate day = asOf == null ? Rules.today() : asOf;
        TestingCampaign c = campaignCode == null ? null : campaign(campaignCode);
        String sql = "SELECT count(*), coalesce(sum(tests_performed), 0), coalesce(sum(positives), 0), "
                + "count(*) FILTER (WHERE self_testing) FROM test_session WHERE session_date <= ?1"
                + (c == null ? "" : " AND campaign_id = ?2");
        var q = em.createNativeQuery(sql).setParameter(1, day);
        if (c != null) {
            q.setParameter(2, c.id);
        }
        Object[] row = (Object[]) q.getSingleResult();
        long sessions = ((Number) row[0]).longValue();
        long tests = ((Number) row[1]).longValue();
        long positives = ((Number) row[2]).longValue();
        long self = ((Number) row[3]).longValue();
        List<TestingReportedTotal> stated = c == null
                ? TestingReportedTotal.list("campaignId is null and asOf <= ?1", Sort.by("asOf"), day)
                : TestingReportedTotal.list("campaignId = ?1 and asOf <= ?2", Sort.by("asOf"), c.id, day);
        List<ReportedTotalView> reported = new ArrayList<>();
        for (TestingReportedTotal t : stated) {
            reported.add(reportedView(t, campaignCode, t.asOf.equals(day) ? new long[] { tests, positives } : null));
        }
        return new TestingStatistics(day, campaignCode, sessions, tests, positives, self,
                tests == 0 ? null : BigDecimal.valueOf(positives).divide(BigDecimal.valueOf(tests), 6, RoundingMode.HALF_UP),
                percent(positives, tests), tests == 0 ? null : VnFormat.percentOf(positives, tests, 2), reported);
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static ReportedTotalView reportedView(TestingReportedTotal t, String campaignCode, long[] recorded) {
        BigDecimal computed = percent(t.positives, t.testsPerformed);
        boolean consistent = t.statedRatePercent == null || computed == null
                || t.statedRatePercent.setScale(2, RoundingMode.HALF_UP).compareTo(computed) == 0;
        boolean matches = recorded != null && recorded[0] == t.testsPerformed && recorded[1] == t.positives;
        return new ReportedTotalView(campaignCode, t.asOf, t.testsPerformed, t.positives, t.statedRatePercent,
                t.statedRatePercent == null ? null : VnFormat.percent(t.statedRatePercent, 2) , computed, consistent, matches, t.source);
    }

    private static CampaignView view(TestingCampaign c) {
        return new CampaignView(c.id, c.code, c.name, c.planReference, c.startDate, c.intervalDays, c.version);
    }
}
