package vn.binhduong.sct.indicator.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorRequest;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorSetRequest;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorSetView;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorView;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorSet;
import vn.binhduong.sct.indicator.service.CatalogueService;
import vn.binhduong.sct.indicator.service.Preconditions;
import vn.binhduong.sct.platform.problem.Problem;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "catalogue", description = "Indicators, derived indicators and indicator sets")
public class IndicatorResource {
    static final String[] READERS = { Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE,
            Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION };

    private final CatalogueService service;

    public IndicatorResource(CatalogueService service) {
        this.service = service;
    }

    @POST
    @Path("indicators")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Define an indicator; a formula makes it derived (parsed, inputs must exist, no cycles); publishes indicator.defined")
    public Response createIndicator(@Valid @NotNull IndicatorRequest request) {
        IndicatorView created = IndicatorView.of(service.create(request));
        return Response.created(URI.create("/api/v1/indicators/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("indicators/{code}")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Change an indicator (with the version read, in the body or as If-Match: the ETag of the GET); "
            + "a changed formula is checked for cycles again")
    @APIResponse(responseCode = "200", description = "changed; ETag is the new version")
    @APIResponse(responseCode = "400", description = "invalid fields, one entry each, or neither version nor If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such indicator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the body's version is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<IndicatorView> updateIndicator(@PathParam("code") String code, @Valid @NotNull IndicatorRequest request,
            @Parameter(description = "the ETag of the indicator read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        IndicatorView view = IndicatorView.of(service.update(code, request, Preconditions.ifMatch(ifMatch)));
        return Etags.ok(view, view.version(), null);
    }

    @GET
    @Path("indicators/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One indicator, by code; its ETag is its version (If-None-Match on it gives 304)")
    @APIResponse(responseCode = "200", description = "the indicator, with ETag")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "no such indicator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<IndicatorView> getIndicator(@PathParam("code") String code,
            @Parameter(description = "an ETag read before") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        IndicatorView view = IndicatorView.of(service.get(code));
        return Etags.ok(view, view.version(), ifNoneMatch);
    }

    @GET
    @Path("indicators")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The catalogue by code, one page at a time, filtered by owner division or derived-ness")
    public PageResult<IndicatorView> listIndicators(@BeanParam @Valid PageParams page,
            @Parameter(description = "owner division, exact") @QueryParam("ownerDivision") String ownerDivision,
            @Parameter(description = "only derived (true) or only typed (false)") @QueryParam("derived") Boolean derived) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (ownerDivision != null) {
            q.append(" and ownerDivision = :division");
            p.and("division", ownerDivision);
        }
        if (derived != null) {
            q.append(derived ? " and formula is not null" : " and formula is null");
        }
        var query = Indicator.<Indicator>find(q.toString(), Sort.by("code"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(IndicatorView::of).toList(), page,
                query.count());
    }

    @POST
    @Path("indicator-sets")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Define a set of indicators reported together (e.g. the main targets)")
    public Response createIndicatorSet(@Valid @NotNull IndicatorSetRequest request) {
        IndicatorSetView created = IndicatorSetView.of(service.createSet(request));
        return Response.created(URI.create("/api/v1/indicator-sets/" + created.code())).entity(created).build();
    }

    @GET
    @Path("indicator-sets/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One indicator set; its ETag is its version (If-None-Match on it gives 304)")
    public RestResponse<IndicatorSetView> getIndicatorSet(@PathParam("code") String code,
            @Parameter(description = "an ETag read before") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        IndicatorSetView view = IndicatorSetView.of(service.getSet(code));
        return Etags.ok(view, view.version(), ifNoneMatch);
    }

    @GET
    @Path("indicator-sets")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Indicator sets by code")
    public PageResult<IndicatorSetView> listIndicatorSets(@BeanParam @Valid PageParams page) {
        var query = IndicatorSet.<IndicatorSet>findAll(Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(IndicatorSetView::of).toList(), page,
                query.count());
    }
}
