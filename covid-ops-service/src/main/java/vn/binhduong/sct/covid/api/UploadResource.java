package vn.binhduong.sct.covid.api;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.covid.service.UploadService;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/test-results/uploads")
@Tag(name = "test-result uploads", description = "Streaming bulk ingest of test sessions (CSV or NDJSON)")
public class UploadResource {
    public static final String NDJSON = "application/x-ndjson";

    @Schema(description = "An upload job and its progress")
    public record JobView(@Schema(description = "job id") UUID id,
            @Schema(description = "CSV or NDJSON") String format,
            @Schema(description = "RUNNING, COMPLETED or FAILED") String status,
            @Schema(description = "data rows read so far (header and blank lines excluded)") long rowsRead,
            @Schema(description = "rows stored as new sessions") long rowsInserted,
            @Schema(description = "valid rows whose session (establishment, campaign, date) was already stored: nothing added") long rowsDuplicate,
            @Schema(description = "rows refused; see /rejections") long rowsRejected,
            @Schema(description = "tests performed added by this upload") long testsPerformedAdded,
            @Schema(description = "positives added by this upload") long positivesAdded,
            @Schema(description = "why the job failed, if it did") String error,
            @Schema(description = "started") Instant startedAt,
            @Schema(description = "finished") Instant finishedAt) {
    }

    @Schema(description = "A refused row")
    public record Rejection(@Schema(description = "physical line where the record starts in the file, from 1 (the CSV header is line 1; a quoted field may span lines)") long line,
            @Schema(description = "why it was refused") String reason,
            @Schema(description = "the record as it arrived, cut to 500 characters") String content) {
    }

    private final UploadService service;

    public UploadResource(UploadService service) {
        this.service = service;
    }

    @POST
    @Consumes({ "text/csv", NDJSON })
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Upload test sessions as CSV (header establishment_code,campaign_code,date,tests_performed,positives,self_testing) or NDJSON (one {establishmentCode, campaignCode, date, testsPerformed, positives, selfTesting} per line). "
            + "The body is read as a stream and stored in batches; each row is validated; a row whose session is already stored adds nothing. "
            + "Poll GET /{jobId} from elsewhere for progress. Publishes one test-results.uploaded per upload.")
    public Response uploadTestResults(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        String format = contentType != null && contentType.startsWith(NDJSON) ? "NDJSON"
                : contentType != null && contentType.startsWith("text/csv") ? "CSV" : null;
        if (format == null) {
            throw ProblemException.invalid("Content-Type", "text/csv or application/x-ndjson");
        }
        JobView job = service.ingest(format, body);
        return Response.created(URI.create("/api/v1/test-results/uploads/" + job.id())).entity(job).build();
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Progress and result of an upload")
    public JobView getUploadJob(@PathParam("jobId") UUID jobId) {
        return service.job(jobId);
    }

    @GET
    @Path("{jobId}/rejections")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INTEGRATION })
    @Operation(summary = "Rows refused by an upload, by line number, with the reason (the first 10,000 are kept). Keyset pages: "
            + "pass the previous page's 'next' as 'after'; the total is always given")
    public KeysetPage<Rejection> listUploadRejections(@Parameter(description = "upload job id") @PathParam("jobId") UUID jobId,
            @BeanParam @Valid PageParams page,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after) {
        return service.rejections(jobId, page, after);
    }
}
