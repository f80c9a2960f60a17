package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PaymentRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PenaltyRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PenaltyView;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateConclusionRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateInspectionRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateInspectionView;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateStatistics;
import vn.binhduong.sct.inspection.api.StateInspectionApi.SubjectRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.SubjectView;
import vn.binhduong.sct.inspection.domain.InspectionField;
import vn.binhduong.sct.inspection.domain.PenaltyDecision;
import vn.binhduong.sct.inspection.domain.StateInspection;
import vn.binhduong.sct.inspection.domain.StateInspectionSubject;
import vn.binhduong.sct.inspection.domain.SubjectKind;
import vn.binhduong.sct.inspection.service.StateInspectionService;
import vn.binhduong.sct.inspection.service.Versions;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "state inspections", description = "Thanh tra chuyên ngành của Sở: đoàn thanh tra, đối tượng, kết luận, xử phạt vi phạm hành chính")
public class StateInspectionResource {
    /** Sort keys of the keyset lists; V2__keyset_indexes.sql indexes exactly these expressions. */
    public static final String INSPECTION_ORDER = "year, COALESCE(decision_date, DATE '0001-01-01'), id";
    public static final String PENALTY_ORDER = "year, COALESCE(decided_on, DATE '0001-01-01'), id";
    static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    private final StateInspectionService service;
    private final SecurityIdentity caller;
    private final EntityManager em;
    /** Rows read per query while streaming a CSV export. */
    private final int csvChunk;

    public StateInspectionResource(StateInspectionService service, SecurityIdentity caller, EntityManager em,
            @ConfigProperty(name = "inspection.export.chunk-size", defaultValue = "500") int csvChunk) {
        this.csvChunk = csvChunk;
        this.service = service;
        this.caller = caller;
        this.em = em;
    }

    private StateInspectionView view(StateInspection s) {
        return views(List.of(s)).get(0);
    }

    private List<StateInspectionView> views(List<StateInspection> list) {
        boolean names = PersonalData.namesVisible(caller);
        Map<UUID, List<StateInspectionSubject>> subjects = service.subjects(list.stream().map(s -> s.id).toList());
        return list.stream().map(s -> StateInspectionView.of(s, subjects.getOrDefault(s.id, List.of()).stream()
                .map(x -> SubjectView.of(x.subjectKind, x.name, names)).toList())).toList();
    }

    private static <T> RestResponse<T> tagged(T entity, int version) {
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", Versions.etag(version)).build();
    }

    @POST
    @Path("state-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Open a state inspection delegation; publishes state-inspection.opened",
            description = "A decision number, when given, is unique per issuer (409 duplicate-decision-number).")
    public Response openStateInspection(@Valid @NotNull StateInspectionRequest request) {
        StateInspection s = service.open(request);
        return Response.created(URI.create("/api/v1/state-inspections/" + s.id)).entity(view(s))
                .header("ETag", Versions.etag(s.version)).build();
    }

    private static KeysetQuery inspectionQuery(Integer year, InspectionField field, StateInspection.Status status) {
        return new KeysetQuery("state_inspection", INSPECTION_ORDER).eq("year = :year", "year", year)
                .eq("status = :status", "status", status)
                .eq("(',' || fields || ',') LIKE :field", "field", field == null ? null : "%," + field.name() + ",%");
    }

    private static Object[] inspectionKey(Cursor c) {
        return new Object[] { (int) c.longValue(0), c.date(1), c.uuid(2) };
    }

    private static String inspectionCursor(StateInspection s) {
        return Cursor.after(s.year, s.decisionDate == null ? NO_DATE : s.decisionDate, s.id);
    }

