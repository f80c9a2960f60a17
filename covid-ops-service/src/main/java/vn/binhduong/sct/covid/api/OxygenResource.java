package vn.binhduong.sct.covid.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.covid.domain.OxygenEnums.CapacityBasis;
import vn.binhduong.sct.covid.domain.OxygenEnums.CapacityUnit;
import vn.binhduong.sct.covid.domain.OxygenEnums.ContainerKind;
import vn.binhduong.sct.covid.domain.OxygenEnums.CoordinationStatus;
import vn.binhduong.sct.covid.domain.OxygenEnums.QuantityUnit;
import vn.binhduong.sct.covid.domain.OxygenEnums.RequestingUnitKind;
import vn.binhduong.sct.covid.service.OxygenService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

/** Medical oxygen (seed II.7): suppliers' capacity and containers, the coordination team and its records. */
@Path("/api/v1")
@Tag(name = "oxygen", description = "Medical oxygen: supplier capacity and containers, Tổ điều phối Oxy and its records")
public class OxygenResource {
    @Schema(description = "Containers of one kind held by a supplier")
    public record ContainerCount(
            @Schema(description = "CYLINDER (chai), TANK (bồn) or OTHER", examples = "CYLINDER") @NotNull ContainerKind kind,
            @Schema(description = "number of containers", examples = "1200") @NotNull @PositiveOrZero Integer count,
            @Schema(description = "total volume of these containers in litres (dung tích)", examples = "48000") @NotNull @PositiveOrZero Long volumeLitres) {
    }

    public record CapacityRequest(
            @Schema(description = "code of an establishment of type OXYGEN_SUPPLIER", examples = "OXY-01") @NotBlank @Size(max = 40) String supplierCode,
            @Schema(description = "day of the report, not in the future", examples = "2021-09-10") @NotNull LocalDate date,
            @Schema(description = "PRODUCTION (sản xuất) or SUPPLY (cung cấp)", examples = "PRODUCTION") @NotNull CapacityBasis capacityBasis,
            @Schema(description = "daily capacity in capacityUnit", examples = "5000") @NotNull @PositiveOrZero Long capacity,
            @Schema(description = "M3_PER_DAY or KG_PER_DAY: always explicit", examples = "M3_PER_DAY") @NotNull CapacityUnit capacityUnit,
            @Schema(description = "containers by kind, each kind at most once; kinds left out count 0") @Size(max = 3) List<@Valid @NotNull ContainerCount> containers,
            @Schema(description = "source document") @Size(max = 500) String source) {
    }

    @Schema(description = "A supplier's capacity and containers on a day")
    public record CapacityView(@Schema(description = "id") UUID id, @Schema(description = "supplier code") String supplierCode,
            @Schema(description = "supplier name") String supplierName, @Schema(description = "day") LocalDate date,
            @Schema(description = "PRODUCTION or SUPPLY") CapacityBasis capacityBasis, @Schema(description = "daily capacity") long capacity,
            @Schema(description = "unit of capacity") CapacityUnit capacityUnit,
            @Schema(description = "containers, one entry per kind (CYLINDER, TANK, OTHER)") List<ContainerCount> containers,
            @Schema(description = "source") String source) {
    }

    @Schema(description = "Capacity and containers across suppliers as of a date (each supplier's latest report on or before it)")
    public record CapacityStatistics(@Schema(description = "as of") LocalDate asOf,
            @Schema(description = "establishments of type OXYGEN_SUPPLIER registered", examples = "4") long suppliers,
            @Schema(description = "suppliers with a report on or before asOf", examples = "0") long suppliersReporting,
            @Schema(description = "daily capacity summed per unit, never across units", examples = "{\"M3_PER_DAY\":5000}") Map<String, Long> capacityByUnit,
            @Schema(description = "containers summed per kind") List<ContainerCount> containers,
            @Schema(description = "the latest report of each supplier counted") List<CapacityView> latestReports,
            @Schema(description = "coordination teams set up on or before asOf") List<TeamView> coordinationTeams,
            @Schema(description = "coordination records dated on or before asOf, by status") Map<String, Long> coordinationsByStatus) {
    }

    public record TeamRequest(@Schema(description = "code", examples = "TDP-OXY-2118") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @Schema(description = "name", examples = "Tổ điều phối Oxy") @NotBlank @Size(max = 300) String name,
            @Schema(description = "decision that set it up", examples = "Quyết định số 2118/QĐ-SCT") @NotBlank @Size(max = 120) String decisionReference,
            @Schema(description = "decision date, not in the future", examples = "2021-09-04") @NotNull LocalDate decisionDate,
            @Schema(description = "issuing authority as the source writes it", examples = "UBND tỉnh") @Size(max = 200) String issuedBy,
            @Schema(description = "the department's role in the team", examples = "Thành viên: nắm năng lực cung cấp khí Oxy và thiết bị chứa của các doanh nghiệp") @Size(max = 500) String departmentRole) {
    }

