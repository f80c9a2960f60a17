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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.inspection.domain.InspectionBody;
import vn.binhduong.sct.inspection.service.InspectionBodyService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/bodies")
@Tag(name = "bodies")
public class InspectionBodyResource {
    public record InspectionBodyRequest(
            @Schema(description = "mã cơ quan kiểm tra, e.g. BTV-DUSCT, UBKT-DUSCT, TT-SCT") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên, e.g. Ủy ban kiểm tra Đảng ủy") @NotBlank @Size(max = 300) String name,
            @Schema(description = "mã tổ chức đảng hoặc cơ quan, e.g. DB-SCT") @NotBlank @Size(max = 40) String organization) {
    }

    public record InspectionBodyView(UUID id, String code, String name, String organization, int version) {
        public static InspectionBodyView of(InspectionBody e) {
            return new InspectionBodyView(e.id, e.code, e.name, e.organization, e.version);
        }
    }

    private final InspectionBodyService service;

    public InspectionBodyResource(InspectionBodyService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Register one; publishes inspection-body.registered")
    public Response create(@Valid @NotNull InspectionBodyRequest request) {
        InspectionBodyView created = InspectionBodyView.of(service.create(request));
        return Response.created(URI.create("/api/v1/bodies/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One, by code")
    public InspectionBodyView get(@PathParam("code") String code) {
        return InspectionBodyView.of(service.get(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "All, by code, one page at a time")
    public PageResult<InspectionBodyView> list(@BeanParam @Valid PageParams page) {
        var query = InspectionBody.<InspectionBody>findAll(io.quarkus.panache.common.Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(InspectionBodyView::of).toList(), page, query.count());
    }
}
