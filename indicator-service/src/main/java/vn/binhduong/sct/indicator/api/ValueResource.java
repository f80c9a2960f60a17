package vn.binhduong.sct.indicator.api;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;

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
import vn.binhduong.sct.indicator.exchange.Dhis2Api;
import vn.binhduong.sct.indicator.exchange.Dhis2Exchange;
import vn.binhduong.sct.indicator.service.CatalogueService;
import vn.binhduong.sct.indicator.service.ImportService;
import vn.binhduong.sct.indicator.service.Preconditions;
import vn.binhduong.sct.indicator.service.PeriodRollup;
import vn.binhduong.sct.indicator.service.TargetService;
import vn.binhduong.sct.indicator.service.ValueService;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.problem.Problem;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.rules.Expression;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "values", description = "Values by indicator, organisation and period; plan targets; bulk import")
public class ValueResource {
    private final ValueService values;
    private final TargetService targets;
    private final ImportService imports;
    private final CatalogueService catalogue;
    private final Dhis2Exchange dhis2;

    public ValueResource(ValueService values, TargetService targets, ImportService imports, CatalogueService catalogue,
            Dhis2Exchange dhis2) {
        this.dhis2 = dhis2;
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
            + "recomputes the derived indicators that read it. If-Match (the ETag of the value read) may stand "
            + "next to or instead of the body's version: 412 when it is not the current one")
    @APIResponse(responseCode = "201", description = "created; ETag is its version")
    @APIResponse(responseCode = "200", description = "revised or unchanged; ETag is its version")
    @APIResponse(responseCode = "400", description = "invalid fields, one entry each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "locked period or stale body version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown organisation, derived indicator, unit mismatch", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordValue(@Valid @NotNull ValueRequest request,
            @Parameter(description = "the ETag of the value read, e.g. \"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ValueService.Recorded r = values.record(request, Preconditions.ifMatch(ifMatch));
        ValueView view = ValueView.of(r.value(), r.outcome().name());
        return (r.outcome() == ValueService.Outcome.CREATED
                ? Response.created(URI.create("/api/v1/values/" + view.id())).entity(view)
                : Response.ok(view)).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(view.version()))).build();
    }

    @GET
    @Path("values")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Values with growth, target and achievement, by indicator or indicator set, organisation and period range; "
            + "with aggregate=true also the quarters and years that have no stored value of their own, computed from "
            + "their stored months/quarters with the indicator's aggregation (SUM, LAST, AVERAGE; NONE gives none), "
            + "marked aggregated=true with their source periods and month coverage; a stored value always wins")
    public KeysetPage<ValueView> listValues(@BeanParam @Valid PageParams page,
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
                    + "from..to are made. Default false: stored values only") @QueryParam("aggregate") @DefaultValue("false") boolean aggregate,
            @Parameter(description = "cursor: the 'next' of the previous page (keyset; page is then ignored). Stored "
                    + "values are ordered by organisation, period start, period type and indicator on an index, so a "
                    + "deep page costs what the first does") @QueryParam("after") String after,
            @Parameter(description = "also count the whole list (a count over the filter; not done by default). "
                    + "With aggregate=true the total is always given (the list is made in memory)") @QueryParam("total") @DefaultValue("false") boolean total) {
        if (aggregate) {
            return aggregated(page, indicators, set, organization, from, to, periodType, kind, after);
        }
        ValueQuery query = new ValueQuery(catalogue, indicators, set, organization, from, to, periodType, kind);
        List<IndicatorValue> rows = query.read(after, after == null ? page.offset() : 0, page.size + 1);
        return KeysetPage.of(rows, page.size, ValueQuery::cursorOf, total ? query.count() : null)
                .map(v -> ValueView.of(v, null));
    }

    /** Stored and aggregated values, filtered, sorted and paged in memory (the aggregates exist only on read). */
    private KeysetPage<ValueView> aggregated(PageParams page, List<String> indicators, String set, String organization,
            String from, String to, PeriodType periodType, ValueKind kind, String after) {
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
        Comparator<ValueView> order = Comparator.comparing(ValueView::indicator).thenComparing(ValueView::organization)
                .thenComparing(v -> Period.parse(v.period()).start()).thenComparing(ValueView::periodType);
        rows.sort(order);
        int offset = Math.min(page.offset(), rows.size());
        if (after != null) {
            Cursor c = Cursor.parse(after, 4);
            LocalDate keyStart = c.date(2);
            ValueView key = new ValueView(null, c.string(0), null, c.string(1), keyStart.toString(), c.string(3), null,
                    null, null, null, null, null, null, null, null, null, false, null, null, null, null, null, null,
                    null, null, 0, 0, null, null, false, null);
            Comparator<ValueView> keyOrder = Comparator.comparing(ValueView::indicator)
                    .thenComparing(ValueView::organization)
                    .thenComparing(v -> v == key ? keyStart : Period.parse(v.period()).start())
                    .thenComparing(ValueView::periodType);
            offset = 0;
            while (offset < rows.size() && keyOrder.compare(rows.get(offset), key) <= 0) {
                offset++;
            }
        }
        List<ValueView> slice = rows.subList(offset, Math.min(rows.size(), offset + page.size + 1));
        return KeysetPage.of(slice, page.size, v -> Cursor.after(v.indicator(), v.organization(),
                Period.parse(v.period()).start(), v.periodType()), (long) rows.size());
    }

    @GET
    @Path("values/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One value; its ETag is its version (If-None-Match on it gives 304)")
    @APIResponse(responseCode = "200", description = "the value, with ETag")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "no such value", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ValueView> getValue(@PathParam("id") UUID id,
            @Parameter(description = "an ETag read before") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        IndicatorValue v = values.get(id);
        return Etags.ok(ValueView.of(v, null), v.version, ifNoneMatch);
    }

    @GET
    @Path("values/{id}/revisions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Every revision of a value, oldest first")
    public List<RevisionView> listValueRevisions(@PathParam("id") UUID id) {
        values.get(id);
        return ValueRevision.<ValueRevision>list("valueId", Sort.by("revision"), id).stream().map(RevisionView::of)
                .toList();
    }

    @POST
    @Path("value-imports")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Import values from CSV, RFC 4180 (header: indicator,organization,period,kind,value,growth,unit,source,note; "
            + "a quoted field may hold commas and line breaks; a byte-order mark only at the start); each rejected row "
            + "is reported with the physical line it starts on; dryRun=true checks and counts without storing")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            example = "indicator,organization,period,kind,value,growth,unit,source,note\r\nEXPORT,SCT-BD,2021,ACTUAL,31500000000,13.5,USD,\"Báo cáo 25-BC/ĐU, phần III\",\r\n"))
    @APIResponse(responseCode = "200", description = "what each row did")
    @APIResponse(responseCode = "400", description = "no header, unknown columns, malformed CSV (with its line), too many rows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportSummary importValuesCsv(InputStream body,
            @Parameter(description = "check and count only") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return imports.run(ImportService.parseCsv(new InputStreamReader(body, StandardCharsets.UTF_8)), dryRun);
    }

    @POST
    @Path("value-imports")
    @Consumes("application/json")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Import values from JSON rows; an invalid row is REJECTED with its reason, the others stored; "
            + "dryRun=true checks and counts without storing")
    @APIResponse(responseCode = "200", description = "what each row did")
    @APIResponse(responseCode = "400", description = "no rows, or a null row, one entry per invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportSummary importValuesJson(@Valid @NotNull ImportRequest body,
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
    @Operation(summary = "Set a plan target (value and/or growth) with its plan document; publishes indicator-target.set. "
            + "If-Match (the ETag of the target read) may stand next to or instead of the body's version: 412 on a mismatch")
    @APIResponse(responseCode = "201", description = "created; ETag is its version")
    @APIResponse(responseCode = "200", description = "replaced or unchanged; ETag is its version")
    @APIResponse(responseCode = "400", description = "invalid fields, one entry each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "locked period or stale body version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "unknown organisation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setTarget(@Valid @NotNull TargetRequest request,
            @Parameter(description = "the ETag of the target read, e.g. \"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TargetService.Set s = targets.set(request, Preconditions.ifMatch(ifMatch));
        return Response.status(s.changed() && s.target().version == 0 ? 201 : 200).entity(TargetView.of(s.target()))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(s.target().version))).build();
    }

    @GET
    @Path("targets")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Plan targets by indicator, organisation and period range; keyset pages (after=next) in the order "
            + "organisation, period start, period end, indicator on an index; the total only with total=true")
    @APIResponse(responseCode = "400", description = "a bad filter or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeysetPage<TargetView> listTargets(@BeanParam @Valid PageParams page,
            @Parameter(description = "indicator codes (repeat the parameter)") @QueryParam("indicator") List<String> indicators,
            @Parameter(description = "organisation") @QueryParam("organization") String organization,
            @Parameter(description = "first period of the range (its start)") @QueryParam("from") String from,
            @Parameter(description = "last period of the range (its end)") @QueryParam("to") String to,
            @Parameter(description = "cursor: the 'next' of the previous page (page is then ignored)") @QueryParam("after") String after,
            @Parameter(description = "also count the whole list") @QueryParam("total") @DefaultValue("false") boolean total) {
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
        String filter = q.toString();
        Parameters counted = new Parameters();
        p.map().forEach(counted::and);
        if (after != null) {
            Cursor c = Cursor.parse(after, 4);
            q.append(" and (organization, periodStart, periodEnd, indicator.id) > (:kOrg, :kStart, :kEnd, :kId)");
            p.and("kOrg", c.string(0)).and("kStart", c.date(1)).and("kEnd", c.date(2)).and("kId", c.uuid(3));
        }
        var query = PlanTarget.<PlanTarget>find(q + " order by organization, periodStart, periodEnd, indicator.id", p);
        List<PlanTarget> rows = (after == null ? query.range(page.offset(), page.offset() + page.size)
                : query.range(0, page.size)).list();
        return KeysetPage.of(rows, page.size, t -> Cursor.after(t.organization, t.periodStart, t.periodEnd, t.indicator.id),
                total ? PlanTarget.count(filter, counted) : null).map(TargetView::of);
    }

    @GET
    @Path("value-exports")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Stored values as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets, CRLF), streamed in "
            + "keyset order; the columns are those of the CSV import (indicator,organization,period,kind,value,growth,unit,"
            + "source,note) so an exported file imports again; filters as the values list")
    @APIResponse(responseCode = "200", description = "the CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "a bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportValuesCsv(
            @Parameter(description = "indicator codes (repeat the parameter)") @QueryParam("indicator") List<String> indicators,
            @Parameter(description = "indicator set code") @QueryParam("set") String set,
            @Parameter(description = "organisation") @QueryParam("organization") String organization,
            @Parameter(description = "first period of the range (its start)") @QueryParam("from") String from,
            @Parameter(description = "last period of the range (its end)") @QueryParam("to") String to,
            @Parameter(description = "YEAR, QUARTER or MONTH") @QueryParam("periodType") PeriodType periodType,
            @Parameter(description = "ESTIMATE, PRELIMINARY, ACTUAL or FINAL") @QueryParam("kind") ValueKind kind) {
        ValueQuery query = new ValueQuery(catalogue, indicators, set, organization, from, to, periodType, kind);
        query.read(null, 0, 1); // a bad filter fails here, as a problem, before the stream starts
        StreamingOutput out = stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(w, ImportService.FORMAT);
            printer.printRecord(ImportService.CSV_COLUMNS);
            String after = null;
            do {
                String from0 = after;
                List<List<String>> batch = new ArrayList<>();
                String[] next = new String[1];
                QuarkusTransaction.requiringNew().run(() -> {
                    List<IndicatorValue> rows = query.read(from0, 0, EXPORT_BATCH);
                    for (IndicatorValue v : rows) {
                        batch.add(java.util.Arrays.asList(v.indicator.code, v.organization, v.period, v.kind.name(),
                                plain(v.value), plain(v.publishedGrowth), v.indicator.unit.name(), v.source, v.note));
                    }
                    next[0] = rows.size() == EXPORT_BATCH ? ValueQuery.cursorOf(rows.get(rows.size() - 1)) : null;
                });
                for (List<String> r : batch) {
                    printer.printRecord(r);
                }
                after = next[0];
            } while (after != null);
            printer.flush();
        };
        return Response.ok(out, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"indicator-values.csv\"").build();
    }

    private static final int EXPORT_BATCH = 500;

    private static String plain(java.math.BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    @GET
    @Path("dhis2/dataValueSets")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Stored values as a DHIS2 dataValueSets document (dataElement, period in DHIS2 notation 2021 / "
            + "2021Q4 / 202112, orgUnit, value); idScheme=UID maps codes through the configured sct.dhis2 mapping and "
            + "leaves out unmapped ones, idScheme=CODE uses the platform's codes; values holding only a growth are "
            + "left out; filters as the values list")
    @APIResponse(responseCode = "400", description = "a bad filter or idScheme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Dhis2Api.DataValueSet exportDhis2DataValueSet(
            @Parameter(description = "indicator codes (repeat the parameter)") @QueryParam("indicator") List<String> indicators,
            @Parameter(description = "indicator set code") @QueryParam("set") String set,
            @Parameter(description = "organisation") @QueryParam("organization") String organization,
            @Parameter(description = "first period of the range (its start), platform notation") @QueryParam("from") String from,
            @Parameter(description = "last period of the range (its end), platform notation") @QueryParam("to") String to,
            @Parameter(description = "YEAR, QUARTER or MONTH") @QueryParam("periodType") PeriodType periodType,
            @Parameter(description = "ESTIMATE, PRELIMINARY, ACTUAL or FINAL") @QueryParam("kind") ValueKind kind,
            @Parameter(description = "UID (default: the configured mapping) or CODE") @QueryParam("idScheme") String idScheme) {
        Dhis2Exchange.IdScheme scheme = Dhis2Exchange.scheme(idScheme);
        ValueQuery query = new ValueQuery(catalogue, indicators, set, organization, from, to, periodType, kind);
        List<Dhis2Api.DataValue> out = new ArrayList<>();
        String after = null;
        do {
            List<IndicatorValue> rows = query.read(after, 0, EXPORT_BATCH);
            out.addAll(dhis2.export(rows, scheme));
            after = rows.size() == EXPORT_BATCH ? ValueQuery.cursorOf(rows.get(rows.size() - 1)) : null;
        } while (after != null);
        return new Dhis2Api.DataValueSet(null, null, null, null, out);
    }

    @POST
    @Path("dhis2/dataValueSets")
    @Consumes("application/json")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Import a DHIS2 dataValueSets document: each data value goes through the checks of a single "
            + "recording; the answer is DHIS2's import summary (status, importCount, one conflict per value not "
            + "imported, with its index); dryRun=true checks and counts without storing")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dhis2Api.DataValueSet.class),
            example = "{\"dataValues\":[{\"dataElement\":\"EXPORT\",\"period\":\"202112\",\"orgUnit\":\"SCT-BD\",\"value\":\"2800000000\"}]}"))
    @APIResponse(responseCode = "200", description = "DHIS2 import summary")
    @APIResponse(responseCode = "400", description = "no dataValues, a bad idScheme or kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Dhis2Api.ImportSummary importDhis2DataValueSet(Dhis2Api.DataValueSet body,
            @Parameter(description = "UID (default: the configured mapping) or CODE") @QueryParam("idScheme") String idScheme,
            @Parameter(description = "kind the imported values are recorded as (DHIS2 has none); default ACTUAL") @QueryParam("kind") @DefaultValue("ACTUAL") ValueKind kind,
            @Parameter(description = "check and count only") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return dhis2.importSet(body, Dhis2Exchange.scheme(idScheme), kind, dryRun);
    }
}
