package vn.binhduong.sct.member.api;

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

import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.service.PartyOrganizationService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations")
@Tag(name = "organizations")
public class PartyOrganizationResource {
    public record PartyOrganizationRequest(
            @Schema(description = "mã tổ chức đảng, e.g. DB-SCT") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and dashes") String code,
            @Schema(description = "tên, e.g. Đảng bộ Sở Công Thương") @NotBlank @Size(max = 300) String name,
            @Schema(description = "cấp ủy cấp trên") @Size(max = 300) String superiorBody) {
    }

    public record PartyOrganizationView(UUID id, String code, String name, String superiorBody, int version) {
        public static PartyOrganizationView of(PartyOrganization e) {
            return new PartyOrganizationView(e.id, e.code, e.name, e.superiorBody, e.version);
        }
    }

    private final PartyOrganizationService service;

    public PartyOrganizationResource(PartyOrganizationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Register one; publishes party-organization.registered")
    public Response create(@Valid @NotNull PartyOrganizationRequest request) {
        PartyOrganizationView created = PartyOrganizationView.of(service.create(request));
        return Response.created(URI.create("/api/v1/organizations/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One, by code")
    public PartyOrganizationView get(@PathParam("code") String code) {
        return PartyOrganizationView.of(service.get(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "All, by code, one page at a time")
    public PageResult<PartyOrganizationView> list(@BeanParam @Valid PageParams page) {
        var query = PartyOrganization.<PartyOrganization>findAll(io.quarkus.panache.common.Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(PartyOrganizationView::of).toList(), page, query.count());
    }
}
