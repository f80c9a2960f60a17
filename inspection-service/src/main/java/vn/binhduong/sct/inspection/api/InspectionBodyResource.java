package vn.binhduong.sct.inspection.api;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import vn.binhduong.sct.inspection.domain.InspectionBody;
import vn.binhduong.sct.inspection.service.InspectionBodyService;
import vn.binhduong.sct.inspection.service.Versions;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/bodies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bodies", description = "Cơ quan ban hành chương trình kiểm tra, giám sát (Ban Thường vụ, Ủy ban kiểm tra)")
public class InspectionBodyResource {
    public record InspectionBodyRequest(
            @Schema(description = "mã cơ quan kiểm tra, e.g. BTV-DUSCT, UBKT-DUSCT, TT-SCT") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên, e.g. Ủy ban kiểm tra Đảng ủy") @NotBlank @Size(max = 300) String name,
            @Schema(description = "mã tổ chức đảng hoặc cơ quan, e.g. DB-SCT") @NotBlank @Size(max = 40) String organization) {
    }

    @Schema(description = "Cơ quan kiểm tra")
    public record InspectionBodyView(@Schema(description = "id") UUID id, @Schema(description = "mã") String code,
            @Schema(description = "tên") String name, @Schema(description = "mã tổ chức đảng") String organization,
            @Schema(description = "phiên bản") int version) {
        public static InspectionBodyView of(InspectionBody e) {
            return new InspectionBodyView(e.id, e.code, e.name, e.organization, e.version);
        }
    }

    private final InspectionBodyService service;

    public InspectionBodyResource(InspectionBodyService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "Register a body that issues party inspection programmes; publishes inspection-body.registered")
    public Response registerInspectionBody(@Valid @NotNull InspectionBodyRequest request) {
        InspectionBodyView created = InspectionBodyView.of(service.create(request));
        return Response.created(URI.create("/api/v1/bodies/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "One, by code; ETag = its version")
    public RestResponse<InspectionBodyView> getInspectionBody(@PathParam("code") String code) {
        InspectionBody b = service.get(code);
        return RestResponse.ResponseBuilder.ok(InspectionBodyView.of(b)).header("ETag", Versions.etag(b.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "All, by code, one page at a time")
    public PageResult<InspectionBodyView> listInspectionBodies(@BeanParam @Valid PageParams page) {
        var query = InspectionBody.<InspectionBody>findAll(io.quarkus.panache.common.Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(InspectionBodyView::of).toList(), page, query.count());
    }
}