    @GET
    @Path("state-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "State inspections filtered by year, field and status, by year and decision date, one keyset page at a time",
            description = "Pass the page's 'next' as 'after' for the following page (an index range scan however deep); "
                    + "'page' still works for the first pages. The total is counted only with total=true. "
                    + "With 'Accept: text/csv' the same list comes as the CSV export (see /api/v1/state-inspections.csv).")
    public KeysetPage<StateInspectionView> listStateInspections(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "lĩnh vực") @QueryParam("field") InspectionField field,
            @Parameter(description = "trạng thái") @QueryParam("status") StateInspection.Status status,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one scan)") @QueryParam("total") boolean total,
            @BeanParam @Valid PageParams page) {
        KeysetQuery q = inspectionQuery(year, field, status);
        List<StateInspection> rows = q.rows(em, StateInspection.class,
                after == null ? null : inspectionKey(Cursor.parse(after, 3)), page, page.size);
        KeysetPage<StateInspection> p = KeysetPage.of(rows, page.size, StateInspectionResource::inspectionCursor,
                total ? q.count(em) : null);
        return new KeysetPage<>(views(p.items()), p.size(), p.next(), p.total());
    }

    static final String[] STATE_CSV_HEADER = { "stateInspectionId", "organization", "issuer", "decisionNumber",
            "decisionDate", "year", "fields", "title", "leadAgency", "interAgency", "status", "concludedOn",
            "violationsFound", "findings", "businessesInspected", "individualsInspected", "penaltyId",
            "penaltyIssuer", "penaltyDecisionNumber", "penaltyDecidedOn", "offenderKind", "offenderName", "violation",
            "amountVnd", "paid", "paidOn" };

    @GET
    @Path("state-inspections.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "CSV export of state inspections with their penalties, streamed",
            description = "One row per penalty decision of a delegation (a delegation without penalties: one row with the "
                    + "penalty columns empty), delegations in list order; then the penalty decisions of no delegation. "
                    + "RFC 4180, UTF-8 with a byte-order mark at the start. Names of penalised individuals only for "
                    + "admin, party-committee and department-staff. Also served for GET /api/v1/state-inspections with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "the CSV", content = @Content(mediaType = CsvExport.MEDIA_TYPE))
    public Response exportStateInspectionsCsv(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "lĩnh vực") @QueryParam("field") InspectionField field,
            @Parameter(description = "trạng thái") @QueryParam("status") StateInspection.Status status) {
        boolean names = PersonalData.namesVisible(caller);
        KeysetQuery inspections = inspectionQuery(year, field, status);
        // penalties of no delegation belong to the export only when no delegation filter narrows it
        KeysetQuery loose = field == null && status == null ? new KeysetQuery("penalty_decision", PENALTY_ORDER)
                .where("state_inspection_id IS NULL").eq("year = :year", "year", year) : null;
        return CsvExport.of("state-inspections" + (year == null ? "" : "-" + year) + ".csv", STATE_CSV_HEADER, sink -> {
            Object[] key = null;
            while (true) {
                Object[] from = key;
                Chunk chunk = QuarkusTransaction.requiringNew().call(() -> {
                    List<StateInspection> list = inspections.rows(em, StateInspection.class, from, null, csvChunk - 1);
                    List<UUID> ids = list.stream().map(s -> s.id).toList();
                    return new Chunk(list, service.subjects(ids), service.penaltiesOf(ids));
                });
                for (StateInspection s : chunk.inspections()) {
                    List<StateInspectionSubject> subjects = chunk.subjects().getOrDefault(s.id, List.of());
                    Object[] head = { s.id, s.organization, s.issuer, s.decisionNumber, s.decisionDate, s.year,
                            s.fieldList(), s.title, s.leadAgency, s.interAgency, s.status, s.concludedOn,
                            s.violationsFound, s.findings,
                            subjects.stream().filter(x -> x.subjectKind == SubjectKind.BUSINESS).count(),
                            subjects.stream().filter(x -> x.subjectKind == SubjectKind.INDIVIDUAL).count() };
                    List<PenaltyDecision> penalties = chunk.penalties().getOrDefault(s.id, List.of());
                    if (penalties.isEmpty()) {
                        sink.row(concat(head, new Object[10]));
                    }
                    for (PenaltyDecision p : penalties) {
                        sink.row(concat(head, penalty(p, names)));
                    }
                }
                sink.flush();
                if (chunk.inspections().size() < csvChunk) {
                    break;
                }
                StateInspection last = chunk.inspections().get(chunk.inspections().size() - 1);
                key = new Object[] { last.year, last.decisionDate == null ? NO_DATE : last.decisionDate, last.id };
            }
            if (loose == null) {
                return;
            }
            key = null;
            while (true) {
                Object[] from = key;
                List<PenaltyDecision> list = QuarkusTransaction.requiringNew()
                        .call(() -> loose.rows(em, PenaltyDecision.class, from, null, csvChunk - 1));
                for (PenaltyDecision p : list) {
                    sink.row(concat(new Object[16], penalty(p, names)));
                }
                sink.flush();
                if (list.size() < csvChunk) {
                    break;
                }
                PenaltyDecision last = list.get(list.size() - 1);
                key = new Object[] { last.year, last.decidedOn == null ? NO_DATE : last.decidedOn, last.id };
            }
        });
    }

    private record Chunk(List<StateInspection> inspections, Map<UUID, List<StateInspectionSubject>> subjects,
            Map<UUID, List<PenaltyDecision>> penalties) {
    }

    private static Object[] penalty(PenaltyDecision p, boolean names) {
        return new Object[] { p.id, p.issuer, p.decisionNumber, p.decidedOn, p.offenderKind,
                PenaltyView.offenderName(p, names), p.violation, p.amountVnd, p.paid, p.paidOn };
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @GET
    @Path("state-inspections/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "One state inspection with its subjects; ETag = its version (for If-Match on the conclusion)")
    public RestResponse<StateInspectionView> getStateInspection(@PathParam("id") UUID id) {
        StateInspection s = service.get(id);
        return tagged(view(s), s.version);
    }

    @POST
    @Path("state-inspections/{id}/subjects")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Add a business or individual inspected")
    public Response addStateInspectionSubject(@PathParam("id") UUID id, @Valid @NotNull SubjectRequest request) {
        return Response.status(201).entity(view(service.addSubject(id, request))).build();
    }

    @POST
    @Path("state-inspections/{id}/conclusion")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Conclude with findings; publishes state-inspection.concluded",
            description = "The version read travels as 'version' in the body or as If-Match (the GET's ETag): 412 when "
                    + "If-Match names another version, 409 when the body's version is stale.")
    public RestResponse<StateInspectionView> concludeStateInspection(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StateConclusionRequest request) {
        StateInspection s = service.conclude(id, request, ifMatch);
        return tagged(view(s), s.version);
    }

    @POST
    @Path("penalties")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record an administrative penalty decision; publishes penalty.decided",
            description = "The amount is a positive whole number of đồng (400 otherwise); a decision number, when given, is unique per issuer (409).")
    public Response decidePenalty(@Valid @NotNull PenaltyRequest request) {
        PenaltyDecision p = service.decide(request);
        return Response.created(URI.create("/api/v1/penalties/" + p.id))
                .entity(PenaltyView.of(p, PersonalData.namesVisible(caller))).header("ETag", Versions.etag(p.version)).build();
    }

    @GET
    @Path("penalties")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "Penalty decisions filtered by year, offender kind, paid and state inspection, by year and decision date, one keyset page at a time",
            description = "Pass 'next' as 'after' for the following page; the total only with total=true. Names of "
                    + "penalised individuals only for admin, party-committee and department-staff.")
    public KeysetPage<PenaltyView> listPenalties(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "bị xử phạt") @QueryParam("offenderKind") SubjectKind offenderKind,
            @Parameter(description = "đã chấp hành") @QueryParam("paid") Boolean paid,
            @Parameter(description = "đoàn thanh tra") @QueryParam("stateInspectionId") UUID stateInspectionId,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one scan)") @QueryParam("total") boolean total,
            @BeanParam @Valid PageParams page) {
        KeysetQuery q = new KeysetQuery("penalty_decision", PENALTY_ORDER).eq("year = :year", "year", year)
                .eq("offender_kind = :kind", "kind", offenderKind).eq("paid = :paid", "paid", paid)
                .eq("state_inspection_id = :si", "si", stateInspectionId);
        Object[] from = null;
        if (after != null) {
            Cursor c = Cursor.parse(after, 3);
            from = new Object[] { (int) c.longValue(0), c.date(1), c.uuid(2) };
        }
        boolean names = PersonalData.namesVisible(caller);
        List<PenaltyDecision> rows = q.rows(em, PenaltyDecision.class, from, page, page.size);
        return KeysetPage.of(rows, page.size,
                (PenaltyDecision p) -> Cursor.after(p.year, p.decidedOn == null ? NO_DATE : p.decidedOn, p.id),
                total ? q.count(em) : null).map(p -> PenaltyView.of(p, names));
    }

    @GET
    @Path("penalties/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "One penalty decision; ETag = its version (for If-Match on the payment)")
    public RestResponse<PenaltyView> getPenalty(@PathParam("id") UUID id) {
        PenaltyDecision p = service.penalty(id);
        return tagged(PenaltyView.of(p, PersonalData.namesVisible(caller)), p.version);
    }

    @POST
    @Path("penalties/{id}/payment")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record that the penalty was complied with (paid); publishes penalty.paid",
            description = "The version read travels as 'version' in the body or as If-Match (412 on a mismatch).")
    public RestResponse<PenaltyView> recordPenaltyPayment(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PaymentRequest request) {
        PenaltyDecision p = service.pay(id, request, ifMatch);
        return tagged(PenaltyView.of(p, PersonalData.namesVisible(caller)), p.version);
    }

    @GET
    @Path("state-inspections/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "A year's delegations and penalties: counts by offender kind, total in đồng, compliance")
    public StateStatistics getStateInspectionStatistics(@Parameter(description = "năm", required = true) @QueryParam("year") @NotNull Integer year) {
        return service.statistics(year);
    }
}
