package vn.binhduong.sct.report.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.report.report.HeadingData;
import vn.binhduong.sct.report.service.ReportService;
import vn.binhduong.sct.report.service.VersionQuery;

@Path("/api/v1/reports/{organization}/{year}")
@Tag(name = "reports", description = "The annual report assembled from the projections and the narrative, in JSON, Markdown, HTML and DOCX")
public class ReportResource {
    @Schema(description = "The heading block, signature and recipients of one report (Hướng dẫn 36-HD/VPTW)")
    public record Heading(
            @Schema(description = "superior party body, top left", examples = "Đảng bộ khối các cơ quan và doanh nghiệp tỉnh")
            @NotBlank(message = "must not be blank") @Size(max = 300) String superiorBody,
            @Schema(description = "issuing body, top left in bold", examples = "Đảng ủy Sở Công Thương")
            @NotBlank(message = "must not be blank") @Size(max = 300) String issuingBody,
            @Schema(description = "document number", examples = "Số 25-BC/ĐU") @NotBlank(message = "must not be blank") @Size(max = 60) String documentNumber,
            @Schema(description = "place of issue", examples = "Bình Dương") @NotBlank(message = "must not be blank") @Size(max = 120) String place,
            @Schema(description = "date of issue", examples = "2021-12-15") LocalDate issuedOn,
            @Schema(description = "subject line", examples = "Kết quả công tác xây dựng Đảng năm 2021 và phương hướng nhiệm vụ năm 2022")
            @NotBlank(message = "must not be blank") @Size(max = 500) String subject,
            @Schema(description = "signer's title", examples = "Bí thư") @NotBlank(message = "must not be blank") @Size(max = 120) String signerTitle,
            @Schema(description = "signer's name, printed under the signature", examples = "Nguyễn Văn An")
            @NotBlank(message = "must not be blank") @Size(max = 200) String signerName,
            @Schema(description = "Nơi nhận, one line each", examples = "[\"Lưu: ĐUSCT\"]") @NotNull(message = "must not be null")
            @Size(min = 1, max = 30) List<@NotBlank @Size(max = 300) String> recipients,
            @Schema(description = "version edited: 0 for the first save, then the version read", examples = "0")
            @NotNull(message = "must not be null") @Min(0) Long version) {
    }

    private final ReportService reports;
    private final JsonWebToken jwt;

    public ReportResource(ReportService reports, JsonWebToken jwt) {
        this.reports = reports;
        this.jwt = jwt;
    }

