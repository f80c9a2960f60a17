package vn.binhduong.sct.member.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.api.CommitteeApi.CommitteeRequest;
import vn.binhduong.sct.member.api.CommitteeApi.CommitteeView;
import vn.binhduong.sct.member.api.CommitteeApi.SeatRequest;
import vn.binhduong.sct.member.api.CommitteeApi.VacateRequest;
import vn.binhduong.sct.member.domain.Committee;
import vn.binhduong.sct.member.service.CommitteeService;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations/{org}/committees")
@Tag(name = "committees", description = "Executive, standing and inspection committees, their seats and positions")
public class OrganizationCommitteeResource {
    private final CommitteeService service;

    public OrganizationCommitteeResource(CommitteeService service) {
        this.service = service;
    }

    @POST
        @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Form a committee for a term with its number of seats; publishes committee.formed")
    public Response formCommittee(@PathParam("org") String org, @Valid @NotNull CommitteeRequest request) {
        Committee c = service.form(org, request);
        return Response.created(URI.create("/api/v1/committees/" + c.id)).entity(service.view(c.id)).build();
    }

    @GET
        @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "The organisation's committees with their current seats (member names and positions: not for a viewer or department staff, 403); a cell secretary reads those of their own organisation only")
    public List<CommitteeView> listCommittees(@PathParam("org") String org) {
        return service.list(org);
    }
}
