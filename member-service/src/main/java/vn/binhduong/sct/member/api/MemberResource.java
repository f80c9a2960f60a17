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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@APIResponse(responseCode = "401", description = "no valid bearer token")
@APIResponse(responseCode = "403", description = "the caller's role may not do this (see role-matrix.csv), or a cell secretary outside their cell")
@APIResponse(responseCode = "404", description = "no such member")
public class MemberResource {
    static final String PATH = "/api/v1/members/{id}";
    private final MemberService service;
    private final CommitteeService committees;
    private final MemberViews views;

    public MemberResource(MemberService service, CommitteeService committees, MemberViews views) {
        this.service = service;
        this.committees = committees;
        this.views = views;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "One member; sensitive personal data (national ID, date of birth, residence, ethnicity, religion) only for admin,"
            + " party committee and the secretary of the member's cell, and recorded in the personal-data access log; a cell secretary"
            + " reads the members of their own cell only (403 otherwise); a viewer and department staff read no member (403)")
    public MemberView getMember(@PathParam("id") UUID id) {
        return views.one(service.get(id), "getMember", "GET " + PATH);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.CELL_SECRETARY })
    @Operation(summary = "Change identity data; 409 on a stale version; publishes member.updated when the religion flag changes")
    @APIResponse(responseCode = "409", description = "stale version")
    public MemberView updateMember(@PathParam("id") UUID id, @Valid @NotNull UpdateMemberRequest request) {
        return views.one(service.update(id, request), "updateMember", "PUT " + PATH);
    }

    @POST
    @Path("{id}/confirmation")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Confirm as official (chuyển đảng chính thức), not before 12 months of probation; publishes member.confirmed")
    @APIResponse(responseCode = "422", description = "probation not over")
    public MemberView confirmMember(@PathParam("id") UUID id, @Valid @NotNull ConfirmRequest request) {
        return views.one(service.confirm(id, request), "confirmMember", "POST " + PATH + "/confirmation");
    }

    @POST
    @Path("{id}/cell-transfer")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Move to another cell of the organisation; publishes member.transferred")
    public MemberView transferMemberToCell(@PathParam("id") UUID id, @Valid @NotNull CellTransferRequest request) {
        return views.one(service.transferCell(id, request), "transferMemberToCell", "POST " + PATH + "/cell-transfer");
    }

    @POST
    @Path("{id}/transfer-out")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Transfer out, permanently (leaves the roll) or for a stay of 3 to 12 months (stays on it); publishes member.transferred-out")
    public MemberView transferMemberOut(@PathParam("id") UUID id, @Valid @NotNull TransferOutRequest request) {
        return views.one(service.transferOut(id, request), "transferMemberOut", "POST " + PATH + "/transfer-out");
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "A member temporarily transferred out is back in their cell; publishes member.returned")
    public MemberView returnFromTemporaryTransfer(@PathParam("id") UUID id, @Valid @NotNull ReturnRequest request) {
        return views.one(service.returnFromTemporaryTransfer(id, request), "returnFromTemporaryTransfer", "POST " + PATH + "/return");
    }

    @POST
    @Path("{id}/removal")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Remove from the roll (struck off, expelled, resigned, or not confirmed after probation); publishes member.removed")
    public MemberView removeMember(@PathParam("id") UUID id, @Valid @NotNull RemovalRequest request) {
        return views.one(service.remove(id, request), "removeMember", "POST " + PATH + "/removal");
    }

    @POST
    @Path("{id}/death")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Record a member's death; publishes member.deceased")
    public MemberView recordMemberDeath(@PathParam("id") UUID id, @Valid @NotNull DeathRequest request) {
        return views.one(service.death(id, request), "recordMemberDeath", "POST " + PATH + "/death");
    }

    @POST
    @Path("{id}/suspension")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Suspend party activity for a period; a suspended member is not rated; publishes member.suspended")
    public MemberView suspendMember(@PathParam("id") UUID id, @Valid @NotNull SuspensionRequest request) {
        return views.one(service.suspend(id, request), "suspendMember", "POST " + PATH + "/suspension");
    }

    @GET
    @Path("{id}/positions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "The positions a member holds now, across committees; a cell secretary reads those of their own cell's members only (403 otherwise)")
    public List<MemberPositionView> listMemberPositions(@PathParam("id") UUID id) {
        service.get(id);
        return committees.positions(id);
    }
}
