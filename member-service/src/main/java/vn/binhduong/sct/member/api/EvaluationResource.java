package vn.binhduong.sct.member.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.api.EvaluationApi.CellRatingRequest;
import vn.binhduong.sct.member.api.EvaluationApi.CellRatingView;
import vn.binhduong.sct.member.api.EvaluationApi.MemberRatingPage;
import vn.binhduong.sct.member.api.EvaluationApi.MemberRatingView;
import vn.binhduong.sct.member.api.EvaluationApi.MemberRatingsRequest;
import vn.binhduong.sct.member.api.EvaluationApi.OpenYearRequest;
import vn.binhduong.sct.member.api.EvaluationApi.RatingRequest;
import vn.binhduong.sct.member.api.EvaluationApi.ReopenRequest;
import vn.binhduong.sct.member.api.EvaluationApi.YearView;
import vn.binhduong.sct.member.domain.EvaluationYear;
import vn.binhduong.sct.member.domain.Rating;
import vn.binhduong.sct.member.service.EvaluationService;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations/{org}/evaluations")
@Tag(name = "evaluations", description = "Annual evaluation (đánh giá, xếp loại) of members, cells and the organisation")
public class EvaluationResource {
    private final EvaluationService service;

    public EvaluationResource(EvaluationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Open a year's evaluation under the rule set in force for it; publishes evaluation.year-opened")
    public Response openEvaluationYear(@PathParam("org") String org, @Valid @NotNull OpenYearRequest request) {
        EvaluationYear y = service.open(org, request);
        return Response.created(URI.create("/api/v1/organizations/" + org + "/evaluations/" + y.year)).entity(service.view(org, y.year)).build();
    }

    @GET
    @Path("{year}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "A year's evaluation: status, counts by rating, cells, self-rating, audit trail")
    public YearView getEvaluationYear(@PathParam("org") String org, @PathParam("year") int year) {
        return service.view(org, year);
    }

    @POST
    @Path("{year}/member-ratings")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.CELL_SECRETARY })
    @Operation(summary = "Rate members (a repeat replaces); refuses members not on the roll, admitted less than 6 months before, or suspended; 409 when the year is locked; publishes evaluation.member-rated per member")
    public List<MemberRatingView> rateMembers(@PathParam("org") String org, @PathParam("year") int year,
            @Valid @NotNull MemberRatingsRequest request) {
        return service.rateMembers(org, year, request);
    }

    @GET
    @Path("{year}/member-ratings")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "Members' ratings in (cell, member) order, filtered by cell and rating; a cell secretary sees their own cell's only."
            + " Without after and size: the whole list as an array (kept for existing clients; large for a large organisation)."
            + " With after (empty for the first page) or size: one page by cursor, {items, size, next, total}: an index range scan"
            + " from the cursor however deep, the total only with total=true")
    @APIResponse(responseCode = "200", description = "an array of ratings, or one page of them when after or size is given",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = { MemberRatingView[].class, MemberRatingPage.class })))
    @APIResponse(responseCode = "400", description = "bad parameter or cursor (problem+json)")
    @APIResponse(responseCode = "403", description = "not for a viewer or department staff")
    @APIResponse(responseCode = "404", description = "no such organisation or evaluation year")
    public Response listMemberRatings(@PathParam("org") String org, @PathParam("year") int year,
            @Parameter(description = "cell code") @QueryParam("cell") String cell, @Parameter(description = "rating") @QueryParam("rating") Rating rating,
            @Parameter(description = "cursor: the next of the previous page, empty for the first page") @QueryParam("after") String after,
            @Parameter(description = "page size, 1 to 500 (50 when after is given without it)") @QueryParam("size") @Min(value = 1, message = "must be at least 1")
            @Max(value = 500, message = "must be at most 500") Integer size,
            @Parameter(description = "with a page: also count the filtered list") @QueryParam("total") @DefaultValue("false") boolean total,
            @Context UriInfo uri) {
        if (after == null && uri.getQueryParameters().containsKey("after")) {
            after = ""; // ?after= (empty): the first page by cursor
        }
        if (after == null && size == null) {
            return Response.ok(service.memberRatings(org, year, cell, rating)).build();
        }
        var page = service.memberRatingsPage(org, year, cell, rating, after, size == null ? 50 : size, total);
        return Response.ok(new MemberRatingPage(page.items(), page.size(), page.next(), page.total())).build();
    }

    @POST
    @Path("{year}/cell-ratings")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Rate a cell (a repeat replaces); publishes evaluation.cell-rated")
    public CellRatingView rateCell(@PathParam("org") String org, @PathParam("year") int year, @Valid @NotNull CellRatingRequest request) {
        return service.rateCell(org, year, request.cellCode(), request.rating());
    }

    @POST
    @Path("{year}/organization-rating")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "The organisation's self-rating; publishes evaluation.organization-self-rated")
    public YearView rateOrganization(@PathParam("org") String org, @PathParam("year") int year, @Valid @NotNull RatingRequest request) {
        service.rateOrganization(org, year, request.rating());
        return service.view(org, year);
    }

    @POST
    @Path("{year}/finalization")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Finalise and lock the year: every member to be rated is rated and the excellent quota holds (2021: at most 20% of good-or-better), else 422 naming the numbers; publishes evaluation.year-finalized with the counts")
    public YearView finalizeYear(@PathParam("org") String org, @PathParam("year") int year) {
        return service.finalizeYear(org, year);
    }

    @POST
    @Path("{year}/reopening")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Reopen a finalised year, with a reason kept in the audit trail; publishes evaluation.year-reopened")
    public YearView reopenEvaluationYear(@PathParam("org") String org, @PathParam("year") int year, @Valid @NotNull ReopenRequest request) {
        return service.reopen(org, year, request.reason());
    }
}
