package vn.binhduong.sct.indicator.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.indicator.api.TargetApi.TargetRequest;
import vn.binhduong.sct.indicator.api.TargetApi.TargetView;
import vn.binhduong.sct.indicator.api.ValueApi.ImportRequest;
import vn.binhduong.sct.indicator.api.ValueApi.ImportSummary;
import vn.binhduong.sct.indicator.api.ValueApi.RevisionView;
import vn.binhduong.sct.indicator.api.ValueApi.ValueRequest;
import vn.binhduong.sct.indicator.api.ValueApi.ValueView;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodType;
import vn.binhduong.sct.indicator.domain.PlanTarget;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.indicator.domain.ValueRevision;
import vn.binhduong.sct.indicator.service.CatalogueService;
import vn.binhduong.sct.indicator.service.ImportService;
import vn.binhduong.sct.indicator.service.PeriodRollup;
import vn.binhduong.sct.indicator.service.TargetService;
import vn.binhduong.sct.indicator.service.ValueService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.rules.Expression;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "values", description = "Values by indicator, organisation and period; plan targets; bulk import")
public class ValueResource {
    private final ValueService values;
    private final TargetService targets;
    private final ImportService imports;
    private final CatalogueService catalogue;

    public ValueResource(ValueService values, TargetService targets, ImportService imports, CatalogueService catalogue) {
        this.values = values;
        this.targets = targets;
        this.imports = imports;
        this.catalogue = catalogue;
    }

