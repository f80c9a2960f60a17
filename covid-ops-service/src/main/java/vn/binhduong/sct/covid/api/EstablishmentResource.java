package vn.binhduong.sct.covid.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.covid.domain.Establishment;
import vn.binhduong.sct.covid.service.EstablishmentService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/establishments")
@Tag(name = "establishments")
public class EstablishmentResource {
    public record EstablishmentRequest(
            @Schema(description = "mã cơ sở, stable across visits") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên cơ sở") @NotBlank @Size(max = 300) String name,
            @Schema(description = "loại: CLUSTER_BUSINESS, MARKET, SUPERMARKET, CONVENIENCE_STORE, SHOPPING_CENTRE, OXYGEN_SUPPLIER") @NotBlank @Size(max = 40) String type) {
    }

    public record EstablishmentView(UUID id, String code, String name, String type, int version) {
        public static EstablishmentView of(Establishment e) {
            return new EstablishmentView(e.id, e.code, e.name, e.type, e.version);
        }
    }

    private final EstablishmentService service;

    public EstablishmentResource(EstablishmentService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Register one; publishes establishment.registered")
    public Response create(@Valid @NotNull EstablishmentRequest request) {
        EstablishmentView created = EstablishmentView.of(service.create(request));
        return Response.created(URI.create("/api/v1/establishments/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One, by code")
    public EstablishmentView get(@PathParam("code") String code) {
        return EstablishmentView.of(service.get(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "All, by code, one page at a time")
    public PageResult<EstablishmentView> list(@BeanParam @Valid PageParams page) {
        var query = Establishment.<Establishment>findAll(io.quarkus.panache.common.Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(EstablishmentView::of).toList(), page, query.count());
    }
}
