package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.inspection.api.ComplianceApi.ComplianceStatistics;
import vn.binhduong.sct.inspection.api.ComplianceApi.CoverageRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.CoverageView;
import vn.binhduong.sct.inspection.api.ComplianceApi.TeamRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.TeamView;
import vn.binhduong.sct.inspection.api.ComplianceApi.VisitRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.VisitView;
import vn.binhduong.sct.inspection.domain.ComplianceCoverageReport;
import vn.binhduong.sct.inspection.domain.ComplianceScope;
import vn.binhduong.sct.inspection.domain.ComplianceEstablishment;
import vn.binhduong.sct.inspection.domain.ComplianceTeam;
import vn.binhduong.sct.inspection.domain.ComplianceVisit;
import vn.binhduong.sct.inspection.service.ComplianceService;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.platform.sql.PgArray;

@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "COVID-19 compliance inspections", description = "Đoàn / tổ kiểm tra công tác phòng chống dịch tại doanh nghiệp trong CCN, chợ, siêu thị, cửa hàng tiện lợi")
public class ComplianceResource {
    /** Sort key of the visit list; V2__keyset_indexes.sql indexes it. */
    public static final String VISIT_ORDER = "year, visited_on, id";

    private final ComplianceService service;
    private final EntityManager em;
    /** Rows read per query while streaming a CSV export. */
    private final int csvChunk;

    public ComplianceResource(ComplianceService service, EntityManager em,
            @ConfigProperty(name = "inspection.export.chunk-size", defaultValue = "500") int csvChunk) {
        this.csvChunk = csvChunk;
        this.service = service;
        this.em = em;
    }

    @POST
    @Path("teams")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Form a team; publishes compliance-team.formed")
    public Response formComplianceTeam(@Valid @NotNull TeamRequest request) {
        ComplianceTeam t = service.formTeam(request);
        return Response.created(URI.create("/api/v1/compliance/teams?code=" + t.code)).entity(TeamView.of(t)).build();
    }