    @POST
    @Path("values")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Record or revise a value (201 created, 200 revised or unchanged); refused for derived indicators (422), "
            + "locked periods (409), a unit other than the indicator's (422); publishes indicator-value.recorded and "
            + "recomputes the derived indicators that read it")
    public Response record(@Valid @NotNull ValueRequest request) {
        ValueService.Recorded r = values.record(request);
        ValueView view = ValueView.of(r.value(), r.outcome().name());
        return r.outcome() == ValueService.Outcome.CREATED
                ? Response.created(URI.create("/api/v1/values/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("values")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Values with growth, target and achievement, by indicator or indicator set, organisation and period range; "
            + "with aggregate=true also the quarters and years that have no stored value of their own, computed from "
            + "their stored months/quarters with the indicator's aggregation (SUM, LAST, AVERAGE; NONE gives none), "
            + "marked aggregated=true with their source periods and month coverage; a stored value always wins")
    public PageResult<ValueView> list(@BeanParam @Valid PageParams page,
            @Parameter(description = "indicator codes (repeat the parameter)") @QueryParam("indicator") List<String> indicators,
            @Parameter(description = "indicator set code") @QueryParam("set") String set,
            @Parameter(description = "organisation") @QueryParam("organization") String organization,
            @Parameter(description = "first period of the range (its start), e.g. 2020") @QueryParam("from") String from,
            @Parameter(description = "last period of the range (its end), e.g. 2021Q4") @QueryParam("to") String to,
            @Parameter(description = "YEAR, QUARTER or MONTH") @QueryParam("periodType") PeriodType periodType,
            @Parameter(description = "ESTIMATE, PRELIMINARY, ACTUAL or FINAL") @QueryParam("kind") ValueKind kind,
            @Parameter(description = "also return quarters and years without a stored value, aggregated on read from "
                    + "their sub-periods (aggregated=true, aggregate.sourcePeriods, aggregate.complete); a derived "
                    + "indicator is its formula over its inputs' aggregates; only quarters and years wholly inside "
                    + "from..to are made. Default false: stored values only") @QueryParam("aggregate") @DefaultValue("false") boolean aggregate) {
        if (aggregate) {
            return aggregated(page, indicators, set, organization, from, to, periodType, kind);
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        List<String> codes = new ArrayList<>(indicators == null ? List.of() : indicators);
        if (set != null) {
            codes.addAll(catalogue.getSet(set).indicators);
        }
        if (!codes.isEmpty()) {
            q.append(" and indicator.code in :codes");
            p.and("codes", codes);
        }
        if (organization != null) {
            q.append(" and organization = :org");
            p.and("org", organization);
        }
        if (from != null) {
            q.append(" and periodStart >= :from");
            p.and("from", Period.parse(from, "from").start());
        }
        if (to != null) {
            q.append(" and periodEnd <= :to");
            p.and("to", Period.parse(to, "to").end());
        }
        if (periodType != null) {
            q.append(" and periodType = :type");
            p.and("type", periodType);
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            p.and("kind", kind);
        }
        var query = IndicatorValue.<IndicatorValue>find(q.toString(),
                Sort.by("indicator.code").and("organization").and("periodStart").and("periodType"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(v -> ValueView.of(v, null)).toList(), page,
                query.count());
    }

    /** Stored and aggregated values, filtered, sorted and paged in memory (the aggregates exist only on read). */
    private PageResult<ValueView> aggregated(PageParams page, List<String> indicators, String set, String organization,
            String from, String to, PeriodType periodType, ValueKind kind) {
        Set<String> requested = new HashSet<>(indicators == null ? List.of() : indicators);
        if (set != null) {
            requested.addAll(catalogue.getSet(set).indicators);
        }
        List<Indicator> all = Indicator.listAll();
        Map<String, Indicator> byCode = new HashMap<>();
        all.forEach(i -> byCode.put(i.code, i));
        Set<String> scope = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(requested);
        while (!queue.isEmpty()) {
            String code = queue.poll();
            Indicator i = byCode.get(code);
            if (scope.add(code) && i != null && i.derived()) {
                queue.addAll(Expression.parse(i.formula).names());
            }
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (!requested.isEmpty()) {
            q.append(" and indicator.code in :codes");
            p.and("codes", scope);
        }
        if (organization != null) {
            q.append(" and organization = :org");
            p.and("org", organization);
        }
        LocalDate start = from == null ? null : Period.parse(from, "from").start();
        LocalDate end = to == null ? null : Period.parse(to, "to").end();
        if (start != null) {
            q.append(" and periodStart >= :from");
            p.and("from", start.minusYears(1));
        }
        if (end != null) {
            q.append(" and periodEnd <= :to");
            p.and("to", end);
        }
        List<IndicatorValue> stored = IndicatorValue.<IndicatorValue>find(q.toString(), p).list();
        List<ValueView> rows = new ArrayList<>();
        for (IndicatorValue v : stored) {
            if ((requested.isEmpty() || requested.contains(v.indicator.code)) && (periodType == null || v.periodType == periodType)
                    && (kind == null || v.kind == kind) && (start == null || !v.periodStart.isBefore(start))) {
                rows.add(ValueView.of(v, null));
            }
        }
        PeriodRollup rollup = new PeriodRollup(all, stored);
        for (PeriodRollup.Rolled r : rollup.candidates()) {
            if ((requested.isEmpty() || requested.contains(r.indicator().code))
                    && (periodType == null || r.period().type() == periodType) && (kind == null || r.kind() == kind)
                    && (start == null || !r.period().start().isBefore(start))
                    && (end == null || !r.period().end().isAfter(end))) {
                rows.add(ValueView.of(r, rollup.valueOf(r.indicator(), r.organization(), r.period().sameLastYear())));
            }
        }
        rows.sort(Comparator.comparing(ValueView::indicator).thenComparing(ValueView::organization)
                .thenComparing(v -> Period.parse(v.period()).start()).thenComparing(ValueView::periodType));
        int offset = Math.min(page.offset(), rows.size());
        return PageResult.of(rows.subList(offset, Math.min(rows.size(), offset + page.size)), page, rows.size());
    }

    @GET
    @Path("values/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One value")
    public ValueView get(@PathParam("id") UUID id) {
        return ValueView.of(values.get(id), null);
    }

    @GET
    @Path("values/{id}/revisions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Every revision of a value, oldest first")
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        values.get(id);
        return ValueRevision.<ValueRevision>list("valueId", Sort.by("revision"), id).stream().map(RevisionView::of)
                .toList();
    }

    @POST
    @Path("value-imports")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Import values from CSV (header: indicator,organization,period,kind,value,growth,unit,source,note); "
            + "dryRun=true checks and counts without storing")
    public ImportSummary importCsv(String body,
            @Parameter(description = "check and count only") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return imports.run(ImportService.parseCsv(body), dryRun);
    }

    @POST
    @Path("value-imports")
    @Consumes("application/json")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Import values from JSON rows; dryRun=true checks and counts without storing")
    public ImportSummary importJson(@NotNull ImportRequest body,
            @Parameter(description = "check and count only") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        List<ImportService.Parsed> rows = new ArrayList<>();
        for (int i = 0; i < body.rows().size(); i++) {
            rows.add(new ImportService.Parsed(i + 1, body.rows().get(i), null));
        }
        return imports.run(rows, dryRun);
    }

    @POST
    @Path("targets")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Set a plan target (value and/or growth) with its plan document; publishes indicator-target.set")
    public Response setTarget(@Valid @NotNull TargetRequest request) {
        TargetService.Set s = targets.set(request);
        return Response.status(s.changed() && s.target().version == 0 ? 201 : 200).entity(TargetView.of(s.target()))
                .build();
    }

    @GET
    @Path("targets")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Plan targets by indicator, organisation and period range")
    public PageResult<TargetView> targets(@BeanParam @Valid PageParams page,
            @QueryParam("indicator") List<String> indicators, @QueryParam("organization") String organization,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (indicators != null && !indicators.isEmpty()) {
            q.append(" and indicator.code in :codes");
            p.and("codes", indicators);
        }
        if (organization != null) {
            q.append(" and organization = :org");
            p.and("org", organization);
        }
        if (from != null) {
            q.append(" and periodStart >= :from");
            p.and("from", Period.parse(from, "from").start());
        }
        if (to != null) {
            q.append(" and periodEnd <= :to");
            p.and("to", Period.parse(to, "to").end());
        }
        var query = PlanTarget.<PlanTarget>find(q.toString(), Sort.by("indicator.code").and("periodStart"), p);
        return PageResult.of(query.page(page.toPage()).list().stream().map(TargetView::of).toList(), page,
                query.count());
    }
}
