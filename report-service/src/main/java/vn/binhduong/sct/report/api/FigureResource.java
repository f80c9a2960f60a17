package vn.binhduong.sct.report.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
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
            description = "Ordered by organisation, year and key. Year 0 holds current-state figures (cells, committee seats)."
                    + " Strong ETag (SHA-256 of the page's JSON); If-None-Match naming it gives 304.")
    @APIResponse(responseCode = "200", description = "a page of figures (PageResult of FigureView)")
    @APIResponse(responseCode = "304", description = "If-None-Match names the page's ETag")
    @APIResponse(responseCode = "400", description = "invalid filter", content = @Content(mediaType = "application/problem+json"))
    public Response listFigures(
            @Parameter(description = "organisation code", example = "DB-SCT") @QueryParam("organization")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "is an organisation code") String organization,
            @Parameter(description = "year (0 for current-state figures)", example = "2021") @QueryParam("year")
            @Min(value = 0, message = "must be 0 or a year") @Max(value = 2200, message = "must be a year") Integer year,
            @Parameter(description = "key prefix", example = "covid.tests") @QueryParam("key")
            @Pattern(regexp = "[A-Za-z0-9_.-]{1,200}", message = "is a figure key or its prefix") String key,
            @BeanParam @Valid PageParams page,
            @Parameter(description = "an ETag read before") @HeaderParam("If-None-Match") String ifNoneMatch) {
        FigureQuery.Page p = figures.page(organization, year, key, page.offset(), page.size);
        PageResult<FigureView> result = PageResult.of(p.items(), page, p.total());
        String etag = HttpCaching.jsonTag(result);
        if (HttpCaching.notModified(ifNoneMatch, etag)) {
            return HttpCaching.notModifiedResponse(etag);
        }
        return Response.ok(result).header("ETag", etag).build();
    }
}
