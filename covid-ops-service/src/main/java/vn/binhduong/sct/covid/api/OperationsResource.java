package vn.binhduong.sct.covid.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.covid.domain.HealthUnitKind;
import vn.binhduong.sct.covid.domain.RetailCategory;
import vn.binhduong.sct.covid.domain.TargetGroup;
import vn.binhduong.sct.covid.service.OperationsService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

/** Vaccination, industrial clusters, the retail network and lockdown support. */
@Path("/api/v1")
@Tag(name = "operations", description = "Vaccination, industrial clusters, retail network, lockdown support")
public class OperationsResource {
    // ---- vaccination
    public record VaccinationCampaignRequest(
            @Schema(description = "code", examples = "VX-2021") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @Schema(description = "name", examples = "Tiêm vắc-xin ngừa Covid-19 ngành Công Thương") @NotBlank @Size(max = 300) String name,
            @Schema(description = "plans it executes", examples = "14 Kế hoạch tổ chức tiêm vắc-xin (1905/KH-SCT ...)") @NotBlank @Size(max = 300) String planReference,
            @Schema(description = "first day", examples = "2021-08-20") @NotNull LocalDate startDate) {
    }

    @Schema(description = "A vaccination campaign")
    public record VaccinationCampaignView(@Schema(description = "id") UUID id, @Schema(description = "code") String code,
            @Schema(description = "name") String name, @Schema(description = "plans") String planReference,
            @Schema(description = "first day") LocalDate startDate) {
    }

    public record VaccinationRequest(@Schema(description = "campaign code", examples = "VX-2021") @NotBlank String campaignCode,
            @Schema(description = "day, not in the future", examples = "2021-12-04") @NotNull LocalDate date,
            @Schema(description = "target group", examples = "CLUSTER_WORKERS") @NotNull TargetGroup targetGroup,
            @Schema(description = "doses administered", examples = "1200") @NotNull @PositiveOrZero Integer doses,
            @Schema(description = "source document, if reported") @Size(max = 500) String source) {
    }

    @Schema(description = "Doses on a day for a group")
    public record VaccinationView(@Schema(description = "id") UUID id, @Schema(description = "campaign") String campaignCode,
            @Schema(description = "day") LocalDate date, @Schema(description = "group") TargetGroup targetGroup,
            @Schema(description = "doses") int doses, @Schema(description = "source") String source) {
    }

    @Schema(description = "Cumulative doses to a date")
    public record VaccinationStatistics(@Schema(description = "as of") LocalDate asOf, @Schema(description = "campaign filter") String campaignCode,
            @Schema(description = "doses") long doses, @Schema(description = "doses by target group") Map<String, Long> byTargetGroup) {
    }

    // ---- clusters
    public record ClusterRequest(@Schema(description = "code", examples = "CCN-PHU-CHANH-1") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @Schema(description = "name as the report writes it", examples = "CCN Phú Chánh 1") @NotBlank @Size(max = 300) String name,
            @Schema(description = "district", examples = "Tân Uyên") @Size(max = 120) String district) {
    }

    @Schema(description = "An industrial cluster")
    public record ClusterView(@Schema(description = "id") UUID id, @Schema(description = "code") String code,
            @Schema(description = "name") String name, @Schema(description = "district") String district,
            @Schema(description = "mobile health units") List<String> mobileHealthUnits) {
    }

    public record HealthUnitRequest(@Schema(description = "STATION (trạm) or TEAM (tổ)", examples = "STATION") @NotNull HealthUnitKind kind,
            @Schema(description = "set up on", examples = "2021-10-01") @NotNull LocalDate establishedOn) {
    }

    public record ClusterStatusRequest(
            @Schema(description = "cluster code; omit for the total over all clusters of the province", examples = "CCN-PHU-CHANH-1") String clusterCode,
            @Schema(description = "day", examples = "2021-12-04") @NotNull LocalDate date,
            @Schema(description = "businesses in scope", examples = "83") @NotNull @PositiveOrZero Integer businessesTotal,
            @Schema(description = "businesses operating", examples = "83") @NotNull @PositiveOrZero Integer businessesOperating,
            @Schema(description = "operating on the on-site model (3 tại chỗ)", examples = "0") @NotNull @PositiveOrZero Integer onSite,
            @Schema(description = "operating on the three-green model (3 xanh)", examples = "83") @NotNull @PositiveOrZero Integer threeGreen,
            @Schema(description = "operating on one-route-two-sites (1 cung đường 2 địa điểm)", examples = "0") @NotNull @PositiveOrZero Integer oneRouteTwoSites,
            @Schema(description = "of the three-green ones, switched from on-site", examples = "60") @NotNull @PositiveOrZero Integer switchedOnSiteToThreeGreen,
            @Schema(description = "workers", examples = "17713") @NotNull @PositiveOrZero Integer workers,
            @Schema(description = "positive cases (F0) cumulative to the day", examples = "1509") @NotNull @PositiveOrZero Integer cumulativePositives,
            @Schema(description = "source document") @Size(max = 500) String source) {
    }

