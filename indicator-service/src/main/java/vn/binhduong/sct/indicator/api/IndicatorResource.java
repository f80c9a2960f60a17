package vn.binhduong.sct.indicator.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorRequest;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorSetRequest;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorSetView;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorView;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorSet;
import vn.binhduong.sct.indicator.service.CatalogueService;
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
    public Response create(@Valid @NotNull IndicatorRequest request) {
        IndicatorView created = IndicatorView.of(service.create(request));
        return Response.created(URI.create("/api/v1/indicators/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("indicators/{code}")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Change an indicator (with the version read); a changed formula is checked for cycles again")
    public IndicatorView update(@PathParam("code") String code, @Valid @NotNull IndicatorRequest request) {
        return IndicatorView.of(service.update(code, request));
    }

    @GET
    @Path("indicators/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One indicator, by code")
    public IndicatorView get(@PathParam("code") String code) {
        return IndicatorView.of(service.get(code));
    }

    @GET
    @Path("indicators")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The catalogue by code, one page at a time, filtered by owner division or derived-ness")
    public PageResult<IndicatorView> list(@BeanParam @Valid PageParams page,
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
    public Response createSet(@Valid @NotNull IndicatorSetRequest request) {
        IndicatorSetView created = IndicatorSetView.of(service.createSet(request));
        return Response.created(URI.create("/api/v1/indicator-sets/" + created.code())).entity(created).build();
    }

    @GET
    @Path("indicator-sets/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One indicator set")
    public IndicatorSetView getSet(@PathParam("code") String code) {
        return IndicatorSetView.of(service.getSet(code));
    }

    @GET
    @Path("indicator-sets")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Indicator sets by code")
    public PageResult<IndicatorSetView> listSets(@BeanParam @Valid PageParams page) {
        var query = IndicatorSet.<IndicatorSet>findAll(Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(IndicatorSetView::of).toList(), page,
                query.count());
    }
}
