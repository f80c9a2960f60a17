package vn.binhduong.sct.report.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.service.FigureQuery;

@Path("/api/v1/figures")
@Tag(name = "figures", description = "Every figure the report prints, per organisation and year, under a stable key")
public class FigureResource {
    private final FigureQuery figures;

    public FigureResource(FigureQuery figures) {
        this.figures = figures;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Figures of the projections, filtered by organisation, year and key prefix",
            description = "Ordered by organisation, year and key (the primary key). Year 0 holds current-state figures (cells,"
                    + " committee seats). Two ways to page: by offset (page/size; counts the filtered list on every request and"
                    + " walks the index up to the offset) or by cursor (after/size: after= empty for the first page, then each"
                    + " answer's next; every page is an index range scan from the cursor, as fast deep as first; the total only"
                    + " with total=true). A cursor this list did not give is a 400."
                    + " Strong ETag (SHA-256 of the page's JSON); If-None-Match naming it gives 304.")
    @APIResponse(responseCode = "200", description = "a page of figures (ListPage of FigureView)")
    @APIResponse(responseCode = "304", description = "If-None-Match names the page's ETag")
    @APIResponse(responseCode = "400", description = "invalid filter or cursor", content = @Content(mediaType = "application/problem+json"))
    public Response listFigures(
            @Parameter(description = "organisation code", example = "DB-SCT") @QueryParam("organization")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is an organisation code") String organization,
            @Parameter(description = "year (0 for current-state figures)", example = "2021") @QueryParam("year")
            @Min(value = 0, message = "must be 0 or a year") @Max(value = 2200, message = "must be a year") Integer year,
            @Parameter(description = "key prefix", example = "covid.tests") @QueryParam("key")
            @Pattern(regexp = "[A-Za-z0-9_.-]{1,200}", message = "is a figure key or its prefix") String key,
            @Parameter(description = "cursor mode: the next of the previous page (empty for the first page); not with page > 0")
            @QueryParam("after") String after,
            @Parameter(description = "cursor mode: also count the whole filtered list (offset mode always counts)")
            @QueryParam("total") @DefaultValue("false") boolean total,
            @BeanParam @Valid PageParams page,
            @Parameter(description = "an ETag read before") @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri) {
        if (after == null && uri.getQueryParameters().containsKey("after")) {
            after = ""; // ?after= (empty): the first page by cursor
        }
        ListPage<FigureView> result;
        if (after != null) {
            if (page.page != 0) {
                throw ProblemException.invalid("page", "page and after are two ways to page; give one of them");
            }
            List<FigureView> rows = figures.keyset(organization, year, key, after, page.size + 1);
            result = ListPage.ofCursor(rows, page.size, FigureQuery::cursorOf, total ? figures.count(organization, year, key) : null);
        } else {
            FigureQuery.Page p = figures.page(organization, year, key, page.offset(), page.size);
            result = ListPage.ofOffset(p.items(), page, p.total(), FigureQuery::cursorOf);
        }
        String etag = HttpCaching.jsonTag(result);
        if (HttpCaching.notModified(ifNoneMatch, etag)) {
            return HttpCaching.notModifiedResponse(etag);
        }
        return Response.ok(result).header("ETag", etag).build();
    }
}
