package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.CancellationRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ConclusionRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ItemRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ItemView;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.PartyStatistics;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.PostponementRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ProgrammeRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.ProgrammeView;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.SelfInspectionRequest;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.SelfInspectionView;
import vn.binhduong.sct.inspection.api.PartyInspectionApi.StartRequest;
import vn.binhduong.sct.inspection.domain.InspectionItem;
import vn.binhduong.sct.inspection.domain.InspectionProgramme;
import vn.binhduong.sct.inspection.domain.ItemKind;
import vn.binhduong.sct.inspection.domain.ItemStatus;
import vn.binhduong.sct.inspection.domain.KnownPartyUnit;
import vn.binhduong.sct.inspection.domain.SelfInspectionPlan;
import vn.binhduong.sct.inspection.service.PartyInspectionService;
import vn.binhduong.sct.inspection.service.Versions;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "party inspection and supervision", description = "Chương trình kiểm tra, giám sát của Ban Thường vụ và Ủy ban kiểm tra; tự kiểm tra của chi bộ")
public class PartyInspectionResource {
    /** Sort keys of the keyset lists; V2__keyset_indexes.sql indexes them. */
    public static final String ITEM_ORDER = "planned_from, id";
    public static final String KNOWN_UNIT_ORDER = "id";

    private final PartyInspectionService service;
    private final EntityManager em;

    public PartyInspectionResource(PartyInspectionService service, EntityManager em) {
        this.service = service;
        this.em = em;
    }

    private static <T> RestResponse<T> tagged(T entity, int version) {
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", Versions.etag(version)).build();
    }

