package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "party inspection and supervision", description = "Chương trình kiểm tra, giám sát của Ban Thường vụ và Ủy ban kiểm tra; tự kiểm tra của chi bộ")
public class PartyInspectionResource {
    static final String[] READERS = { Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE,
            Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION };

    private final PartyInspectionService service;

    public PartyInspectionResource(PartyInspectionService service) {
        this.service = service;
    }

    @POST
    @Path("programmes")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Issue a programme, optionally with its items; publishes inspection-programme.issued and one inspection-item.planned per item",
            description = "The document number is unique per issuing body (409); issue date and planned periods must lie in the programme's year (422); each target must be a cell or member already announced on sct.member.events (422 unknown-target).")
    public Response issue(@Valid @NotNull ProgrammeRequest request) {
        InspectionProgramme p = service.issue(request);
        return Response.created(URI.create("/api/v1/programmes/" + p.id)).entity(ProgrammeView.of(p, service.items(p.id))).build();
    }

    @GET
    @Path("programmes")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Programmes with their items and computed completion, filtered by year and issuing body")
    public PageResult<ProgrammeView> programmes(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "mã cơ quan ban hành") @QueryParam("body") String body,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("bodyCode = :body", "body", body);
        var query = InspectionProgramme.<InspectionProgramme>find(f.query(), Sort.by("issuedOn").and("documentNumber"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(p -> ProgrammeView.of(p, service.items(p.id))).toList(),
                page, query.count());
    }

    @GET
    @Path("programmes/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One programme with its items and computed completion")
    public ProgrammeView programme(@PathParam("id") UUID id) {
        return ProgrammeView.of(service.programme(id), service.items(id));
    }

    @POST
    @Path("programmes/{id}/items")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Add an item to a programme; publishes inspection-item.planned")
    public Response addItem(@PathParam("id") UUID id, @Valid @NotNull ItemRequest request) {
        InspectionItem i = service.addItem(id, request);
        return Response.created(URI.create("/api/v1/items/" + i.id)).entity(ItemView.of(i)).build();
    }

    @GET
    @Path("items")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Items across programmes, filtered by year, body, kind, status and target")
    public PageResult<ItemView> items(@Parameter(description = "năm của chương trình") @QueryParam("year") Integer year,
            @Parameter(description = "mã cơ quan ban hành") @QueryParam("body") String body,
            @Parameter(description = "loại") @QueryParam("kind") ItemKind kind,
            @Parameter(description = "trạng thái") @QueryParam("status") ItemStatus status,
            @Parameter(description = "mã chi bộ của đối tượng") @QueryParam("cell") String cell,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter()
                .eq("programmeId in (select p.id from InspectionProgramme p where p.year = :year)", "year", year)
                .eq("programmeId in (select p.id from InspectionProgramme p where p.bodyCode = :body)", "body", body)
                .eq("kind = :kind", "kind", kind).eq("status = :status", "status", status)
                .eq("targetCellCode = :cell", "cell", cell);
        var query = InspectionItem.<InspectionItem>find(f.query(), Sort.by("plannedFrom").and("id"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(ItemView::of).toList(), page, query.count());
    }

    @GET
    @Path("items/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One item")
    public ItemView item(@PathParam("id") UUID id) {
        return ItemView.of(service.item(id));
    }

    @POST
    @Path("items/{id}/start")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "PLANNED → IN_PROGRESS; publishes inspection-item.started")
    public ItemView start(@PathParam("id") UUID id, @Valid @NotNull StartRequest request) {
        return ItemView.of(service.start(id, request));
    }

    @POST
    @Path("items/{id}/conclusion")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "IN_PROGRESS → CONCLUDED with the conclusion; publishes inspection-item.concluded",
            description = "Only an item in progress can be concluded (409 item-status).")
    public ItemView conclude(@PathParam("id") UUID id, @Valid @NotNull ConclusionRequest request) {
        return ItemView.of(service.conclude(id, request));
    }

    @POST
    @Path("items/{id}/postponement")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Postpone to a later year with a reason; publishes inspection-item.postponed")
    public ItemView postpone(@PathParam("id") UUID id, @Valid @NotNull PostponementRequest request) {
        return ItemView.of(service.postpone(id, request));
    }

    @POST
    @Path("items/{id}/cancellation")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Cancel with a reason (cancelled items leave the completion denominator); publishes inspection-item.cancelled")
    public ItemView cancel(@PathParam("id") UUID id, @Valid @NotNull CancellationRequest request) {
        return ItemView.of(service.cancel(id, request));
    }

    @POST
    @Path("self-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTION_COMMITTEE, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Record a cell's self-inspection plan for a year and how many members it self-inspected (recording again updates it); publishes self-inspection.recorded")
    public Response recordSelfInspection(@Valid @NotNull SelfInspectionRequest request) {
        SelfInspectionPlan p = service.recordSelfInspection(request);
        return Response.status(201).location(URI.create("/api/v1/self-inspections/" + p.id)).entity(SelfInspectionView.of(p)).build();
    }

    @GET
    @Path("self-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Cells' self-inspection plans, filtered by year and organisation")
    public PageResult<SelfInspectionView> selfInspections(@Parameter(description = "năm") @QueryParam("year") Integer year,
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
    public PartyStatistics statistics(@Parameter(description = "năm", required = true) @QueryParam("year") @NotNull Integer year,
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
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE })
    @Operation(summary = "The read model of organisations, cells and members learned from sct.member.events: what an item may target")
    public PageResult<KnownUnitView> knownUnits(@Parameter(description = "loại") @QueryParam("kind") KnownPartyUnit.Kind kind,
            @Parameter(description = "mã tổ chức đảng") @QueryParam("organization") String organization,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("kind = :kind", "kind", kind).eq("organizationCode = :org", "org", organization);
        var query = KnownPartyUnit.<KnownPartyUnit>find(f.query(), Sort.by("kind").and("organizationCode").and("code").and("id"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(u -> new KnownUnitView(u.kind, u.organizationCode,
                u.code, u.externalId, u.cellCode, u.name, u.lastEventType)).toList(), page, query.count());
    }
}
