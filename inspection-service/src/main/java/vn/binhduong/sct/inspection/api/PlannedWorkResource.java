package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import vn.binhduong.sct.inspection.api.PartyInspectionApi.PostponementRequest;
import vn.binhduong.sct.inspection.domain.InspectionField;
import vn.binhduong.sct.inspection.domain.InspectionItem;
import vn.binhduong.sct.inspection.domain.InspectionProgramme;
import vn.binhduong.sct.inspection.domain.ItemStatus;
import vn.binhduong.sct.inspection.domain.PlannedWork;
import vn.binhduong.sct.inspection.service.PlannedWorkService;
import vn.binhduong.sct.inspection.service.Versions;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planned and postponed work", description = "Việc đã lên kế hoạch nhưng chưa thực hiện, với lý do: nguồn của mục hạn chế trong báo cáo")
public class PlannedWorkResource {
    @Schema(description = "Một việc đã lên kế hoạch (ngoài chương trình kiểm tra đảng)")
    public record PlannedWorkRequest(
            @Schema(description = "mã cơ quan", examples = "SCT") @NotBlank @Size(max = 40) String organization,
            @Schema(description = "năm kế hoạch", examples = "2021") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "loại việc", examples = "DRILL") @NotNull PlannedWork.Category category,
            @Schema(description = "lĩnh vực, nếu có", examples = "CHEMICALS") InspectionField field,
            @Schema(description = "tên việc", examples = "Diễn tập ứng phó sự cố hóa chất tỉnh Bình Dương năm 2021") @NotBlank @Size(max = 500) String title,
            @Schema(description = "kế hoạch gốc", examples = "Kế hoạch tổ chức diễn tập ứng phó sự cố hóa chất năm 2021") @Size(max = 200) String planReference,
            @Schema(description = "câu nguồn trong báo cáo") @Size(max = 4000) String sourceSentence) {
    }

    @Schema(description = "Việc đã lên kế hoạch")
    public record PlannedWorkView(@Schema(description = "id") UUID id, @Schema(description = "mã cơ quan") String organization,
            @Schema(description = "năm") int year, @Schema(description = "loại") PlannedWork.Category category,
            @Schema(description = "lĩnh vực") InspectionField field, @Schema(description = "tên") String title,
            @Schema(description = "kế hoạch gốc") String planReference, @Schema(description = "trạng thái") PlannedWork.Status status,
            @Schema(description = "lý do hoãn") String postponedReason, @Schema(description = "hoãn sang năm") Integer postponedToYear,
            @Schema(description = "câu nguồn") String sourceSentence, @Schema(description = "phiên bản") int version) {
        static PlannedWorkView of(PlannedWork w) {
            return new PlannedWorkView(w.id, w.organization, w.year, w.category, w.field, w.title, w.planReference,
                    w.status, w.postponedReason, w.postponedToYear, w.sourceSentence, w.version);
        }
    }

    @Schema(description = "Một việc bị hoãn, từ bất kỳ nguồn nào")
    public record PostponedWork(
            @Schema(description = "PARTY_INSPECTION_ITEM hoặc PLANNED_WORK") String source,
            @Schema(description = "id") UUID id,
            @Schema(description = "loại (kind của nội dung kiểm tra, hoặc category)") String category,
            @Schema(description = "lĩnh vực") InspectionField field,
            @Schema(description = "tên / nội dung") String title,
            @Schema(description = "năm kế hoạch") int plannedYear,
            @Schema(description = "hoãn sang năm") Integer postponedToYear,
            @Schema(description = "lý do") String reason,
            @Schema(description = "câu nguồn") String sourceSentence) {
    }

    private final PlannedWorkService service;

    public PlannedWorkResource(PlannedWorkService service) {
        this.service = service;
    }

    @POST
    @Path("planned-work")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Register planned work (a planned inspection delegation, a drill); publishes planned-work.registered")
    public Response registerPlannedWork(@Valid @NotNull PlannedWorkRequest request) {
        PlannedWork w = service.register(request);
        return Response.created(URI.create("/api/v1/planned-work/" + w.id)).entity(PlannedWorkView.of(w)).build();
    }

    @GET
    @Path("planned-work/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.INTEGRATION })
    @Operation(summary = "One planned work; ETag = its version (for If-Match on the postponement)")
    public RestResponse<PlannedWorkView> getPlannedWork(@PathParam("id") UUID id) {
        PlannedWork w = service.get(id);
        return RestResponse.ResponseBuilder.ok(PlannedWorkView.of(w)).header("ETag", Versions.etag(w.version)).build();
    }

    @POST
    @Path("planned-work/{id}/postponement")
    @RolesAllowed({ Roles.ADMIN, Roles.DEPARTMENT_STAFF })
    @Operation(summary = "Postpone to a later year with a reason; publishes planned-work.postponed",
            description = "The version read travels as 'version' in the body or as If-Match with the GET's ETag: 412 precondition-failed when If-Match names another version, 409 stale-version when the body's is stale; the answer carries the new ETag.")
    public RestResponse<PlannedWorkView> postponePlannedWork(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the GET, e.g. \"0\"; instead of or next to the body's version") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostponementRequest request) {
        PlannedWork w = service.postpone(id, request, ifMatch);
        return RestResponse.ResponseBuilder.ok(PlannedWorkView.of(w)).header("ETag", Versions.etag(w.version)).build();
    }

    @GET
    @Path("postponed-work")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Everything planned for a year and postponed, with reasons: postponed party inspection items and postponed planned work (the report's limitations)")
    public List<PostponedWork> listPostponedWork(@Parameter(description = "năm kế hoạch", required = true) @QueryParam("year") @NotNull Integer year) {
        List<PostponedWork> result = new ArrayList<>();
        for (InspectionItem i : InspectionItem.<InspectionItem>list(
                "status = ?1 and programmeId in (select p.id from InspectionProgramme p where p.year = ?2) order by plannedFrom, id",
                ItemStatus.POSTPONED, year)) {
            InspectionProgramme p = InspectionProgramme.findById(i.programmeId);
            result.add(new PostponedWork("PARTY_INSPECTION_ITEM", i.id, i.kind.name(), null,
                    i.kind.name().toLowerCase() + " of " + i.targetType.name().toLowerCase() + " " + i.targetRef + " ("
                            + p.documentNumber + ")" + (i.subject == null ? "" : ": " + i.subject),
                    year, i.postponedToYear, i.postponedReason, null));
        }
        for (PlannedWork w : PlannedWork.<PlannedWork>list("status = ?1 and year = ?2 order by category, title",
                PlannedWork.Status.POSTPONED, year)) {
            result.add(new PostponedWork("PLANNED_WORK", w.id, w.category.name(), w.field, w.title, w.year,
                    w.postponedToYear, w.postponedReason, w.sourceSentence));
        }
        return result;
    }
}
