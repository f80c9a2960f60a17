package vn.binhduong.sct.indicator.api;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.indicator.domain.ApprovalState;
import vn.binhduong.sct.indicator.domain.AuditEntry;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodApproval;
import vn.binhduong.sct.indicator.service.ApprovalService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
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
    @Operation(summary = "Approval state of an organisation's period (DRAFT when never submitted)")
    public ApprovalView get(@PathParam("organization") String organization, @PathParam("period") String period) {
        return ApprovalView.of(service.current(organization, Period.parse(period)));
    }

    @POST
    @Path("approvals/{organization}/{period}/submit")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "DRAFT → SUBMITTED after running the validation rules; HIGH violations refuse it (422) unless an overrideReason is given")
    public ApprovalView submit(@PathParam("organization") String organization, @PathParam("period") String period,
            @Valid SubmitRequest request) {
        return ApprovalView.of(service.submit(organization, Period.parse(period),
                request == null ? null : request.overrideReason()));
    }

    @POST
    @Path("approvals/{organization}/{period}/approve")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "SUBMITTED → APPROVED; publishes indicator-period.approved with the period's figures")
    public ApprovalView approve(@PathParam("organization") String organization, @PathParam("period") String period) {
        return ApprovalView.of(service.approve(organization, Period.parse(period)));
    }

    @POST
    @Path("approvals/{organization}/{period}/accept")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "APPROVED → ACCEPTED")
    public ApprovalView accept(@PathParam("organization") String organization, @PathParam("period") String period) {
        return ApprovalView.of(service.accept(organization, Period.parse(period)));
    }

    @POST
    @Path("approvals/{organization}/{period}/unapprove")
    @RolesAllowed({ Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Back to DRAFT from SUBMITTED, APPROVED or ACCEPTED, with a reason that goes to the audit trail")
    public ApprovalView unapprove(@PathParam("organization") String organization, @PathParam("period") String period,
            @Valid ReasonRequest request) {
        return ApprovalView.of(service.unapprove(organization, Period.parse(period),
                request == null ? null : request.reason()));
    }

    @GET
    @Path("audit-entries")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "The audit trail, newest first, by organisation, period, indicator and action")
    public PageResult<AuditView> audit(@BeanParam @Valid PageParams page, @QueryParam("organization") String organization,
            @QueryParam("period") String period, @QueryParam("indicator") String indicator,
            @QueryParam("action") String action) {
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
        var query = AuditEntry.<AuditEntry>find(q.toString(), Sort.descending("at"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(AuditView::of).toList(), page,
                query.count());
    }
}
