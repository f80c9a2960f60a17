package vn.binhduong.sct.covid.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.covid.api.OperationsResource.ClusterRequest;
import vn.binhduong.sct.covid.api.OperationsResource.ClusterStatistics;
import vn.binhduong.sct.covid.api.OperationsResource.ClusterStatusRequest;
import vn.binhduong.sct.covid.api.OperationsResource.ClusterStatusView;
import vn.binhduong.sct.covid.api.OperationsResource.ClusterView;
import vn.binhduong.sct.covid.api.OperationsResource.HealthUnitRequest;
import vn.binhduong.sct.covid.api.OperationsResource.LockdownRequest;
import vn.binhduong.sct.covid.api.OperationsResource.LockdownView;
import vn.binhduong.sct.covid.api.OperationsResource.RetailStatistics;
import vn.binhduong.sct.covid.api.OperationsResource.RetailStatusRequest;
import vn.binhduong.sct.covid.api.OperationsResource.RetailStatusView;
import vn.binhduong.sct.covid.api.OperationsResource.VaccinationCampaignRequest;
import vn.binhduong.sct.covid.api.OperationsResource.VaccinationCampaignView;
import vn.binhduong.sct.covid.api.OperationsResource.VaccinationRequest;
import vn.binhduong.sct.covid.api.OperationsResource.VaccinationStatistics;
import vn.binhduong.sct.covid.api.OperationsResource.VaccinationView;
import vn.binhduong.sct.covid.domain.ClusterStatus;
import vn.binhduong.sct.covid.domain.HealthUnitKind;
import vn.binhduong.sct.covid.domain.IndustrialCluster;
import vn.binhduong.sct.covid.domain.LockdownOperation;
import vn.binhduong.sct.covid.domain.MobileHealthUnit;
import vn.binhduong.sct.covid.domain.RetailCategory;
import vn.binhduong.sct.covid.domain.RetailStatus;
import vn.binhduong.sct.covid.domain.Rules;
import vn.binhduong.sct.covid.domain.TargetGroup;
import vn.binhduong.sct.covid.domain.VaccinationCampaign;
import vn.binhduong.sct.covid.domain.VaccinationRecord;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.covid.CovidPayloads;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class OperationsService {
    public static final String ALL_CLUSTERS = "ALL";
    private final Outbox outbox;

    public OperationsService(Outbox outbox) {
        this.outbox = outbox;
    }

    // ---------------------------------------------------------------- vaccination

    @Transactional
    public VaccinationCampaignView createVaccinationCampaign(VaccinationCampaignRequest r) {
        if (VaccinationCampaign.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "vaccination campaign " + r.code() + " already exists");
        }
        VaccinationCampaign c = new VaccinationCampaign();
        c.id = UUID.randomUUID();
        c.code = r.code();
        c.name = r.name();
        c.planReference = r.planReference();
        c.startDate = r.startDate();
        c.persist();
        outbox.record(CovidEvents.VACCINATION_CAMPAIGN_CREATED, CovidEvents.organization(), "vaccination-campaign",
                c.id.toString(), new CovidPayloads.VaccinationCampaignCreated(c.code, c.name, c.planReference, c.startDate));
        return new VaccinationCampaignView(c.id, c.code, c.name, c.planReference, c.startDate);
    }

    private VaccinationCampaign vaccinationCampaign(String code) {
        return VaccinationCampaign.<VaccinationCampaign>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("vaccination campaign", code));
    }

    @Transactional
    public VaccinationView recordVaccination(VaccinationRequest r) {
        VaccinationCampaign c = vaccinationCampaign(r.campaignCode());
        Rules.requireNotFuture("date", r.date());
        if (VaccinationRecord.count("campaignId = ?1 and recordDate = ?2 and targetGroup = ?3", c.id, r.date(), r.targetGroup()) > 0) {
            throw ProblemException.conflict("duplicate", "doses of " + c.code + " on " + r.date() + " for "
                    + r.targetGroup() + " are already recorded");
        }
        VaccinationRecord v = new VaccinationRecord();
        v.id = UUID.randomUUID();
        v.campaignId = c.id;
        v.recordDate = r.date();
        v.targetGroup = r.targetGroup();
        v.doses = r.doses();
        v.source = r.source();
        v.persist();
        outbox.record(CovidEvents.VACCINATION_RECORDED, CovidEvents.organization(), "vaccination", v.id.toString(),
                new CovidPayloads.VaccinationRecorded(v.id.toString(), c.code, v.recordDate,
                        Labelled.map(v.targetGroup, vn.binhduong.sct.contract.covid.TargetGroup.class), v.doses, v.source));
        return new VaccinationView(v.id, c.code, v.recordDate, v.targetGroup, v.doses, v.source);
    }

    public PageResult<VaccinationView> vaccinations(PageParams page, String campaign, LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        Map<UUID, String> codes = new LinkedHashMap<>();
        VaccinationCampaign.<VaccinationCampaign>listAll().forEach(c -> codes.put(c.id, c.code));
        if (campaign != null) {
            q.append(" and campaignId = :c");
            p.and("c", vaccinationCampaign(campaign).id);
        }
        if (from != null) {
            q.append(" and recordDate >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and recordDate <= :to");
            p.and("to", to);
        }
        var query = VaccinationRecord.<VaccinationRecord>find(q.toString(), Sort.by("recordDate").and("targetGroup"), p);
        return PageResult.of(query.page(page.toPage()).list().stream()
                .map(v -> new VaccinationView(v.id, codes.get(v.campaignId), v.recordDate, v.targetGroup, v.doses, v.source))
                .toList(), page, query.count());
    }

    public VaccinationStatistics vaccinationStatistics(LocalDate asOf, String campaign) {
        LocalDate day = asOf == null ? Rules.today() : asOf;
        UUID c = campaign == null ? null : vaccinationCampaign(campaign).id;
        Map<String, Long> byGroup = new LinkedHashMap<>();
        long total = 0;
        for (TargetGroup g : TargetGroup.values()) {
            List<VaccinationRecord> rows = c == null
                    ? VaccinationRecord.list("targetGroup = ?1 and recordDate <= ?2", g, day)
                    : VaccinationRecord.list("targetGroup = ?1 and recordDate <= ?2 and campaignId = ?3", g, day, c);
            long doses = rows.stream().mapToLong(v -> v.doses).sum();
            byGroup.put(g.name(), doses);
            total += doses;
        }
        return new VaccinationStatistics(day, campaign, total, byGroup);
    }

    // ---------------------------------------------------------------- clusters

    @Transactional
    public ClusterView createCluster(ClusterRequest r) {
        if (IndustrialCluster.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "cluster " + r.code() + " already exists");
        }
        IndustrialCluster c = new IndustrialCluster();
        c.id = UUID.randomUUID();
        c.code = r.code();
        c.name = r.name();
        c.district = r.district();
        c.persist();
        outbox.record(CovidEvents.CLUSTER_REGISTERED, CovidEvents.organization(), "cluster", c.id.toString(),
                new CovidPayloads.ClusterRegistered(c.code, c.name, c.district));
        return clusterView(c);
    }

    private IndustrialCluster cluster(String code) {
        return IndustrialCluster.<IndustrialCluster>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("cluster", code));
    }

    private static ClusterView clusterView(IndustrialCluster c) {
        List<String> units = MobileHealthUnit.<MobileHealthUnit>list("clusterId", c.id).stream()
                .map(u -> u.kind.name()).sorted().toList();
        return new ClusterView(c.id, c.code, c.name, c.district, units);
    }

    public PageResult<ClusterView> clusters(PageParams page) {
        var q = IndustrialCluster.<IndustrialCluster>findAll(Sort.by("code"));
        return PageResult.of(q.page(page.toPage()).list().stream().map(OperationsService::clusterView).toList(), page, q.count());
    }

    @Transactional
    public ClusterView addHealthUnit(String code, HealthUnitRequest r) {
        IndustrialCluster c = cluster(code);
        Rules.requireNotFuture("establishedOn", r.establishedOn());
        if (MobileHealthUnit.count("clusterId = ?1 and kind = ?2", c.id, r.kind()) > 0) {
            throw ProblemException.conflict("duplicate", "cluster " + code + " already has a mobile health " + r.kind());
        }
        MobileHealthUnit u = new MobileHealthUnit();
        u.id = UUID.randomUUID();
        u.clusterId = c.id;
        u.kind = r.kind();
        u.establishedOn = r.establishedOn();
        u.persist();
        outbox.record(CovidEvents.MOBILE_HEALTH_UNIT_ESTABLISHED, CovidEvents.organization(), "cluster", c.id.toString(),
                new CovidPayloads.MobileHealthUnitEstablished(c.code, c.name, Labelled.map(u.kind, vn.binhduong.sct.contract.covid.HealthUnitKind.class), u.establishedOn));
        return clusterView(c);
    }

    @Transactional
    public ClusterStatusView reportClusterStatus(ClusterStatusRequest r) {
        IndustrialCluster c = r.clusterCode() == null ? null : cluster(r.clusterCode());
        Rules.requireNotFuture("date", r.date());
        Rules.requireAtMost("businessesOperating", r.businessesOperating(), "businessesTotal", r.businessesTotal());
        Rules.requireAtMost("operatingByModel", (long) r.onSite() + r.threeGreen() + r.oneRouteTwoSites(),
                "businessesOperating", r.businessesOperating());
        Rules.requireAtMost("switchedOnSiteToThreeGreen", r.switchedOnSiteToThreeGreen(), "threeGreen", r.threeGreen());
        String scope = c == null ? ALL_CLUSTERS : c.code;
        if (ClusterStatus.count("scope = ?1 and reportDate = ?2", scope, r.date()) > 0) {
            throw ProblemException.conflict("duplicate", "the status of " + scope + " on " + r.date() + " is already reported");
        }
        ClusterStatus s = new ClusterStatus();
        s.id = UUID.randomUUID();
        s.clusterId = c == null ? null : c.id;
        s.scope = scope;
        s.reportDate = r.date();
        s.businessesTotal = r.businessesTotal();
        s.businessesOperating = r.businessesOperating();
        s.onSite = r.onSite();
        s.threeGreen = r.threeGreen();
        s.oneRouteTwoSites = r.oneRouteTwoSites();
        s.switchedOnSiteToThreeGreen = r.switchedOnSiteToThreeGreen();
        s.workers = r.workers();
        s.cumulativePositives = r.cumulativePositives();
        s.source = r.source();
        s.persist();
        outbox.record(CovidEvents.CLUSTER_STATUS_REPORTED, CovidEvents.organization(), "cluster-status", s.id.toString(),
                new CovidPayloads.ClusterStatusReported(scope, c == null ? null : c.name, s.reportDate, s.businessesTotal,
                        s.businessesOperating, s.onSite, s.threeGreen, s.oneRouteTwoSites, s.switchedOnSiteToThreeGreen,
                        s.workers, s.cumulativePositives, s.source));
        return statusView(s);
    }

    private static ClusterStatusView statusView(ClusterStatus s) {
        return new ClusterStatusView(s.id, s.scope, s.reportDate, s.businessesTotal, s.businessesOperating, s.onSite,
                s.threeGreen, s.oneRouteTwoSites, s.switchedOnSiteToThreeGreen, s.workers, s.cumulativePositives,
                percent(s.businessesOperating, s.businessesTotal, 0), s.source);
    }

    public PageResult<ClusterStatusView> clusterStatuses(PageParams page, String scope, LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (scope != null) {
            q.append(" and scope = :scope");
            p.and("scope", scope);
        }
        if (from != null) {
            q.append(" and reportDate >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and reportDate <= :to");
            p.and("to", to);
        }
        var query = ClusterStatus.<ClusterStatus>find(q.toString(), Sort.by("reportDate").and("scope"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(OperationsService::statusView).toList(), page,
                query.count());
    }

    public ClusterStatistics clusterStatistics(LocalDate asOf) {
        LocalDate day = asOf == null ? Rules.today() : asOf;
        ClusterStatus latest = ClusterStatus.<ClusterStatus>find("scope = ?1 and reportDate <= ?2",
                Sort.by("reportDate").descending(), ALL_CLUSTERS, day).firstResult();
        Map<UUID, String> names = new LinkedHashMap<>();
        IndustrialCluster.<IndustrialCluster>listAll(Sort.by("name")).forEach(c -> names.put(c.id, c.name));
        List<String> withStation = new ArrayList<>();
        List<String> withTeam = new ArrayList<>();
        for (MobileHealthUnit u : MobileHealthUnit.<MobileHealthUnit>list("establishedOn <= ?1", day)) {
            (u.kind == HealthUnitKind.STATION ? withStation : withTeam).add(names.get(u.clusterId));
        }
        withStation.sort(null);
        withTeam.sort(null);
        return new ClusterStatistics(day, latest == null ? null : statusView(latest), names.size(), withStation.size(),
                withTeam.size(), withStation, withTeam);
    }

    // ---------------------------------------------------------------- retail

    @Transactional
    public RetailStatusView reportRetail(RetailStatusRequest r) {
        Rules.requireNotFuture("date", r.date());
        Rules.requireAtMost("operating", r.operating(), "total", r.total());
        if (RetailStatus.count("reportDate = ?1 and category = ?2", r.date(), r.category()) > 0) {
            throw ProblemException.conflict("duplicate", "the " + r.category() + " status on " + r.date() + " is already reported");
        }
        RetailStatus s = new RetailStatus();
        s.id = UUID.randomUUID();
        s.reportDate = r.date();
        s.category = r.category();
        s.operating = r.operating();
        s.total = r.total();
        s.source = r.source();
        s.persist();
        outbox.record(CovidEvents.RETAIL_STATUS_REPORTED, CovidEvents.organization(), "retail-status", s.id.toString(),
                new CovidPayloads.RetailStatusReported(s.reportDate, Labelled.map(s.category, vn.binhduong.sct.contract.covid.RetailCategory.class), s.operating, s.total, s.source));
        return retailView(s);
    }

    private static RetailStatusView retailView(RetailStatus s) {
        String display = s.operating + "/" + s.total
                + (s.total == 0 ? "" : " (" + VnFormat.percentOf(s.operating, s.total, 0) + ")");
        return new RetailStatusView(s.category, s.reportDate, s.operating, s.total, percent(s.operating, s.total, 0), display,
                s.source);
    }

    public RetailStatistics retailStatistics(LocalDate asOf) {
        LocalDate day = asOf == null ? Rules.today() : asOf;
        List<RetailStatusView> out = new ArrayList<>();
        for (RetailCategory c : RetailCategory.values()) {
            RetailStatus s = RetailStatus.<RetailStatus>find("category = ?1 and reportDate <= ?2",
                    Sort.by("reportDate").descending(), c, day).firstResult();
            if (s != null) {
                out.add(retailView(s));
            }
        }
        return new RetailStatistics(day, out);
    }

    // ---------------------------------------------------------------- lockdown

    @Transactional
    public LockdownView recordLockdown(LockdownRequest r) {
        if (r.endDate().isBefore(r.startDate())) {
            throw ProblemException.ruleViolated("period-ends-before-start", "endDate (" + r.endDate()
                    + ") is before startDate (" + r.startDate() + ")",
                    Map.of("startDate", r.startDate().toString(), "endDate", r.endDate().toString()));
        }
        Rules.requireNotFuture("startDate", r.startDate());
        if (LockdownOperation.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "lockdown operation " + r.code() + " already exists");
        }
        LockdownOperation o = new LockdownOperation();
        o.id = UUID.randomUUID();
        o.code = r.code();
        o.planReference = r.planReference();
        o.districts = r.districts();
        o.wards = r.wards();
        o.staffAssigned = r.staffAssigned();
        o.workingGroups = r.workingGroups();
        o.startDate = r.startDate();
        o.endDate = r.endDate();
        o.supplyActions = r.supplyActions();
        o.persist();
        outbox.record(CovidEvents.LOCKDOWN_SUPPORT_RECORDED, CovidEvents.organization(), "lockdown-operation", o.id.toString(),
                new CovidPayloads.LockdownSupportRecorded(o.code, o.planReference, o.districts, o.wards, o.staffAssigned,
                        o.workingGroups, o.startDate, o.endDate));
        return lockdownView(o);
    }

    private static LockdownView lockdownView(LockdownOperation o) {
        return new LockdownView(o.id, o.code, o.planReference, o.districts, o.wards, o.staffAssigned, o.workingGroups,
                o.startDate, o.endDate, o.supplyActions);
    }

    public PageResult<LockdownView> lockdowns(PageParams page) {
        var q = LockdownOperation.<LockdownOperation>findAll(Sort.by("startDate").and("code"));
        return PageResult.of(q.page(page.toPage()).list().stream().map(OperationsService::lockdownView).toList(), page, q.count());
    }

    static BigDecimal percent(long part, long whole, int decimals) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), decimals, RoundingMode.HALF_UP);
    }
}
