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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.covid.domain.Establishment;
import vn.binhduong.sct.covid.domain.EstablishmentType;
import vn.binhduong.sct.covid.service.EstablishmentService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/establishments")
@Tag(name = "establishments", description = "Businesses in industrial clusters, markets, supermarkets, convenience stores, shopping centres, oxygen suppliers")
public class EstablishmentResource {
    public record EstablishmentRequest(
            @Schema(description = "mã cơ sở, stable across visits and uploads", examples = "CCN-PC1-DN01") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên cơ sở", examples = "Siêu thị Co.opmart Bình Dương") @NotBlank @Size(max = 300) String name,
            @Schema(description = "loại cơ sở", examples = "MARKET") @NotNull EstablishmentType type,
            @Schema(description = "code of the industrial cluster the business is in (CLUSTER_BUSINESS)", examples = "CCN-PHU-CHANH-1") @Size(max = 40) String clusterCode,
            @Schema(description = "huyện, thị xã, thành phố", examples = "Thuận An") @Size(max = 120) String district) {
    }

    @Schema(description = "An establishment")
    public record EstablishmentView(
            @Schema(description = "internal id") UUID id,
            @Schema(description = "mã cơ sở") String code,
            @Schema(description = "tên cơ sở") String name,
            @Schema(description = "loại cơ sở") EstablishmentType type,
            @Schema(description = "industrial cluster code, if any") String clusterCode,
            @Schema(description = "district") String district,
            @Schema(description = "optimistic-lock version") int version) {
        public static EstablishmentView of(Establishment e) {
            return new EstablishmentView(e.id, e.code, e.name, e.type, e.clusterCode, e.district, e.version);
        }
    }

    private final EstablishmentService service;

    public EstablishmentResource(EstablishmentService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Register an establishment; publishes establishment.registered; 409 if the code exists")
    public Response registerEstablishment(@Valid @NotNull EstablishmentRequest request) {
        EstablishmentView created = EstablishmentView.of(service.create(request));
        return Response.created(URI.create("/api/v1/establishments/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One establishment, by code")
    public EstablishmentView getEstablishment(@PathParam("code") String code) {
        return EstablishmentView.of(service.get(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Establishments by code, one page at a time; filter by type, cluster or district")
    public PageResult<EstablishmentView> listEstablishments(@BeanParam @Valid PageParams page,
            @QueryParam("type") EstablishmentType type, @QueryParam("clusterCode") String clusterCode,
            @QueryParam("district") String district) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (type != null) {
            q.append(" and type = :type");
            p.and("type", type);
        }
        if (clusterCode != null) {
            q.append(" and clusterCode = :cluster");
            p.and("cluster", clusterCode);
        }
        if (district != null) {
            q.append(" and district = :district");
            p.and("district", district);
        }
        var query = Establishment.<Establishment>find(q.toString(), Sort.by("code"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(EstablishmentView::of).toList(), page, query.count());
    }
}
