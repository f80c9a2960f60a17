package vn.binhduong.sct.member.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.member.api.MemberApi.CandidateRequest;
import vn.binhduong.sct.member.api.MemberApi.CandidateView;
import vn.binhduong.sct.member.api.MemberApi.ListPage;
import vn.binhduong.sct.member.api.MemberApi.ResidenceFeedbackRequest;
import vn.binhduong.sct.member.api.MemberApi.ResidenceFeedbackSummary;
import vn.binhduong.sct.member.api.MemberApi.TrainingRequest;
import vn.binhduong.sct.member.api.MemberApi.TrainingView;
import vn.binhduong.sct.member.domain.Candidate;
import vn.binhduong.sct.member.domain.Member;
import vn.binhduong.sct.member.domain.PartyCell;
import vn.binhduong.sct.member.domain.Training;
import vn.binhduong.sct.member.domain.TrainingProgramme;
import vn.binhduong.sct.member.service.MemberRecordsService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/organizations/{org}/candidates")
@Tag(name = "member records", description = "Training, awareness-class candidates, residence-liaison feedback (Quy định 213)")
public class CandidateResource {
    private final MemberRecordsService service;

    public CandidateResource(MemberRecordsService service) {
        this.service = service;
    }

    @POST
        @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.CELL_SECRETARY })
    @Operation(summary = "Record a non-member sent to the party awareness class; publishes candidate.registered")
    public Response registerCandidate(@PathParam("org") String org, @Valid @NotNull CandidateRequest request) {
        Candidate c = service.registerCandidate(org, request);
        return Response.created(URI.create("/api/v1/organizations/" + org + "/candidates/" + c.id)).entity(view(c, org)).build();
    }

    @GET
        @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.CELL_SECRETARY, Roles.INTEGRATION })
    @Operation(summary = "Candidates in (awareness-class date, id) order, by offset (page/size) or by cursor (after/size, as the member list), filtered by the year of their awareness class and by status; a cell secretary sees their own cell's only; a viewer and department staff none (403)")
    public ListPage<CandidateView> listCandidates(@PathParam("org") String org, @Parameter(description = "year of the awareness class") @QueryParam("year") Integer year,
            @Parameter(description = "status") @QueryParam("status") Candidate.Status status, @BeanParam @Valid PageParams page,
            @Parameter(description = "cursor mode: the next of the previous page (empty for the first page); not with page > 0") @QueryParam("after") String after,
            @Parameter(description = "cursor mode: also count the whole filtered list") @QueryParam("total") @DefaultValue("false") boolean total,
            @Context UriInfo uri) {
        if (after == null && uri.getQueryParameters().containsKey("after")) {
            after = ""; // ?after= (empty): the first page by cursor
        }
        if (after != null && page.page != 0) {
            throw ProblemException.invalid("page", "page and after are two ways to page; give one of them");
        }
        var result = service.candidates(org, year, status, page.toPage(), after, total);
        if (after != null) {
            return ListPage.ofCursor(result.items(), c -> view(c, org), MemberRecordsService::cursorOfCandidate, page.size, result.total());
        }
        return ListPage.ofOffset(result.items(), c -> view(c, org), MemberRecordsService::cursorOfCandidate, page.page, page.size, result.total());
    }

    private static TrainingView view(Training t) {
        Member m = Member.findById(t.memberId);
        return new TrainingView(t.id, t.memberId, PartyCell.<PartyCell>findById(m.cellId).code, t.programme, t.year, t.startDate, t.endDate,
                t.institution, t.status, t.version);
    }

    private static CandidateView view(Candidate c, String org) {
        return new CandidateView(c.id, org, PartyCell.<PartyCell>findById(c.cellId).code, c.fullName, c.awarenessClassDate, c.status,
                c.memberId, c.version);
    }
}
