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

@Path("/api/v1/committees")
@Tag(name = "committees", description = "Executive, standing and inspection committees, their seats and positions")
public class CommitteeResource {
    private final CommitteeService service;

    public CommitteeResource(CommitteeService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "One committee with its seats (member names and positions: not for a viewer or department staff, 403); a cell secretary reads the committees of their own organisation only (404 otherwise)")
    public CommitteeView getCommittee(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @POST
    @Path("{id}/seats")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Seat a member with a position (one seat per member per committee; positions in several committees allowed); publishes committee.seat-assigned")
    public Response assignCommitteeSeat(@PathParam("id") UUID id, @Valid @NotNull SeatRequest request) {
        service.assign(id, request);
        return Response.status(201).entity(service.view(id)).build();
    }

    @POST
    @Path("{id}/seats/{seatId}/vacancy")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "A member leaves a seat; publishes committee.seat-vacated")
    public CommitteeView vacateCommitteeSeat(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId, @Valid @NotNull VacateRequest request) {
        service.vacate(id, seatId, request.until());
        return service.view(id);
    }
}
