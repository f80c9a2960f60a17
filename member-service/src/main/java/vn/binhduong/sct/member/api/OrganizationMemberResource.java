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

@Path("/api/v1/organizations/{org}/members")
@Tag(name = "members", description = "Members (đảng viên) and their lifecycle: admission, confirmation, transfers, removal, death")
public class OrganizationMemberResource {
    private final MemberService service;
    private final CommitteeService committees;
    private final Access access;

    public OrganizationMemberResource(MemberService service, CommitteeService committees, Access access) {
        this.service = service;
        this.committees = committees;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Register a member already in the organisation when the registry starts; publishes member.registered")
    public Response register(@PathParam("org") String org, @Valid @NotNull RegisterMemberRequest request) {
        return created(service.register(org, request));
    }

    @POST
    @Path("admissions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Admit a new probationary member (kết nạp); publishes member.admitted")
    public Response admit(@PathParam("org") String org, @Valid @NotNull AdmitRequest request) {
        return created(service.admit(org, request));
    }

    @POST
    @Path("transfers-in")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Receive a member from another organisation, permanently or for a stay of 3 to 12 months; publishes member.transferred-in")
    public Response transferIn(@PathParam("org") String org, @Valid @NotNull TransferInRequest request) {
        return created(service.transferIn(org, request));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Members by name, filtered by cell, status and name; a cell secretary sees their own cell only")
    public PageResult<MemberView> list(@PathParam("org") String org,
            @Parameter(description = "cell code") @QueryParam("cell") String cell,
            @Parameter(description = "status") @QueryParam("status") MemberStatus status,
            @Parameter(description = "part of the name") @QueryParam("name") String name,
            @BeanParam @Valid PageParams page) {
        MemberService.MemberPage result = service.list(org, cell, status, name, page.toPage());
        PartyOrganization o = PartyOrganization.byCode(org).orElseThrow();
        // Only the cells of this page (at most one per member listed), not every cell of the organisation.
        java.util.Map<UUID, PartyCell> cells = new java.util.HashMap<>();
        List<UUID> cellIds = result.items().stream().map(m -> m.cellId).distinct().toList();
        if (!cellIds.isEmpty()) {
            PartyCell.<PartyCell>list("id in ?1", cellIds).forEach(c -> cells.put(c.id, c));
        }
        List<MemberView> items = result.items().stream().map(m -> {
            PartyCell c = cells.get(m.cellId);
            return MemberView.of(m, o.code, c.code, access.seesPersonalData(c));
        }).toList();
        return PageResult.of(items, page, result.total());
    }

    private Response created(Member m) {
        return Response.created(URI.create("/api/v1/members/" + m.id)).entity(view(m)).build();
    }

    private MemberView view(Member m) {
        PartyCell cell = PartyCell.findById(m.cellId);
        return MemberView.of(m, service.org(m).code, cell.code, access.seesPersonalData(cell));
    }
}
