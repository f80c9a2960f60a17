package vn.binhduong.sct.indicator.api;

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

import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.service.IndicatorService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/indicators")
@Tag(name = "indicators")
public class IndicatorResource {
    public record IndicatorRequest(
            @Schema(description = "mã chỉ tiêu, e.g. IIP") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_.-]+", message = "upper-case letters, digits, dots, dashes and underscores") String code,
            @Schema(description = "tên chỉ tiêu, e.g. Chỉ số sản xuất công nghiệp") @NotBlank @Size(max = 300) String name,
            @Schema(description = "đơn vị: PERCENT, VND, USD, KWH, COUNT") @NotBlank @Size(max = 40) String unit) {
    }

    public record IndicatorView(UUID id, String code, String name, String unit, int version) {
        public static IndicatorView of(Indicator e) {
            return new IndicatorView(e.id, e.code, e.name, e.unit, e.version);
        }
    }

    private final IndicatorService service;

    public IndicatorResource(IndicatorService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Register one; publishes indicator.defined")
    public Response create(@Valid @NotNull IndicatorRequest request) {
        IndicatorView created = IndicatorView.of(service.create(request));
        return Response.created(URI.create("/api/v1/indicators/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One, by code")
    public IndicatorView get(@PathParam("code") String code) {
        return IndicatorView.of(service.get(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "All, by code, one page at a time")
    public PageResult<IndicatorView> list(@BeanParam @Valid PageParams page) {
        var query = Indicator.<Indicator>findAll(io.quarkus.panache.common.Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(IndicatorView::of).toList(), page, query.count());
    }
}
