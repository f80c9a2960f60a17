package vn.binhduong.sct.member.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.api.CommitteeApi.MemberPositionView;
import vn.binhduong.sct.member.api.MemberApi.AdmitRequest;
import vn.binhduong.sct.member.api.MemberApi.CellTransferRequest;
import vn.binhduong.sct.member.api.MemberApi.ConfirmRequest;
import vn.binhduong.sct.member.api.MemberApi.DeathRequest;
import vn.binhduong.sct.member.api.MemberApi.MemberListPage;
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
import vn.binhduong.sct.member.service.MemberPages;
import vn.binhduong.sct.member.service.MemberService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations/{org}/members")
@Tag(name = "members", description = "Members (đảng viên) and their lifecycle: admission, confirmation, transfers, removal, death")
@APIResponse(responseCode = "400", description = "bad parameter or body (problem+json)")
@APIResponse(responseCode = "401", description = "no valid bearer token")
@APIResponse(responseCode = "403", description = "the caller's role may not do this (see role-matrix.csv), or a cell secretary outside their cell")
@APIResponse(responseCode = "404", description = "no such organisation or cell")
public class OrganizationMemberResource {
    static final String PATH = "/api/v1/organizations/{org}/members";
    private final MemberService service;
    private final MemberViews views;
    private final MemberPages pages;

    public OrganizationMemberResource(MemberService service, MemberViews views, MemberPages pages) {
        this.service = service;
        this.views = views;
        this.pages = pages;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Register a member already in the organisation when the registry starts; publishes member.registered")
    @APIResponse(responseCode = "201", description = "registered")
    public Response registerMember(@PathParam("org") String org, @Valid @NotNull RegisterMemberRequest request) {
        return created(service.register(org, request), "registerMember", "POST " + PATH);
    }

    @POST
    @Path("admissions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Admit a new probationary member (kết nạp); publishes member.admitted")
    @APIResponse(responseCode = "201", description = "admitted")
    public Response admitMember(@PathParam("org") String org, @Valid @NotNull AdmitRequest request) {
        return created(service.admit(org, request), "admitMember", "POST " + PATH + "/admissions");
    }

    @POST
    @Path("transfers-in")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Receive a member from another organisation, permanently or for a stay of 3 to 12 months; publishes member.transferred-in")
    @APIResponse(responseCode = "201", description = "received")
    public Response transferMemberIn(@PathParam("org") String org, @Valid @NotNull TransferInRequest request) {
        return created(service.transferIn(org, request), "transferMemberIn", "POST " + PATH + "/transfers-in");
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "Members in (full name, id) order, filtered by cell, status and name; a cell secretary sees their own cell only;"
            + " a viewer and department staff read no member list (403). Two ways to page: by offset (page/size; counts the list on"
            + " every request and walks the index up to the offset) or by cursor (after/size: pass after= empty for the first page,"
            + " then each answer's next; every page is an index range scan from the cursor, as fast deep as first; the total only"
            + " with total=true). Sensitive personal data as in GET /api/v1/members/{id}, each member served recorded in the access log")
    public MemberListPage listMembers(@PathParam("org") String org,
            @Parameter(description = "cell code") @QueryParam("cell") String cell,
            @Parameter(description = "status") @QueryParam("status") MemberStatus status,
            @Parameter(description = "part of the name") @QueryParam("name") String name,
            @Parameter(description = "cursor mode: the next of the previous page (empty for the first page); not with page > 0")
            @QueryParam("after") String after,
            @Parameter(description = "cursor mode: also count the whole filtered list (a count over it; offset mode always counts)")
            @QueryParam("total") @DefaultValue("false") boolean total,
            @BeanParam @Valid PageParams page, @Context UriInfo uri) {
        if (after == null && uri.getQueryParameters().containsKey("after")) {
            after = ""; // ?after= (empty): the first page by cursor
        }
        if (after != null) {
            if (page.page != 0) {
                throw ProblemException.invalid("page", "page and after are two ways to page; give one of them");
            }
            MemberPages.Page p = pages.keyset(org, cell, status, name, after, page.size, total, "listMembers", "GET " + PATH);
            return new MemberListPage(p.items(), null, page.size, p.total(), null, p.next());
        }
        MemberService.MemberPage result = service.list(org, cell, status, name, page.toPage());
        List<Member> shown = result.items();
        boolean more = (long) page.offset() + shown.size() < result.total();
        int pages = (int) ((result.total() + page.size - 1) / page.size);
        return new MemberListPage(views.of(shown, org, "listMembers", "GET " + PATH), page.page, page.size, result.total(), pages,
                more && !shown.isEmpty() ? MemberService.cursorOf(shown.get(shown.size() - 1)) : null);
    }

    private Response created(Member m, String operation, String endpoint) {
        return Response.created(URI.create("/api/v1/members/" + m.id)).entity(views.one(m, operation, endpoint)).build();
    }
}
