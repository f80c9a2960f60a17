package vn.binhduong.sct.member.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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

import vn.binhduong.sct.member.api.CommitteeApi.MemberPositionView;
import vn.binhduong.sct.member.api.MemberApi.AdmitRequest;
import vn.binhduong.sct.member.api.MemberApi.CellTransferRequest;
import vn.binhduong.sct.member.api.MemberApi.ConfirmRequest;
import vn.binhduong.sct.member.api.MemberApi.DeathRequest;
import vn.binhduong.sct.member.api.MemberApi.MemberView;
import vn.binhduong.sct.member.api.MemberApi.RegisterMemberRequest;
import vn.binhduong.sct.member.api.MemberApi.RemovalRequest;
import vn.binhduong.sct.member.api.MemberApi.ReturnRequest;
import vn.binhduong.sct.member.api.MemberApi.SuspensionRequest;
import vn.binhduong.sct.member.api.MemberApi.TransferInRequest;
import vn.binhduong.sct.member.api.MemberApi.TransferOutRequest;
import vn.binhduong.sct.member.api.MemberApi.UpdateMemberRequest;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.MemberStatus;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.PartyOrganization;
import vn.binhduong.sct.member.service.Access;
import vn.binhduong.sct.member.service.CommitteeService;
import vn.binhduong.sct.member.service.MemberService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/members")
@Tag(name = "members", description = "Members (đảng viên) and their lifecycle: admission, confirmation, transfers, removal, death")
public class MemberResource {
    private final MemberService service;
    private final CommitteeService committees;
    private final Access access;

    public MemberResource(MemberService service, CommitteeService committees, Access access) {
        this.service = service;
        this.committees = committees;
        this.access = access;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One member; national ID, date of birth and residence only for admin, party committee and the secretary of the member's cell")
    public MemberView get(@PathParam("id") UUID id) {
        return view(service.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.CELL_SECRETARY })
    @Operation(summary = "Change identity data; 409 on a stale version; publishes member.updated when the religion flag changes")
    public MemberView update(@PathParam("id") UUID id, @Valid @NotNull UpdateMemberRequest request) {
        return view(service.update(id, request));
    }

    @POST
    @Path("{id}/confirmation")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Confirm as official (chuyển đảng chính thức), not before 12 months of probation; publishes member.confirmed")
    public MemberView confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmRequest request) {
        return view(service.confirm(id, request));
    }

    @POST
    @Path("{id}/cell-transfer")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Move to another cell of the organisation; publishes member.transferred")
    public MemberView transferCell(@PathParam("id") UUID id, @Valid @NotNull CellTransferRequest request) {
        return view(service.transferCell(id, request));
    }

    @POST
    @Path("{id}/transfer-out")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Transfer out, permanently (leaves the roll) or for a stay of 3 to 12 months (stays on it); publishes member.transferred-out")
    public MemberView transferOut(@PathParam("id") UUID id, @Valid @NotNull TransferOutRequest request) {
        return view(service.transferOut(id, request));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "A member temporarily transferred out is back in their cell; publishes member.returned")
    public MemberView returnFromTemporaryTransfer(@PathParam("id") UUID id, @Valid @NotNull ReturnRequest request) {
        return view(service.returnFromTemporaryTransfer(id, request));
    }

    @POST
    @Path("{id}/removal")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Remove from the roll (struck off, expelled, resigned, or not confirmed after probation); publishes member.removed")
    public MemberView remove(@PathParam("id") UUID id, @Valid @NotNull RemovalRequest request) {
        return view(service.remove(id, request));
    }

    @POST
    @Path("{id}/death")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Record a member's death; publishes member.deceased")
    public MemberView death(@PathParam("id") UUID id, @Valid @NotNull DeathRequest request) {
        return view(service.death(id, request));
    }

    @POST
    @Path("{id}/suspension")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Suspend party activity for a period; a suspended member is not rated; publishes member.suspended")
    public MemberView suspend(@PathParam("id") UUID id, @Valid @NotNull SuspensionRequest request) {
        return view(service.suspend(id, request));
    }

    @GET
    @Path("{id}/positions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The positions a member holds now, across committees")
    public List<MemberPositionView> positions(@PathParam("id") UUID id) {
        service.member(id);
        return committees.positions(id);
    }


    private Response created(Member m) {
        return Response.created(URI.create("/api/v1/members/" + m.id)).entity(view(m)).build();
    }

    private MemberView view(Member m) {
        PartyCell cell = PartyCell.findById(m.cellId);
        return MemberView.of(m, service.org(m).code, cell.code, access.seesPersonalData(cell));
    }
}
