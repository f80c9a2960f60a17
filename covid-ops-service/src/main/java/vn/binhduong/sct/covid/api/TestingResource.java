package vn.binhduong.sct.covid.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.covid.service.TestingService;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1")
@Tag(name = "testing", description = "Rapid-testing campaigns, test sessions, cumulative counts and positive rate")
public class TestingResource {
    public record CampaignRequest(
            @Schema(description = "campaign code", examples = "XN-2050") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @Schema(description = "display name", examples = "Xét nghiệm Covid-19 ngành Công Thương") @NotBlank @Size(max = 300) String name,
            @Schema(description = "the plan it executes", examples = "Kế hoạch số 2050/KH-SCT") @NotBlank @Size(max = 120) String planReference,
            @Schema(description = "first day", examples = "2021-09-14") @NotNull LocalDate startDate,
            @Schema(description = "days between periodic tests of the same staff", examples = "3") @Min(1) @Max(365) Integer intervalDays) {
    }

    @Schema(description = "A testing campaign")
    public record CampaignView(@Schema(description = "id") UUID id, @Schema(description = "code") String code,
            @Schema(description = "name") String name, @Schema(description = "plan reference") String planReference,
            @Schema(description = "first day") LocalDate startDate, @Schema(description = "days between tests") Integer intervalDays,
            @Schema(description = "version") int version) {
    }

    public record SessionRequest(
            @Schema(description = "campaign code", examples = "XN-2050") @NotBlank String campaignCode,
            @Schema(description = "establishment code", examples = "ST-COOP-BD") @NotBlank String establishmentCode,
            @Schema(description = "day of the session, not in the future", examples = "2021-10-01") @NotNull LocalDate date,
            @Schema(description = "tests performed (lượt)", examples = "120") @NotNull @PositiveOrZero Integer testsPerformed,
            @Schema(description = "positive cases (F0), at most testsPerformed", examples = "1") @NotNull @PositiveOrZero Integer positives,
            @Schema(description = "the business tested its own staff under the department's supervision", examples = "true") boolean selfTesting) {
    }

    @Schema(description = "A test session")
    public record SessionView(@Schema(description = "id") UUID id, @Schema(description = "campaign code") String campaignCode,
            @Schema(description = "establishment code") String establishmentCode, @Schema(description = "date") LocalDate date,
            @Schema(description = "tests performed") int testsPerformed, @Schema(description = "positives") int positives,
            @Schema(description = "self-testing by the business") boolean selfTesting,
            @Schema(description = "the upload job that brought it, if any") UUID uploadJobId) {
    }

    public record ReportedTotalRequest(
            @Schema(description = "campaign code, or none for all testing", examples = "XN-2050") String campaignCode,
            @Schema(description = "cumulative to this date", examples = "2021-12-04") @NotNull LocalDate asOf,
            @Schema(description = "tests as stated", examples = "69180") @NotNull @PositiveOrZero Long testsPerformed,
            @Schema(description = "positives as stated", examples = "392") @NotNull @PositiveOrZero Long positives,
            @Schema(description = "positive rate as stated, in percent", examples = "0.47") @PositiveOrZero BigDecimal statedRatePercent,
            @Schema(description = "where the figure is stated", examples = "Báo cáo 25-BC/ĐU năm 2021, mục II.7") @NotBlank @Size(max = 500) String source) {
    }

    @Schema(description = "A total as a document states it, next to the rate computed from its own counts")
    public record ReportedTotalView(@Schema(description = "campaign code") String campaignCode,
            @Schema(description = "as of") LocalDate asOf, @Schema(description = "tests as stated") long testsPerformed,
            @Schema(description = "positives as stated") long positives,
            @Schema(description = "stated rate in percent") BigDecimal statedRatePercent,
            @Schema(description = "stated rate as printed", examples = "0,47%") String statedRateDisplay,
            @Schema(description = "rate computed from the stated counts, in percent, 2 decimals") BigDecimal computedRatePercent,
            @Schema(description = "false when the stated rate is not the stated counts' rate (rounded to 2 decimals)") boolean statedRateConsistent,
            @Schema(description = "true when the stated counts equal the counts recorded in this system") boolean countsMatchRecorded,
            @Schema(description = "source") String source) {
    }