    @POST
    @Path("programmes")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "Issue a programme, optionally with its items; publishes inspection-programme.issued and one inspection-item.planned per item",
            description = "The document number is unique per issuing body (409); issue date and planned periods must lie in the programme's year (422); each target must be a cell or member already announced on sct.member.events (422 unknown-target).")
    public Response issueProgramme(@Valid @NotNull ProgrammeRequest request) {
        InspectionProgramme p = service.issue(request);
        return Response.created(URI.create("/api/v1/programmes/" + p.id)).entity(ProgrammeView.of(p, service.items(p.id))).build();
    }

    @GET
    @Path("programmes")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Programmes with their items and computed completion, filtered by year and issuing body")
    public PageResult<ProgrammeView> listProgrammes(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "mã cơ quan ban hành") @QueryParam("body") String body,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("bodyCode = :body", "body", body);
        var query = InspectionProgramme.<InspectionProgramme>find(f.query(), Sort.by("issuedOn").and("documentNumber"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(p -> ProgrammeView.of(p, service.items(p.id))).toList(),
                page, query.count());
    }

    @GET
    @Path("programmes/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "One programme with its items and computed completion; ETag = its version")
    public RestResponse<ProgrammeView> getProgramme(@PathParam("id") UUID id) {
        InspectionProgramme p = service.programme(id);
        return tagged(ProgrammeView.of(p, service.items(id)), p.version);
    }

    @POST
    @Path("programmes/{id}/items")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "Add an item to a programme; publishes inspection-item.planned")
    public Response addProgrammeItem(@PathParam("id") UUID id, @Valid @NotNull ItemRequest request) {
        InspectionItem i = service.addItem(id, request);
        return Response.created(URI.create("/api/v1/items/" + i.id)).entity(ItemView.of(i)).build();
    }

    @GET
    @Path("items")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Items across programmes, filtered by year, body, kind, status and target cell, by planned start, one keyset page at a time",
            description = "Pass the page's 'next' as 'after' for the following page (an index range scan however deep); "
                    + "'page' still works for the first pages. The total is counted only with total=true.")
    public KeysetPage<ItemView> listInspectionItems(@Parameter(description = "năm của chương trình") @QueryParam("year") Integer year,
            @Parameter(description = "mã cơ quan ban hành") @QueryParam("body") String body,
            @Parameter(description = "loại") @QueryParam("kind") ItemKind kind,
            @Parameter(description = "trạng thái") @QueryParam("status") ItemStatus status,
            @Parameter(description = "mã chi bộ của đối tượng") @QueryParam("cell") String cell,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one scan)") @QueryParam("total") boolean total,
            @BeanParam @Valid PageParams page) {
        KeysetQuery q = new KeysetQuery("inspection_item", ITEM_ORDER)
                .eq("programme_id IN (SELECT p.id FROM inspection_programme p WHERE p.year = :year)", "year", year)
                .eq("programme_id IN (SELECT p.id FROM inspection_programme p WHERE p.body_code = :body)", "body", body)
                .eq("kind = :kind", "kind", kind).eq("status = :status", "status", status)
                .eq("target_cell_code = :cell", "cell", cell);
        Object[] from = null;
        if (after != null) {
            Cursor c = Cursor.parse(after, 2);
            from = new Object[] { c.date(0), c.uuid(1) };
        }
        List<InspectionItem> rows = q.rows(em, InspectionItem.class, from, page, page.size);
        return KeysetPage.of(rows, page.size, (InspectionItem i) -> Cursor.after(i.plannedFrom, i.id),
                total ? q.count(em) : null).map(ItemView::of);
    }

    @GET
    @Path("items/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "One item; ETag = its version (for If-Match on start, conclusion, postponement, cancellation)")
    public RestResponse<ItemView> getInspectionItem(@PathParam("id") UUID id) {
        InspectionItem i = service.item(id);
        return tagged(ItemView.of(i), i.version);
    }

    @POST
    @Path("items/{id}/start")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "PLANNED → IN_PROGRESS; publishes inspection-item.started",
            description = "The version read travels as 'version' in the body or as If-Match with the GET's ETag: 412 precondition-failed when If-Match names another version, 409 stale-version when the body's is stale; the answer carries the new ETag.")
    public RestResponse<ItemView> startInspectionItem(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"; instead of or next to the body's version") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StartRequest request) {
        InspectionItem i = service.start(id, request, ifMatch);
        return tagged(ItemView.of(i), i.version);
    }

    @POST
    @Path("items/{id}/conclusion")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "IN_PROGRESS → CONCLUDED with the conclusion; publishes inspection-item.concluded",
            description = "Only an item in progress can be concluded (409 item-status). The version read travels as 'version' in the body or as If-Match with the GET's ETag: 412 precondition-failed when If-Match names another version, 409 stale-version when the body's is stale; the answer carries the new ETag.")
    public RestResponse<ItemView> concludeInspectionItem(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"; instead of or next to the body's version") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ConclusionRequest request) {
        InspectionItem i = service.conclude(id, request, ifMatch);
        return tagged(ItemView.of(i), i.version);
    }

    @POST
    @Path("items/{id}/postponement")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "Postpone to a later year with a reason; publishes inspection-item.postponed",
            description = "The version read travels as 'version' in the body or as If-Match with the GET's ETag: 412 precondition-failed when If-Match names another version, 409 stale-version when the body's is stale; the answer carries the new ETag.")
    public RestResponse<ItemView> postponeInspectionItem(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"; instead of or next to the body's version") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostponementRequest request) {
        InspectionItem i = service.postpone(id, request, ifMatch);
        return tagged(ItemView.of(i), i.version);
    }

    @POST
    @Path("items/{id}/cancellation")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "Cancel with a reason (cancelled items leave the completion denominator); publishes inspection-item.cancelled",
            description = "The version read travels as 'version' in the body or as If-Match with the GET's ETag: 412 precondition-failed when If-Match names another version, 409 stale-version when the body's is stale; the answer carries the new ETag.")
    public RestResponse<ItemView> cancelInspectionItem(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"; instead of or next to the body's version") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CancellationRequest request) {
        InspectionItem i = service.cancel(id, request, ifMatch);
        return tagged(ItemView.of(i), i.version);
    }

    @POST
    @Path("self-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "Record a cell's self-inspection plan for a year and how many members it self-inspected (recording again updates it); publishes self-inspection.recorded")
    public Response recordSelfInspection(@Valid @NotNull SelfInspectionRequest request) {
        SelfInspectionPlan p = service.recordSelfInspection(request);
        return Response.status(201).location(URI.create("/api/v1/self-inspections/" + p.id)).entity(SelfInspectionView.of(p)).build();
    }

    @GET
    @Path("self-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Cells' self-inspection plans, filtered by year and organisation")
    public PageResult<SelfInspectionView> listSelfInspections(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "mã tổ chức đảng") @QueryParam("organization") String organization,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("organization = :org", "org", organization);
        var query = SelfInspectionPlan.<SelfInspectionPlan>find(f.query(), Sort.by("year").and("cellCode"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(SelfInspectionView::of).toList(), page, query.count());
    }

    @GET
    @Path("party-inspections/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "A year's figures: completion (concluded over planned items), who inspected or supervised which cell with what result, cells' self-inspection")
    public PartyStatistics getPartyInspectionStatistics(@Parameter(description = "năm", required = true) @QueryParam("year") @NotNull Integer year,
            @Parameter(description = "mã tổ chức đảng") @QueryParam("organization") String organization) {
        return service.statistics(year, organization);
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Một tổ chức đảng, chi bộ hay đảng viên đã biết qua sct.member.events")
    public record KnownUnitView(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "ORGANIZATION, CELL, MEMBER") KnownPartyUnit.Kind kind,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "mã tổ chức đảng") String organization,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "mã (tổ chức, chi bộ)") String code,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "id do member-service cấp (cellId, memberId)") String externalId,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "chi bộ của đảng viên") String cellCode,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "tên (tổ chức, chi bộ)") String name,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "sự kiện cuối cùng đã áp dụng") String lastEventType) {
    }

    @GET
    @Path("known-units")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "The read model of organisations, cells and members learned from sct.member.events: what an item may target; in the order learned, one keyset page at a time",
            description = "Pass the page's 'next' as 'after' for the following page; the total only with total=true.")
    public KeysetPage<KnownUnitView> listKnownUnits(@Parameter(description = "loại") @QueryParam("kind") KnownPartyUnit.Kind kind,
            @Parameter(description = "mã tổ chức đảng") @QueryParam("organization") String organization,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one scan)") @QueryParam("total") boolean total,
            @BeanParam @Valid PageParams page) {
        KeysetQuery q = new KeysetQuery("known_party_unit", KNOWN_UNIT_ORDER).eq("kind = :kind", "kind", kind)
                .eq("organization_code = :org", "org", organization);
        Object[] from = after == null ? null : new Object[] { Cursor.parse(after, 1).longValue(0) };
        List<KnownPartyUnit> rows = q.rows(em, KnownPartyUnit.class, from, page, page.size);
        return KeysetPage.of(rows, page.size, (KnownPartyUnit u) -> Cursor.after(u.id), total ? q.count(em) : null)
                .map(u -> new KnownUnitView(u.kind, u.organizationCode, u.code, u.externalId, u.cellCode, u.name,
                        u.lastEventType));
    }
}