    @GET
    @Path("teams")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "Teams filtered by year and scope")
    public PageResult<TeamView> listComplianceTeams(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "phạm vi") @QueryParam("scope") ComplianceScope scope, @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("scope = :scope", "scope", scope);
        var query = ComplianceTeam.<ComplianceTeam>find(f.query(), Sort.by("code"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(TeamView::of).toList(), page, query.count());
    }

    @POST
    @Path("visits")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record a visit to an establishment (by stable code); publishes compliance-visit.recorded",
            description = "Repeat visits to the same establishment count it once in the statistics.")
    public Response recordComplianceVisit(@Valid @NotNull VisitRequest request) {
        return Response.status(201).entity(service.recordVisit(request)).build();
    }

    @POST
    @Path("coverage-reports")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record a count of establishments as a report states it, with its source sentence; publishes compliance-coverage.reported",
            description = "Two statements of the same count with different numbers are both kept and flagged by the statistics.")
    public Response reportComplianceCoverage(@Valid @NotNull CoverageRequest request) {
        return Response.status(201).entity(CoverageView.of(service.report(request))).build();
    }

    @GET
    @Path("coverage-reports")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Reported counts filtered by year and scope (figures as the report states them)")
    public PageResult<CoverageView> listComplianceCoverageReports(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "phạm vi") @QueryParam("scope") ComplianceScope scope, @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("scope = :scope", "scope", scope);
        var query = ComplianceCoverageReport.<ComplianceCoverageReport>find(f.query(), Sort.by("year").and("source").and("id"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(CoverageView::of).toList(), page, query.count());
    }

    @GET
    @Path("statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "A year's teams, establishments visited (each once) and visits by type, the reported counts, and their disagreements")
    public ComplianceStatistics getComplianceStatistics(@Parameter(description = "năm", required = true) @QueryParam("year") @NotNull Integer year) {
        return service.statistics(year);
    }

    private static KeysetQuery visitQuery(Integer year, String teamCode, ComplianceVisit.Result result) {
        return new KeysetQuery("compliance_visit", VISIT_ORDER).eq("year = :year", "year", year)
                .eq("team_code = :team", "team", teamCode).eq("result = :result", "result", result);
    }

    private static Object[] visitKey(ComplianceVisit v) {
        return new Object[] { v.year, v.visitedOn, v.id };
    }

    /** The ids among {@code visits} that were the first recorded visit of their establishment in their year. */
    @SuppressWarnings("unchecked")
    private Set<UUID> firstVisits(List<ComplianceVisit> visits) {
        if (visits.isEmpty()) {
            return Set.of();
        }
        List<Object> ids = em.createNativeQuery("""
                SELECT DISTINCT ON (v.establishment_code, v.year) v.id FROM compliance_visit v
                WHERE (v.establishment_code, v.year) IN (SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS int[])))
                ORDER BY v.establishment_code, v.year, v.created_at, v.id""")
                .setParameter(1, PgArray.of(visits.stream().map(v -> v.establishmentCode).toList()))
                .setParameter(2, PgArray.of(visits.stream().map(v -> v.year).toList()))
                .getResultList();
        Set<UUID> first = new HashSet<>();
        for (Object id : ids) {
            first.add(id instanceof UUID u ? u : UUID.fromString(id.toString()));
        }
        return first;
    }

    private Map<String, ComplianceEstablishment> establishments(List<ComplianceVisit> visits) {
        Set<String> codes = visits.stream().map(v -> v.establishmentCode).collect(Collectors.toSet());
        if (codes.isEmpty()) {
            return Map.of();
        }
        return ComplianceEstablishment.<ComplianceEstablishment>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(e -> e.code, Function.identity()));
    }

    @GET
    @Path("visits")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "Visits filtered by year, team and result, by year and date, one keyset page at a time",
            description = "Pass the page's 'next' as 'after' for the following page; the total only with total=true. "
                    + "With 'Accept: text/csv' the same list comes as the CSV export (see /api/v1/compliance/visits.csv).")
    public KeysetPage<VisitView> listComplianceVisits(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "mã đoàn / tổ") @QueryParam("teamCode") String teamCode,
            @Parameter(description = "kết quả") @QueryParam("result") ComplianceVisit.Result result,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one scan)") @QueryParam("total") boolean total,
            @BeanParam @Valid PageParams page) {
        KeysetQuery q = visitQuery(year, teamCode, result);
        Object[] from = null;
        if (after != null) {
            Cursor c = Cursor.parse(after, 3);
            from = new Object[] { (int) c.longValue(0), c.date(1), c.uuid(2) };
        }
        List<ComplianceVisit> rows = q.rows(em, ComplianceVisit.class, from, page, page.size);
        KeysetPage<ComplianceVisit> p = KeysetPage.of(rows, page.size, v -> Cursor.after(v.year, v.visitedOn, v.id),
                total ? q.count(em) : null);
        Set<UUID> first = firstVisits(p.items());
        Map<String, ComplianceEstablishment> places = establishments(p.items());
        return p.map(v -> new VisitView(v.id, v.teamCode, v.establishmentCode,
                places.containsKey(v.establishmentCode) ? places.get(v.establishmentCode).type : null, v.visitedOn,
                v.result, v.remarks, first.contains(v.id)));
    }

    static final String[] VISIT_CSV_HEADER = { "visitId", "year", "visitedOn", "teamCode", "teamScope",
            "establishmentCode", "establishmentType", "establishmentName", "result", "remarks",
            "firstVisitOfEstablishmentInYear" };

    private record VisitChunk(List<ComplianceVisit> visits, Set<UUID> first, Map<String, ComplianceEstablishment> places,
            Map<String, ComplianceScope> scopes) {
    }

    @GET
    @Path("visits.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "CSV export of COVID-19 compliance visits, streamed",
            description = "One row per visit in list order, with the establishment's type and name and the team's scope. "
                    + "RFC 4180, UTF-8 with a byte-order mark at the start. Also served for GET /api/v1/compliance/visits "
                    + "with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "the CSV", content = @Content(mediaType = CsvExport.MEDIA_TYPE))
    public Response exportComplianceVisitsCsv(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "mã đoàn / tổ") @QueryParam("teamCode") String teamCode,
            @Parameter(description = "kết quả") @QueryParam("result") ComplianceVisit.Result result) {
        KeysetQuery q = visitQuery(year, teamCode, result);
        return CsvExport.of("compliance-visits" + (year == null ? "" : "-" + year) + ".csv", VISIT_CSV_HEADER, sink -> {
            Object[] key = null;
            while (true) {
                Object[] from = key;
                VisitChunk chunk = QuarkusTransaction.requiringNew().call(() -> {
                    List<ComplianceVisit> list = q.rows(em, ComplianceVisit.class, from, null, csvChunk - 1);
                    Set<String> teams = list.stream().map(v -> v.teamCode).collect(Collectors.toSet());
                    Map<String, ComplianceScope> scopes = teams.isEmpty() ? Map.of()
                            : ComplianceTeam.<ComplianceTeam>list("code in ?1", teams).stream()
                                    .collect(Collectors.toMap(t -> t.code, t -> t.scope));
                    return new VisitChunk(list, firstVisits(list), establishments(list), scopes);
                });
                for (ComplianceVisit v : chunk.visits()) {
                    ComplianceEstablishment e = chunk.places().get(v.establishmentCode);
                    sink.row(v.id, v.year, v.visitedOn, v.teamCode, chunk.scopes().get(v.teamCode), v.establishmentCode,
                            e == null ? null : e.type, e == null ? null : e.name, v.result, v.remarks,
                            chunk.first().contains(v.id));
                }
                sink.flush();
                if (chunk.visits().size() < csvChunk) {
                    return;
                }
                key = visitKey(chunk.visits().get(chunk.visits().size() - 1));
            }
        });
    }
}