    @Schema(description = "Cumulative testing to a date")
    public record TestingStatistics(@Schema(description = "cumulative to this date, inclusive") LocalDate asOf,
            @Schema(description = "campaign filter, if any") String campaignCode,
            @Schema(description = "sessions recorded") long sessions,
            @Schema(description = "tests performed (lượt)") long testsPerformed,
            @Schema(description = "positive cases (F0)") long positives,
            @Schema(description = "sessions run by the businesses themselves") long selfTestingSessions,
            @Schema(description = "positives / tests, as a fraction") BigDecimal positiveRate,
            @Schema(description = "positives / tests, in percent, 2 decimals", examples = "0.57") BigDecimal positiveRatePercent,
            @Schema(description = "as the report prints it", examples = "0,57%") String positiveRateDisplay,
            @Schema(description = "totals stated by documents for this scope, with their own rate") List<ReportedTotalView> reported) {
    }

    private final TestingService service;

    public TestingResource(TestingService service) {
        this.service = service;
    }

    @POST
    @Path("testing-campaigns")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Create a testing campaign under a plan")
    public Response createTestingCampaign(@Valid @NotNull CampaignRequest request) {
        CampaignView v = service.createCampaign(request);
        return Response.created(URI.create("/api/v1/testing-campaigns/" + v.code())).entity(v).build();
    }

    @GET
    @Path("testing-campaigns/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One testing campaign")
    public CampaignView getTestingCampaign(@PathParam("code") String code) {
        return service.campaignView(code);
    }

    @GET
    @Path("testing-campaigns")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Testing campaigns by start date")
    public PageResult<CampaignView> listTestingCampaigns(@BeanParam @Valid PageParams page) {
        return service.campaigns(page);
    }

    @POST
    @Path("test-sessions")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Record a test session; positives ≤ tests, no negative counts, date not in the future; one per establishment, campaign and date (409 otherwise); publishes test-session.recorded")
    public Response recordTestSession(@Valid @NotNull SessionRequest request) {
        SessionView v = service.record(request);
        return Response.created(URI.create("/api/v1/test-sessions/" + v.id())).entity(v).build();
    }

    @GET
    @Path("test-sessions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Test sessions by date then id, filtered by campaign, establishment and date range. Keyset pages: pass the "
            + "previous page's 'next' as 'after' (an index range scan: a deep page costs what the first does); 'page' still "
            + "skips by offset when 'after' is absent. The total is counted only with total=true")
    @APIResponse(responseCode = "200", description = "one page")
    @APIResponse(responseCode = "400", description = "a bad cursor, date or size", content = @Content(mediaType = "application/problem+json"))
    public KeysetPage<SessionView> listTestSessions(@BeanParam @Valid PageParams page,
            @Parameter(description = "testing campaign code") @QueryParam("campaign") String campaign,
            @Parameter(description = "establishment code") @QueryParam("establishment") String establishment,
            @Parameter(description = "first day, inclusive") @QueryParam("from") LocalDate from,
            @Parameter(description = "last day, inclusive") @QueryParam("to") LocalDate to,
            @Parameter(description = "cursor: the 'next' of the previous page") @QueryParam("after") String after,
            @Parameter(description = "count the whole filtered list (one extra query)") @QueryParam("total") @DefaultValue("false") boolean total) {
        return service.sessions(page, campaign, establishment, from, to, after, total);
    }

    @GET
    @Path("test-sessions/export")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The filtered test sessions as one RFC 4180 CSV file (UTF-8), streamed in date then id order, with the "
            + "upload's header (establishment_code,campaign_code,date,tests_performed,positives,self_testing) then id,upload_job_id: "
            + "an export uploads again as it is")
    @APIResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv"))
    public Response exportTestSessions(
            @Parameter(description = "testing campaign code") @QueryParam("campaign") String campaign,
            @Parameter(description = "establishment code") @QueryParam("establishment") String establishment,
            @Parameter(description = "first day, inclusive") @QueryParam("from") LocalDate from,
            @Parameter(description = "last day, inclusive") @QueryParam("to") LocalDate to) {
        StreamingOutput body = out -> service.exportSessions(out, campaign, establishment, from, to);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"test-sessions.csv\"").build();
    }

    @POST
    @Path("testing/reported-totals")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    @Operation(summary = "Store a testing total as a document states it (kept as stated, never adjusted); publishes testing-total.reported")
    public Response reportTestingTotal(@Valid @NotNull ReportedTotalRequest request) {
        return Response.status(201).entity(service.report(request)).build();
    }

    @GET
    @Path("testing/statistics")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.INSPECTION_COMMITTEE, Roles.DEPARTMENT_STAFF, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Cumulative tests, positives and the positive rate computed from them, to a date (default today)")
    public TestingStatistics getTestingStatistics(@QueryParam("asOf") LocalDate asOf, @QueryParam("campaign") String campaign) {
        return service.statistics(asOf, campaign);
    }
}