    @Schema(description = "Cluster status on a day")
    public record ClusterStatusView(@Schema(description = "id") UUID id, @Schema(description = "cluster code or ALL") String scope,
            @Schema(description = "day") LocalDate date, @Schema(description = "businesses") int businessesTotal,
            @Schema(description = "operating") int businessesOperating, @Schema(description = "on-site") int onSite,
            @Schema(description = "three-green") int threeGreen, @Schema(description = "one-route-two-sites") int oneRouteTwoSites,
            @Schema(description = "switched on-site → three-green") int switchedOnSiteToThreeGreen,
            @Schema(description = "workers") int workers, @Schema(description = "cumulative positives") int cumulativePositives,
            @Schema(description = "operating share in percent", examples = "100") BigDecimal operatingPercent,
            @Schema(description = "source") String source) {
    }

    @Schema(description = "Clusters to a date")
    public record ClusterStatistics(@Schema(description = "as of") LocalDate asOf,
            @Schema(description = "latest province-wide status on or before asOf") ClusterStatusView provinceStatus,
            @Schema(description = "clusters registered") long clusters,
            @Schema(description = "mobile health stations (trạm y tế lưu động)") long mobileHealthStations,
            @Schema(description = "mobile health teams (tổ y tế lưu động)") long mobileHealthTeams,
            @Schema(description = "clusters with a station, by name") List<String> clustersWithStation,
            @Schema(description = "clusters with a team, by name") List<String> clustersWithTeam) {
    }

    // ---- retail
    public record RetailStatusRequest(@Schema(description = "day", examples = "2021-12-04") @NotNull LocalDate date,
            @Schema(description = "category", examples = "MARKET") @NotNull RetailCategory category,
            @Schema(description = "operating", examples = "64") @NotNull @PositiveOrZero Integer operating,
            @Schema(description = "total", examples = "97") @NotNull @PositiveOrZero Integer total,
            @Schema(description = "source") @Size(max = 500) String source) {
    }

    @Schema(description = "Retail outlets of a category operating on a day")
    public record RetailStatusView(@Schema(description = "category") RetailCategory category, @Schema(description = "day") LocalDate date,
            @Schema(description = "operating") int operating, @Schema(description = "total") int total,
            @Schema(description = "operating in percent, no decimals", examples = "66") BigDecimal operatingPercent,
            @Schema(description = "as the report writes it", examples = "64/97 (66%)") String display,
            @Schema(description = "source") String source) {
    }

    @Schema(description = "Latest retail status per category on or before a date")
    public record RetailStatistics(@Schema(description = "as of") LocalDate asOf, @Schema(description = "per category") List<RetailStatusView> categories) {
    }

    // ---- lockdown
    public record LockdownRequest(@Schema(description = "code", examples = "KCDC-2021-08") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @Schema(description = "plan", examples = "Kế hoạch số 4134/KH-UBND ngày 22/8/2021; 4319/KH-UBND ngày 30/8/2021") @NotBlank @Size(max = 300) String planReference,
            @Schema(description = "districts", examples = "Thuận An, Tân Uyên") @NotBlank @Size(max = 300) String districts,
            @Schema(description = "wards under hard lockdown", examples = "11") @NotNull @PositiveOrZero Integer wards,
            @Schema(description = "department staff assigned", examples = "23") @NotNull @PositiveOrZero Integer staffAssigned,
            @Schema(description = "working groups (tổ công tác)", examples = "11") @NotNull @PositiveOrZero Integer workingGroups,
            @Schema(description = "first day", examples = "2021-08-22") @NotNull LocalDate startDate,
            @Schema(description = "last day, not before the first", examples = "2021-09-06") @NotNull LocalDate endDate,
            @Schema(description = "supply actions taken") @Size(max = 2000) String supplyActions) {
    }

    @Schema(description = "A lockdown support operation")
    public record LockdownView(@Schema(description = "id") UUID id, @Schema(description = "code") String code,
            @Schema(description = "plan") String planReference, @Schema(description = "districts") String districts,
            @Schema(description = "wards") int wards, @Schema(description = "staff") int staffAssigned,
            @Schema(description = "working groups") int workingGroups, @Schema(description = "first day") LocalDate startDate,
            @Schema(description = "last day") LocalDate endDate, @Schema(description = "supply actions") String supplyActions) {
    }

