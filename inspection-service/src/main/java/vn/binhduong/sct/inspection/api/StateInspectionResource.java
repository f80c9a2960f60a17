package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.util.List;
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
import vn.binhduong.sct.inspection.api.StateInspectionApi.PaymentRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PenaltyRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.PenaltyView;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateConclusionRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateInspectionRequest;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateInspectionView;
import vn.binhduong.sct.inspection.api.StateInspectionApi.StateStatistics;
import vn.binhduong.sct.inspection.api.StateInspectionApi.SubjectRequest;
import vn.binhduong.sct.inspection.domain.InspectionField;
import vn.binhduong.sct.inspection.domain.PenaltyDecision;
import vn.binhduong.sct.inspection.domain.StateInspection;
import vn.binhduong.sct.inspection.domain.SubjectKind;
import vn.binhduong.sct.inspection.service.StateInspectionService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "state inspections", description = "Thanh tra chuyên ngành của Sở: đoàn thanh tra, đối tượng, kết luận, xử phạt vi phạm hành chính")
public class StateInspectionResource {
    private final StateInspectionService service;

    public StateInspectionResource(StateInspectionService service) {
        this.service = service;
    }

    private StateInspectionView view(StateInspection s) {
        List<SubjectRequest> subjects = service.subjects(s.id).stream().map(x -> new SubjectRequest(x.subjectKind, x.name)).toList();
        return StateInspectionView.of(s, subjects);
    }

    @POST
    @Path("state-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Open a state inspection delegation; publishes state-inspection.opened",
            description = "A decision number, when given, is unique per issuer (409 duplicate-decision-number).")
    public Response open(@Valid @NotNull StateInspectionRequest request) {
        StateInspection s = service.open(request);
        return Response.created(URI.create("/api/v1/state-inspections/" + s.id)).entity(view(s)).build();
    }

    @GET
    @Path("state-inspections")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "State inspections filtered by year, field and status")
    public PageResult<StateInspectionView> list(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "lĩnh vực") @QueryParam("field") InspectionField field,
            @Parameter(description = "trạng thái") @QueryParam("status") StateInspection.Status status,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("status = :status", "status", status)
                .eq("(',' || fields || ',') like :field", "field", field == null ? null : "%," + field.name() + ",%");
        var query = StateInspection.<StateInspection>find(f.query(), Sort.by("year").and("decisionDate").and("id"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(this::view).toList(), page, query.count());
    }

    @GET
    @Path("state-inspections/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One state inspection with its subjects")
    public StateInspectionView get(@PathParam("id") UUID id) {
        return view(service.get(id));
    }

    @POST
    @Path("state-inspections/{id}/subjects")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Add a business or individual inspected")
    public Response addSubject(@PathParam("id") UUID id, @Valid @NotNull SubjectRequest request) {
        return Response.status(201).entity(view(service.addSubject(id, request))).build();
    }

    @POST
    @Path("state-inspections/{id}/conclusion")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Conclude with findings; publishes state-inspection.concluded")
    public StateInspectionView conclude(@PathParam("id") UUID id, @Valid @NotNull StateConclusionRequest request) {
        return view(service.conclude(id, request));
    }

    @POST
    @Path("penalties")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record an administrative penalty decision; publishes penalty.decided",
            description = "The amount is a positive whole number of đồng (400 otherwise); a decision number, when given, is unique per issuer (409).")
    public Response decide(@Valid @NotNull PenaltyRequest request) {
        PenaltyDecision p = service.decide(request);
        return Response.created(URI.create("/api/v1/penalties/" + p.id)).entity(PenaltyView.of(p)).build();
    }

    @GET
    @Path("penalties")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Penalty decisions filtered by year, offender kind, paid and state inspection")
    public PageResult<PenaltyView> penalties(@Parameter(description = "năm") @QueryParam("year") Integer year,
            @Parameter(description = "bị xử phạt") @QueryParam("offenderKind") SubjectKind offenderKind,
            @Parameter(description = "đã chấp hành") @QueryParam("paid") Boolean paid,
            @Parameter(description = "đoàn thanh tra") @QueryParam("stateInspectionId") UUID stateInspectionId,
            @BeanParam @Valid PageParams page) {
        Filter f = new Filter().eq("year = :year", "year", year).eq("offenderKind = :kind", "kind", offenderKind)
                .eq("paid = :paid", "paid", paid).eq("stateInspectionId = :si", "si", stateInspectionId);
        var query = PenaltyDecision.<PenaltyDecision>find(f.query(), Sort.by("year").and("decidedOn").and("id"), f.params());
        return PageResult.of(query.page(page.toPage()).list().stream().map(PenaltyView::of).toList(), page, query.count());
    }

    @GET
    @Path("penalties/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One penalty decision")
    public PenaltyView penalty(@PathParam("id") UUID id) {
        return PenaltyView.of(service.penalty(id));
    }

    @POST
    @Path("penalties/{id}/payment")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Record that the penalty was complied with (paid); publishes penalty.paid")
    public PenaltyView pay(@PathParam("id") UUID id, @Valid @NotNull PaymentRequest request) {
        return PenaltyView.of(service.pay(id, request));
    }

    @GET
    @Path("state-inspections/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "A year's delegations and penalties: counts by offender kind, total in đồng, compliance")
    public StateStatistics statistics(@Parameter(description = "năm", required = true) @QueryParam("year") @NotNull Integer year) {
        return service.statistics(year);
    }
}
