package vn.binhduong.sct.inspection.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.inspection.api.ComplianceApi.ComplianceStatistics;
import vn.binhduong.sct.inspection.api.ComplianceApi.CoverageRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.CoverageView;
import vn.binhduong.sct.inspection.api.ComplianceApi.TeamRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.TeamView;
import vn.binhduong.sct.inspection.api.ComplianceApi.VisitRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.VisitView;
import vn.binhduong.sct.inspection.domain.ComplianceCoverageReport;
import vn.binhduong.sct.inspection.domain.ComplianceScope;
import vn.binhduong.sct.inspection.domain.ComplianceTeam;
import vn.binhduong.sct.inspection.service.ComplianceService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/compliance")
@Tag(name = "COVID-19 compliance inspections", description = "Đoàn / tổ kiểm tra công tác phòng chống dịch tại doanh nghiệp trong CCN, chợ, siêu thị, cửa hàng tiện lợi")
public class ComplianceResource {
    private final ComplianceService service;

    public ComplianceResource(ComplianceService service) {
        this.service = service;
    }

    @POST
    @Path("teams")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Form a team; publishes compliance-team.formed")
    public Response formTeam(@Valid @NotNull TeamRequest request) {
        ComplianceTeam t = service.formTeam(request);
        return Response.created(URI.create("/api/v1/compliance/teams?code=" + t.code)).entity(TeamView.of(t)).build();
    }

    @GET
    @Path("teams")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Teams filtered by year and scope")
    public PageResult<TeamView> teams(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "phạm vi") @QueryParam("scope") ComplianceScope scope, @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("scope = :scope", "scope", scope);
        var query = ComplianceTeam.<ComplianceTeam>find(f.query(), Sort.by("code"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(TeamView::of).toList(), page, query.count());
    }

    @POST
    @Path("visits")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record a visit to an establishment (by stable code); publishes compliance-visit.recorded",
            description = "Repeat visits to the same establishment count it once in the statistics.")
    public Response recordVisit(@Valid @NotNull VisitRequest request) {
        return Response.status(201).entity(service.recordVisit(request)).build();
    }

    @POST
    @Path("coverage-reports")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record a count of establishments as a report states it, with its source sentence; publishes compliance-coverage.reported",
            description = "Two statements of the same count with different numbers are both kept and flagged by the statistics.")
    public Response report(@Valid @NotNull CoverageRequest request) {
        return Response.status(201).entity(CoverageView.of(service.report(request))).build();
    }

    @GET
    @Path("coverage-reports")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Reported counts filtered by year and scope")
    public PageResult<CoverageView> reports(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "phạm vi") @QueryParam("scope") ComplianceScope scope, @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("scope = :scope", "scope", scope);
        var query = ComplianceCoverageReport.<ComplianceCoverageReport>find(f.query(), Sort.by("year").and("source").and("id"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(CoverageView::of).toList(), page, query.count());
    }

    @GET
    @Path("statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "A year's teams, establishments visited (each once) and visits by type, the reported counts, and their disagreements")
    public ComplianceStatistics statistics(@Parameter(description = "năm", required = true) @QueryParam("year") @NotNull Integer year) {
        return service.statistics(year);
    }
}
