package vn.binhduong.sct.member.api;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.api.EvaluationApi.YearView;
import vn.binhduong.sct.member.service.EvaluationService;
import vn.binhduong.sct.member.service.StatisticsService;
import vn.binhduong.sct.member.service.StatisticsService.Changes;
import vn.binhduong.sct.member.service.StatisticsService.MembersAt;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations/{org}/statistics")
@Tag(name = "statistics", description = "Aggregates for the annual report and dashboards; no personal data")
@RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
public class StatisticsResource {
    private final StatisticsService statistics;
    private final EvaluationService evaluations;

    public StatisticsResource(StatisticsService statistics, EvaluationService evaluations) {
        this.statistics = statistics;
        this.evaluations = evaluations;
    }

    @GET
    @Path("members")
    @Operation(summary = "Members by status and by cell at a date (the official roll; temporary attendees counted apart), and how many follow a religion")
    public MembersAt memberStatistics(@PathParam("org") String org,
            @Parameter(description = "the date, e.g. 2021-12-31", required = true) @QueryParam("date") @NotNull LocalDate date) {
        return statistics.membersAt(org, date);
    }

    @GET
    @Path("changes")
    @Operation(summary = "Changes over a period, by kind: registered, admitted, confirmed, transferred between cells, transferred out and in, removed, deceased")
    public Changes changeStatistics(@PathParam("org") String org,
            @Parameter(description = "first day", required = true) @QueryParam("from") @NotNull LocalDate from,
            @Parameter(description = "last day", required = true) @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "the period ends (" + to + ") before it starts (" + from + ")");
        }
        return statistics.changes(org, from, to);
    }

    @GET
    @Path("ratings")
    @Operation(summary = "Rating distribution of a year: members and cells by rating, the quota, the organisation's self-rating")
    public YearView ratingStatistics(@PathParam("org") String org,
            @Parameter(description = "year", required = true) @QueryParam("year") @NotNull Integer year) {
        return evaluations.view(org, year);
    }
}