    @Schema(description = "An oxygen coordination team")
    public record TeamView(@Schema(description = "id") UUID id, @Schema(description = "code") String code,
            @Schema(description = "name") String name, @Schema(description = "decision") String decisionReference,
            @Schema(description = "decision date") LocalDate decisionDate, @Schema(description = "issued by") String issuedBy,
            @Schema(description = "department's role") String departmentRole) {
    }

    public record CoordinationRequest(@Schema(description = "coordination team code", examples = "TDP-OXY-2118") @NotBlank String teamCode,
            @Schema(description = "day of the action, not in the future", examples = "2021-09-12") @NotNull LocalDate date,
            @Schema(description = "the unit asking: a hospital, medical centre or treatment area (an institution, never a person)", examples = "Khu điều trị số 1 (dữ liệu mẫu)") @NotBlank @Size(max = 300) String requestingUnit,
            @Schema(description = "kind of requesting unit", examples = "TREATMENT_AREA") @NotNull RequestingUnitKind requestingUnitKind,
            @Schema(description = "code of an establishment of type OXYGEN_SUPPLIER", examples = "OXY-01") @NotBlank @Size(max = 40) String supplierCode,
            @Schema(description = "quantity coordinated", examples = "200") @NotNull @PositiveOrZero Long quantity,
            @Schema(description = "M3, KG or CYLINDERS", examples = "CYLINDERS") @NotNull QuantityUnit quantityUnit,
            @Schema(description = "status", examples = "SUPPLIED") @NotNull CoordinationStatus status,
            @Schema(description = "note") @Size(max = 1000) String note) {
    }

    @Schema(description = "A coordination action")
    public record CoordinationView(@Schema(description = "id") UUID id, @Schema(description = "team code") String teamCode,
            @Schema(description = "day") LocalDate date, @Schema(description = "requesting unit") String requestingUnit,
            @Schema(description = "kind of requesting unit") RequestingUnitKind requestingUnitKind,
            @Schema(description = "supplier code") String supplierCode, @Schema(description = "quantity") long quantity,
            @Schema(description = "unit") QuantityUnit quantityUnit, @Schema(description = "status") CoordinationStatus status,
            @Schema(description = "note") String note) {
    }

    private final OxygenService service;

    public OxygenResource(OxygenService service) {
        this.service = service;
    }

    @POST
    @Path("oxygen-capacities")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Report a supplier's daily capacity (explicit unit) and containers on a day; one report per supplier and date (409); the supplier must be an OXYGEN_SUPPLIER (422); publishes oxygen-capacity.reported")
    public Response reportOxygenCapacity(@Valid @NotNull CapacityRequest r) {
        var v = service.reportCapacity(r);
        return Response.created(URI.create("/api/v1/oxygen-capacities/" + v.id())).entity(v).build();
    }

    @GET
    @Path("oxygen-capacities")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Capacity reports by date, filtered by supplier code and date range")
    public PageResult<CapacityView> listOxygenCapacities(@BeanParam @Valid PageParams page, @QueryParam("supplier") String supplier,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.capacities(page, supplier, from, to);
    }

    @GET
    @Path("oxygen-capacities/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Current capacity and containers across suppliers as of a date (default today), with the coordination teams and records by status")
    public CapacityStatistics getOxygenCapacityStatistics(@QueryParam("asOf") LocalDate asOf) {
        return service.statistics(asOf);
    }

    @POST
    @Path("oxygen-coordination-teams")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Register an oxygen coordination team with its decision; publishes oxygen-coordination-team.registered")
    public Response registerOxygenCoordinationTeam(@Valid @NotNull TeamRequest r) {
        var v = service.createTeam(r);
        return Response.created(URI.create("/api/v1/oxygen-coordination-teams/" + v.code())).entity(v).build();
    }

    @GET
    @Path("oxygen-coordination-teams")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Oxygen coordination teams by decision date")
    public PageResult<TeamView> listOxygenCoordinationTeams(@BeanParam @Valid PageParams page) {
        return service.teams(page);
    }

    @POST
    @Path("oxygen-coordinations")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Record a coordination action of a team: requesting unit, supplier (an OXYGEN_SUPPLIER), quantity, status; not before the team's decision; publishes oxygen-coordination.recorded")
    public Response recordOxygenCoordination(@Valid @NotNull CoordinationRequest r) {
        var v = service.recordCoordination(r);
        return Response.created(URI.create("/api/v1/oxygen-coordinations/" + v.id())).entity(v).build();
    }

    @GET
    @Path("oxygen-coordinations")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Coordination records by date, filtered by supplier, team, status and date range")
    public PageResult<CoordinationView> listOxygenCoordinations(@BeanParam @Valid PageParams page, @QueryParam("supplier") String supplier,
            @QueryParam("team") String team, @QueryParam("status") CoordinationStatus status,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.coordinations(page, supplier, team, status, from, to);
    }
}
