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
import vn.binhduong.sct.contract.covid.CovidPayloads;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
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
    private final javax.sql.DataSource dataSource;

    public TestingService(Outbox outbox, EntityManager em, EstablishmentService establishments, javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
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
        outbox.record(CovidEvents.TESTING_CAMPAIGN_CREATED, CovidEvents.organization(), "testing-campaign", c.id.toString(),
                new CovidPayloads.TestingCampaignCreated(c.code, c.name, c.planReference, c.startDate, c.intervalDays));
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
        outbox.record(CovidEvents.TEST_SESSION_RECORDED, CovidEvents.organization(), "test-session", s.id.toString(),
                new CovidPayloads.TestSessionRecorded(s.id.toString(), c.code, e.code, CovidEvents.establishmentType(e.type), s.sessionDate,
                        s.testsPerformed, s.positives, s.selfTesting));
        return new SessionView(s.id, c.code, e.code, s.sessionDate, s.testsPerformed, s.positives, s.selfTesting, null);
    }

    /**
     * Test sessions in (date, id) order, a keyset page: {@code after} (a cursor from the previous page's {@code next})
     * reads from there by index range; without it {@code page} still skips pages by offset. The total is counted
     * only when asked for.
     */
    public KeysetPage<SessionView> sessions(PageParams page, String campaign, String establishment, LocalDate from,
            LocalDate to, String after, boolean total) {
        StringBuilder w = new StringBuilder();
        Parameters p = filters(w, campaign, establishment, from, to);
        String from0 = " FROM TestSession s, TestingCampaign c, Establishment e WHERE s.campaignId = c.id AND s.establishmentId = e.id";
        StringBuilder keyset = new StringBuilder();
        Parameters kp = new Parameters();
        if (after != null) {
            Cursor cur = Cursor.parse(after, 2);
            keyset.append(" AND (s.sessionDate > :afterDate OR (s.sessionDate = :afterDate AND s.id > :afterId))");
            kp.and("afterDate", cur.date(0)).and("afterId", cur.uuid(1));
        }
        var list = em.createQuery("SELECT s, c.code, e.code" + from0 + w + keyset + " ORDER BY s.sessionDate, s.id", Object[].class);
        p.map().forEach(list::setParameter);
        kp.map().forEach(list::setParameter);
        List<SessionView> rows = list.setFirstResult(after == null ? page.offset() : 0).setMaxResults(page.size + 1)
                .getResultList().stream().map(row -> {
                    TestSession s = (TestSession) row[0];
                    return new SessionView(s.id, (String) row[1], (String) row[2], s.sessionDate, s.testsPerformed,
                            s.positives, s.selfTesting, s.uploadJobId);
                }).toList();
        Long count = null;
        if (total) {
            var q = em.createQuery("SELECT count(s)" + from0 + w, Long.class);
            p.map().forEach(q::setParameter);
            count = q.getSingleResult();
        }
        return KeysetPage.of(rows, page.size, v -> Cursor.after(v.date(), v.id()), count);
    }

    private static Parameters filters(StringBuilder where, String campaign, String establishment, LocalDate from, LocalDate to) {
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
        return p;
    }

    /**
     * Streams the filtered sessions as RFC 4180 CSV (commons-csv) in (date, id) order, with the upload's header, so an
     * export uploads again as it is (every row then a duplicate). Read through a server-side cursor 1,000 rows at a
     * time: memory stays flat whatever the size.
     */
    public void exportSessions(java.io.OutputStream out, String campaign, String establishment, LocalDate from, LocalDate to)
            throws java.io.IOException {
        StringBuilder sql = new StringBuilder("""
                SELECT e.code, c.code, s.session_date, s.tests_performed, s.positives, s.self_testing, s.id, s.upload_job_id
                  FROM test_session s JOIN testing_campaign c ON c.id = s.campaign_id JOIN establishment e ON e.id = s.establishment_id
                 WHERE true""");
        List<Object> args = new ArrayList<>();
        if (campaign != null) {
            sql.append(" AND c.code = ?");
            args.add(campaign);
        }
        if (establishment != null) {
            sql.append(" AND e.code = ?");
            args.add(establishment);
        }
        if (from != null) {
            sql.append(" AND s.session_date >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND s.session_date <= ?");
            args.add(to);
        }
        sql.append(" ORDER BY s.session_date, s.id");
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
        try (java.sql.Connection c = dataSource.getConnection();
                org.apache.commons.csv.CSVPrinter csv = EXPORT.print(w)) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(1000);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        csv.printRecord(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                                rs.getInt(5), rs.getBoolean(6), rs.getObject(7), rs.getObject(8));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the test sessions: " + e.getMessage(), e);
        }
    }

    static final org.apache.commons.csv.CSVFormat EXPORT = org.apache.commons.csv.CSVFormat.RFC4180.builder()
            .setHeader("establishment_code", "campaign_code", "date", "tests_performed", "positives", "self_testing", "id",
                    "upload_job_id")
            .get();

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
        outbox.record(CovidEvents.TESTING_TOTAL_REPORTED, CovidEvents.organization(), "testing-total", t.id.toString(),
                new CovidPayloads.TestingTotalReported(v.campaignCode(), t.asOf, t.testsPerformed, t.positives,
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