    private final OperationsService service;

    public OperationsResource(OperationsService service) {
        this.service = service;
    }

    @POST
    @Path("vaccination-campaigns")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Create a vaccination campaign")
    public Response createVaccinationCampaign(@Valid @NotNull VaccinationCampaignRequest r) {
        var v = service.createVaccinationCampaign(r);
        return Response.created(URI.create("/api/v1/vaccination-campaigns/" + v.code())).entity(v).build();
    }

    @POST
    @Path("vaccinations")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Record doses per campaign, date and target group (one record each, 409 otherwise); publishes vaccination.recorded")
    public Response recordVaccination(@Valid @NotNull VaccinationRequest r) {
        var v = service.recordVaccination(r);
        return Response.created(URI.create("/api/v1/vaccinations/" + v.id())).entity(v).build();
    }

    @GET
    @Path("vaccinations")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Vaccination records by date, filtered by campaign and date range")
    public PageResult<VaccinationView> listVaccinations(@BeanParam @Valid PageParams page, @QueryParam("campaign") String campaign,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.vaccinations(page, campaign, from, to);
    }

    @GET
    @Path("vaccinations/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Cumulative doses to a date, by target group")
    public VaccinationStatistics getVaccinationStatistics(@QueryParam("asOf") LocalDate asOf, @QueryParam("campaign") String campaign) {
        return service.vaccinationStatistics(asOf, campaign);
    }

    @POST
    @Path("clusters")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Register an industrial cluster; publishes cluster.registered")
    public Response createCluster(@Valid @NotNull ClusterRequest r) {
        var v = service.createCluster(r);
        return Response.created(URI.create("/api/v1/clusters/" + v.code())).entity(v).build();
    }

    @GET
    @Path("clusters")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Industrial clusters by code")
    public PageResult<ClusterView> listClusters(@BeanParam @Valid PageParams page) {
        return service.clusters(page);
    }

    @POST
    @Path("clusters/{code}/mobile-health-units")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Record a mobile health station or team set up in a cluster (one of each kind per cluster); publishes mobile-health-unit.established")
    public Response addMobileHealthUnit(@PathParam("code") String code, @Valid @NotNull HealthUnitRequest r) {
        return Response.status(201).entity(service.addHealthUnit(code, r)).build();
    }

    @GET
    @Path("clusters/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Clusters to a date: the latest province-wide status, mobile health stations and teams")
    public ClusterStatistics getClusterStatistics(@QueryParam("asOf") LocalDate asOf) {
        return service.clusterStatistics(asOf);
    }

    @POST
    @Path("cluster-statuses")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Report the status of one cluster, or of all clusters, on a day: operating ≤ total, models add up to at most operating, switched ≤ three-green; publishes cluster-status.reported")
    public Response reportClusterStatus(@Valid @NotNull ClusterStatusRequest r) {
        return Response.status(201).entity(service.reportClusterStatus(r)).build();
    }

    @GET
    @Path("cluster-statuses")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Cluster statuses by date, filtered by scope (cluster code or ALL) and date range")
    public PageResult<ClusterStatusView> listClusterStatuses(@BeanParam @Valid PageParams page, @QueryParam("scope") String scope,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.clusterStatuses(page, scope, from, to);
    }

    @POST
    @Path("retail-statuses")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Report how many outlets of a category operate out of the total on a day; publishes retail-status.reported")
    public Response reportRetailStatus(@Valid @NotNull RetailStatusRequest r) {
        return Response.status(201).entity(service.reportRetail(r)).build();
    }

    @GET
    @Path("retail-statuses/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The latest status of each category on or before a date")
    public RetailStatistics getRetailStatistics(@QueryParam("asOf") LocalDate asOf) {
        return service.retailStatistics(asOf);
    }

    @POST
    @Path("lockdown-operations")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Record supply support to wards under hard lockdown; publishes lockdown-support.recorded")
    public Response recordLockdownOperation(@Valid @NotNull LockdownRequest r) {
        var v = service.recordLockdown(r);
        return Response.created(URI.create("/api/v1/lockdown-operations/" + v.code())).entity(v).build();
    }

    @GET
    @Path("lockdown-operations")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Lockdown support operations by start date")
    public PageResult<LockdownView> listLockdownOperations(@BeanParam @Valid PageParams page) {
        return service.lockdowns(page);
    }
}