    @PUT
    @Path("heading")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Set the heading block, signature and recipients of a report",
            description = "409 on a stale version; 404 for an organisation report-service has no figure of.")
    @APIResponse(responseCode = "404", description = "unknown organisation", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "stale version", content = @Content(mediaType = "application/problem+json"))
    public Heading saveReportHeading(@PathParam("organization") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String organization,
            @PathParam("year") @Min(2000) @Max(2200) int year, @Valid @NotNull Heading h) {
        reports.requireKnownOrganization(organization);
        return view(reports.saveHeading(organization, year, new HeadingData(h.superiorBody(), h.issuingBody(), h.documentNumber(),
                h.place(), h.issuedOn(), h.subject(), h.signerTitle(), h.signerName(), h.recipients(), h.version())));
    }

    @GET
    @Path("heading")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The heading block of a report")
    @APIResponse(responseCode = "404", description = "no heading saved", content = @Content(mediaType = "application/problem+json"))
    public Heading getReportHeading(@PathParam("organization") String organization, @PathParam("year") int year) {
        return view(reports.heading(organization, year).orElseThrow(() -> ProblemException.notFound("report heading", organization + "/" + year)));
    }

    /** The version number of the path: a 400 problem for anything else (checked after the caller's role). */
    private static int versionNumber(String n) {
        if (n == null || !n.matches("\\d{1,9}")) {
            throw ProblemException.invalid("n", "a version number (1, 2, ...)");
        }
        return Integer.parseInt(n);
    }

    private static Heading view(HeadingData h) {
        return new Heading(h.superiorBody(), h.issuingBody(), h.documentNumber(), h.place(), h.issuedOn(), h.subject(),
                h.signerTitle(), h.signerName(), h.recipients(), h.version());
    }

    @POST
    @Path("generate")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Generate the report from the current projections and narrative, stored as the next version",
            description = "All four outputs are built at once; the version records their SHA-256 hashes and the inbox offsets"
                    + " it was built from. The same figures, prose and heading give byte-identical outputs. Admin and the"
                    + " party committee only; 404 for an organisation report-service has no figure of.")
    @APIResponse(responseCode = "403", description = "not admin or party committee", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "unknown organisation", content = @Content(mediaType = "application/problem+json"))
    public Response generateReport(@PathParam("organization") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String organization,
            @PathParam("year") @Min(2000) @Max(2200) int year) {
        reports.requireKnownOrganization(organization);
        ReportService.Version v = reports.generate(organization, year, jwt.getName(), role());
        return Response.status(201).entity(v)
                .location(java.net.URI.create("/api/v1/reports/" + organization + "/" + year + "/versions/" + v.version())).build();
    }

    /** The role the caller generates with, for the event (which names no person): the most privileged one it holds. */
    private String role() {
        for (String r : new String[] { Roles.ADMIN, Roles.PARTY_COMMITTEE }) {
            if (jwt.getGroups() != null && jwt.getGroups().contains(r)) {
                return r;
            }
        }
        return null;
    }

    @GET
    @Path("versions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Generated versions of a report, newest first",
            description = "Two ways to page: by offset (page/size, counted on every request) or by cursor (after/size: after="
                    + " empty for the first page, then each answer's next; a range scan of the version index from the cursor;"
                    + " the total only with total=true). A cursor this list did not give is a 400.")
    public ListPage<ReportService.Version> listReportVersions(@PathParam("organization") String organization,
            @PathParam("year") int year, @BeanParam @Valid PageParams page,
            @Parameter(description = "cursor mode: the next of the previous page (empty for the first page); not with page > 0")
            @jakarta.ws.rs.QueryParam("after") String after,
            @Parameter(description = "cursor mode: also count the report's versions (offset mode always counts)")
            @jakarta.ws.rs.QueryParam("total") @jakarta.ws.rs.DefaultValue("false") boolean total,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        if (after == null && uri.getQueryParameters().containsKey("after")) {
            after = ""; // ?after= (empty): the first page by cursor
        }
        if (after == null) {
            return ListPage.ofOffset(reports.versions(organization, year, null, page.offset(), page.size), page,
                    reports.countVersions(organization, year), VersionQuery::cursorOf);
        }
        if (page.page != 0) {
            throw ProblemException.invalid("page", "page and after are two ways to page; give one of them");
        }
        return ListPage.ofCursor(versionQuery.keyset(organization, year, after, page.size + 1), page.size, VersionQuery::cursorOf,
                total ? reports.countVersions(organization, year) : null);
    }

    /** The versions list read by cursor (report-consumer's query; ReportService keeps the offset read). */
    @jakarta.inject.Inject
    VersionQuery versionQuery;

    @GET
    @Path("versions/{n}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One generated version: its hashes and offsets",
            description = "A version never changes: strong ETag (its content hash); If-None-Match naming it gives 304.")
    @APIResponse(responseCode = "304", description = "If-None-Match names the version's ETag")
    @APIResponse(responseCode = "404", description = "no such version", content = @Content(mediaType = "application/problem+json"))
    public Response getReportVersion(@PathParam("organization") String organization, @PathParam("year") int year,
            @Parameter(description = "version number", example = "1") @PathParam("n") String version,
            @Parameter(description = "an ETag read before") @HeaderParam("If-None-Match") String ifNoneMatch) {
        int n = versionNumber(version);
        ReportService.Version v = reports.version(organization, year, n)
                .orElseThrow(() -> ProblemException.notFound("report version", organization + "/" + year + "/" + n));
        String etag = HttpCaching.tag(v.contentHash());
        if (HttpCaching.notModified(ifNoneMatch, etag)) {
            return HttpCaching.notModifiedResponse(etag);
        }
        return Response.ok(v).header("ETag", etag).build();
    }

    @GET
    @Path("versions/{n}.{format}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "One output of a generated version: json, md, html or docx",
            description = "Strong ETag: the SHA-256 of the bytes (the version's hash of that format); If-None-Match naming it"
                    + " gives 304 without a body.")
    @APIResponse(responseCode = "304", description = "If-None-Match names the output's ETag")
    @APIResponse(responseCode = "404", description = "no such version", content = @Content(mediaType = "application/problem+json"))
    public Response getReportVersionContent(@PathParam("organization") String organization, @PathParam("year") int year,
            @Parameter(description = "version number", example = "1") @PathParam("n") String version,
            @Parameter(description = "json, md, html or docx", example = "md") @PathParam("format") String format,
            @Parameter(description = "an ETag read before") @HeaderParam("If-None-Match") String ifNoneMatch) {
        int n = versionNumber(version);
        ReportService.Format f = ReportService.Format.of(format);
        ReportService.Version v = reports.version(organization, year, n)
                .orElseThrow(() -> ProblemException.notFound("report version", organization + "/" + year + "/" + n));
        String etag = HttpCaching.tag(v.hashes().get(f.extension));
        if (HttpCaching.notModified(ifNoneMatch, etag)) {
            return HttpCaching.notModifiedResponse(etag);
        }
        byte[] bytes = reports.content(organization, year, n, f);
        return Response.ok(bytes, f.mediaType).header("ETag", etag)
                .header("Content-Disposition", "inline; filename=\"bao-cao-" + organization + "-" + year + "-v" + n + "." + f.extension + "\"")
                .build();
    }
}
