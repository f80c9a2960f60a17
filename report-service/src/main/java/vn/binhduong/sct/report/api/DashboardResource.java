package vn.binhduong.sct.report.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.report.domain.Dashboard;
import vn.binhduong.sct.report.service.DashboardService;

@Path("/api/v1/dashboards/{organization}")
@Tag(name = "dashboards", description = "Internal dashboards: the report's figures as grouped tiles and as series across years"
        + " (aggregates only, no personal data)")
public class DashboardResource {
    private final DashboardService dashboards;

    public DashboardResource(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Path("{year: \\d{4}}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER })
    @Operation(summary = "The dashboard of one organisation and year",
            description = "Tiles grouped as membership, evaluation (with the excellent quota share), party-inspection (plan"
                    + " completion, postponed items), covid (tests, positive rate, vaccination, permits by kind, oxygen when"
                    + " present), indicators (against plan: met or not, and the gap) and data-quality (the annex rows of the"
                    + " report). Each tile names the figure key it is read from (GET /api/v1/figures). Figures of related"
                    + " organisations are included as in the report (sct.report.related-organizations).")
    @APIResponse(responseCode = "200", description = "the dashboard")
    @APIResponse(responseCode = "404", description = "no figure of that organisation for that year")
    public Dashboard getDashboard(
            @Parameter(description = "organisation code", example = "DB-SCT") @PathParam("organization")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is an organisation code") String organization,
            @Parameter(description = "year", example = "2021") @PathParam("year")
            @Min(value = 2000, message = "must be 2000 or later") @Max(value = 2200, message = "must be a year") int year) {
        return dashboards.dashboard(organization, year);
    }

    @GET
    @Path("series")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER })
    @Operation(summary = "One figure across years, for a chart",
            description = "One point per year from..to (a year without the figure has a null value). Without from and to, the"
                    + " years the figure exists in (at most the latest 50). 400 when from is after to or the range exceeds"
                    + " 50 years; 404 when the organisation has no figures at all.")
    @APIResponse(responseCode = "200", description = "the series")
    @APIResponse(responseCode = "400", description = "missing key, a bad year or a bad range")
    @APIResponse(responseCode = "404", description = "no figure of that organisation")
    public Dashboard.Series getDashboardSeries(
            @Parameter(description = "organisation code", example = "DB-SCT") @PathParam("organization")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is an organisation code") String organization,
            @Parameter(description = "figure key", example = "indicator.IIP.growth", required = true) @QueryParam("key")
            @NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9_.-]{1,200}", message = "is a figure key") String key,
            @Parameter(description = "first year", example = "2019") @QueryParam("from")
            @Min(value = 2000, message = "must be 2000 or later") @Max(value = 2200, message = "must be a year") Integer from,
            @Parameter(description = "last year", example = "2021") @QueryParam("to")
            @Min(value = 2000, message = "must be 2000 or later") @Max(value = 2200, message = "must be a year") Integer to) {
        return dashboards.series(organization, key, from, to);
    }
}
