package vn.binhduong.sct.indicator.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.panache.common.Parameters;
import vn.binhduong.sct.indicator.domain.ApprovalState;
import vn.binhduong.sct.indicator.domain.AuditEntry;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodApproval;
import vn.binhduong.sct.indicator.service.ApprovalService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.problem.Problem;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "approval", description = "Approval of an organisation's period, and the audit trail")
public class ApprovalResource {
    public record ApprovalView(String organization, String period, ApprovalState state,
            @Schema(description = "true once submitted: values and targets of the period (and the periods inside it) refuse edits") boolean locked,
            @Schema(description = "why HIGH violations were overridden on submission") String overrideReason, int version,
            OffsetDateTime updatedAt) {
        static ApprovalView of(PeriodApproval a) {
            return new ApprovalView(a.organization, a.period, a.state, a.state.locked(), a.overrideReason, a.version,
                    a.updatedAt);
        }
    }

    public record SubmitRequest(
            @Schema(description = "needed to submit despite HIGH violations", examples = "Số liệu theo báo cáo đã ban hành") @Size(max = 2000) String overrideReason) {
    }

    public record ReasonRequest(
            @Schema(description = "why the period is reopened", examples = "Cục Thống kê điều chỉnh số liệu chính thức") @NotBlank @Size(max = 2000) String reason) {
    }

    public record AuditView(OffsetDateTime at, String actor, String action, String organization, String period,
            String indicator, String detail, String reason) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.at, e.actor, e.action, e.organization, e.period, e.indicatorCode, e.detail, e.reason);
        }
    }

    private final ApprovalService service;

    public ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @GET
    @Path("approvals/{organization}/{period}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Approval state of an organisation's period (DRAFT when never submitted); its ETag is its version")
    @APIResponse(responseCode = "200", description = "the state, with ETag")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "a bad period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ApprovalView> getApproval(@PathParam("organization") String organization,
            @PathParam("period") String period,
            @Parameter(description = "an ETag read before") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ApprovalView view = ApprovalView.of(service.current(organization, Period.parse(period)));
        return Etags.ok(view, view.version(), ifNoneMatch);
    }

    @POST
    @Path("approvals/{organization}/{period}/submit")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "DRAFT → SUBMITTED after running the validation rules; HIGH violations refuse it (422) unless an overrideReason is given")
    public ApprovalView submitPeriod(@PathParam("organization") String organization, @PathParam("period") String period,
            @Valid SubmitRequest request) {
        return ApprovalView.of(service.submit(organization, Period.parse(period),
                request == null ? null : request.overrideReason()));
    }

    @POST
    @Path("approvals/{organization}/{period}/approve")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "SUBMITTED → APPROVED; publishes indicator-period.approved with the period's figures")
    public ApprovalView approvePeriod(@PathParam("organization") String organization, @PathParam("period") String period) {
        return ApprovalView.of(service.approve(organization, Period.parse(period)));
    }

    @POST
    @Path("approvals/{organization}/{period}/accept")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "APPROVED → ACCEPTED")
    public ApprovalView acceptPeriod(@PathParam("organization") String organization, @PathParam("period") String period) {
        return ApprovalView.of(service.accept(organization, Period.parse(period)));
    }

    @POST
    @Path("approvals/{organization}/{period}/unapprove")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Back to DRAFT from SUBMITTED, APPROVED or ACCEPTED, with a reason that goes to the audit trail")
    public ApprovalView unapprovePeriod(@PathParam("organization") String organization, @PathParam("period") String period,
            @Valid ReasonRequest request) {
        return ApprovalView.of(service.unapprove(organization, Period.parse(period),
                request == null ? null : request.reason()));
    }

    @GET
    @Path("audit-entries")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "The audit trail, newest first, by organisation, period, indicator and action; keyset pages "
            + "(after=next) on an index of (at, id), the total only with total=true")
    @APIResponse(responseCode = "400", description = "a bad filter or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeysetPage<AuditView> listAuditEntries(@BeanParam @Valid PageParams page,
            @Parameter(description = "organisation") @QueryParam("organization") String organization,
            @Parameter(description = "period, e.g. 2021") @QueryParam("period") String period,
            @Parameter(description = "indicator code") @QueryParam("indicator") String indicator,
            @Parameter(description = "action, e.g. VALUE_REVISED") @QueryParam("action") String action,
            @Parameter(description = "cursor: the 'next' of the previous page (page is then ignored)") @QueryParam("after") String after,
            @Parameter(description = "also count the whole list") @QueryParam("total") @DefaultValue("false") boolean total) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (organization != null) {
            q.append(" and organization = :org");
            p.and("org", organization);
        }
        if (period != null) {
            q.append(" and period = :period");
            p.and("period", period);
        }
        if (indicator != null) {
            q.append(" and indicatorCode = :ind");
            p.and("ind", indicator);
        }
        if (action != null) {
            q.append(" and action = :action");
            p.and("action", action);
        }
        String filter = q.toString();
        Parameters counted = new Parameters();
        p.map().forEach(counted::and);
        if (after != null) {
            Cursor c = Cursor.parse(after, 2);
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(c.string(0));
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid("after", "not a cursor returned by this list");
            }
            q.append(" and (at, id) < (:kAt, :kId)");
            p.and("kAt", at).and("kId", c.uuid(1));
        }
        var query = AuditEntry.<AuditEntry>find(q + " order by at desc, id desc", p);
        List<AuditEntry> rows = (after == null ? query.range(page.offset(), page.offset() + page.size)
                : query.range(0, page.size)).list();
        return KeysetPage.of(rows, page.size, e -> Cursor.after(e.at, e.id),
                total ? AuditEntry.count(filter, counted) : null).map(AuditView::of);
    }
}
