package vn.binhduong.sct.member.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.member.api.OrganizationApi.CellRequest;
import vn.binhduong.sct.member.api.OrganizationApi.CellView;
import vn.binhduong.sct.member.api.OrganizationApi.PartyOrganizationRequest;
import vn.binhduong.sct.member.api.OrganizationApi.PartyOrganizationUpdate;
import vn.binhduong.sct.member.api.OrganizationApi.PartyOrganizationView;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.service.OrganizationService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations")
@Tag(name = "organizations", description = "Party organisations (Đảng bộ) and their cells (Chi bộ)")
public class OrganizationResource {
    private final OrganizationService service;

    public OrganizationResource(OrganizationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Register an organisation; publishes party-organization.registered")
    public Response createOrganization(@Valid @NotNull PartyOrganizationRequest request) {
        PartyOrganizationView created = PartyOrganizationView.of(service.create(request));
        return Response.created(URI.create("/api/v1/organizations/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Change name, superior body or term; 409 on a stale version; publishes party-organization.updated")
    public PartyOrganizationView updateOrganization(@PathParam("code") String code, @Valid @NotNull PartyOrganizationUpdate request) {
        return PartyOrganizationView.of(service.update(code, request));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One organisation, by code")
    public PartyOrganizationView getOrganization(@PathParam("code") String code) {
        return PartyOrganizationView.of(service.get(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "All organisations, by code, one page at a time")
    public PageResult<PartyOrganizationView> listOrganizations(@BeanParam @Valid PageParams page) {
        var query = PartyOrganization.<PartyOrganization>findAll(Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(PartyOrganizationView::of).toList(), page, query.count());
    }

    @POST
    @Path("{code}/cells")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Register a cell; publishes party-cell.registered")
    public Response createCell(@PathParam("code") String code, @Valid @NotNull CellRequest request) {
        CellView created = CellView.of(service.createCell(code, request), code);
        return Response.created(URI.create("/api/v1/organizations/" + code + "/cells/" + created.code())).entity(created).build();
    }

    @GET
    @Path("{code}/cells")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The cells of an organisation, by code")
    public List<CellView> listCells(@PathParam("code") String code) {
        return service.cells(code).stream().map(c -> CellView.of(c, code)).toList();
    }
}
