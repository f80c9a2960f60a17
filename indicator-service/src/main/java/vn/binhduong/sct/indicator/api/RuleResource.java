package vn.binhduong.sct.indicator.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.indicator.api.RuleApi.OutcomeView;
import vn.binhduong.sct.indicator.api.RuleApi.RuleRequest;
import vn.binhduong.sct.indicator.api.RuleApi.RuleView;
import vn.binhduong.sct.indicator.api.RuleApi.RunRequest;
import vn.binhduong.sct.indicator.api.RuleApi.RunView;
import vn.binhduong.sct.indicator.api.RuleApi.ViolationView;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.RuleDefinition;
import vn.binhduong.sct.indicator.domain.Violation;
import vn.binhduong.sct.indicator.service.ValidationService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.rules.Importance;
import vn.binhduong.sct.platform.rules.RuleOutcome;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "validation", description = "Validation rules, runs and violations")
public class RuleResource {
    private final ValidationService service;

    public RuleResource(ValidationService service) {
        this.service = service;
    }

    @POST
    @Path("validation-rules")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Define a validation rule: left operator right within a tolerance, a missing-value strategy, an importance")
    public Response createValidationRule(@Valid @NotNull RuleRequest request) {
        RuleView created = RuleView.of(service.create(request));
        return Response.created(URI.create("/api/v1/validation-rules/" + created.code())).entity(created).build();
    }

    @GET
    @Path("validation-rules/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One rule; its ETag is its version (If-None-Match on it gives 304)")
    public RestResponse<RuleView> getValidationRule(@PathParam("code") String code,
            @Parameter(description = "an ETag read before") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RuleView view = RuleView.of(service.get(code));
        return Etags.ok(view, view.version(), ifNoneMatch);
    }

    @GET
    @Path("validation-rules")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Rules by code")
    public PageResult<RuleView> listValidationRules(@BeanParam @Valid PageParams page) {
        var query = RuleDefinition.<RuleDefinition>findAll(Sort.by("code"));
        return PageResult.of(query.page(page.toPage()).list().stream().map(RuleView::of).toList(), page, query.count());
    }

    @POST
    @Path("validation-runs")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.PARTY_COMMITTEE, Roles.ADMIN })
    @Operation(summary = "Run every rule for one organisation and period; stores the violations and publishes validation.violation-found for new ones")
    public RunView runValidation(@Valid @NotNull RunRequest request) {
        ValidationService.Run run = service.run(request.organization(), Period.parse(request.period()));
        return new RunView(run.organization(), run.period().code(),
                (int) run.outcomes().stream().filter(o -> o.status() == RuleOutcome.Status.PASSED).count(),
                run.violations().size(),
                (int) run.outcomes().stream().filter(o -> o.status() == RuleOutcome.Status.SKIPPED).count(),
                run.outcomes().stream().map(OutcomeView::of).toList());
    }

    @GET
    @Path("violations")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Current violations, by period (or range), rule, organisation and importance")
    public PageResult<ViolationView> listViolations(@BeanParam @Valid PageParams page,
            @Parameter(description = "exact period") @QueryParam("period") String period,
            @Parameter(description = "periods starting on or after this one's start") @QueryParam("from") String from,
            @Parameter(description = "periods starting on or before this one's end") @QueryParam("to") String to,
            @Parameter(description = "rule code") @QueryParam("rule") String rule,
            @QueryParam("organization") String organization, @QueryParam("importance") Importance importance) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (period != null) {
            q.append(" and period = :period");
            p.and("period", Period.parse(period).code());
        }
        if (from != null) {
            q.append(" and periodStart >= :from");
            p.and("from", Period.parse(from, "from").start());
        }
        if (to != null) {
            q.append(" and periodStart <= :to");
            p.and("to", Period.parse(to, "to").end());
        }
        if (rule != null) {
            q.append(" and ruleCode = :rule");
            p.and("rule", rule);
        }
        if (organization != null) {
            q.append(" and organization = :org");
            p.and("org", organization);
        }
        if (importance != null) {
            q.append(" and importance = :imp");
            p.and("imp", importance);
        }
        var query = Violation.<Violation>find(q.toString(), Sort.by("periodStart").and("ruleCode"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(ViolationView::of).toList(), page,
                query.count());
    }
}
