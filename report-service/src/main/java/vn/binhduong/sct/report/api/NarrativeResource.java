package vn.binhduong.sct.report.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.NarrativeFragment;
import vn.binhduong.sct.report.domain.Placeholders;
import vn.binhduong.sct.report.service.NarrativeService;

@Path("/api/v1/narratives/{organization}/{year}")
@Tag(name = "narratives", description = "The prose of each report section, versioned, with placeholders bound to figure keys")
public class NarrativeResource {
    @Schema(description = "A new version of a section's prose")
    public record SaveNarrative(
            @Schema(description = "the prose; {{figure.key}} prints the live figure, {{figure.key|asOf}} its date",
                    examples = "Luỹ kế đến ngày {{covid.tests.cumulative|asOf}}, đã test nhanh cho {{covid.tests.cumulative}} lượt người.")
            @NotBlank(message = "must not be blank") @Size(max = 20000, message = "at most 20000 characters") String text,
            @Schema(description = "footnotes printed at the end of the section's prose (placeholders allowed)")
            @Size(max = 20, message = "at most 20 footnotes") List<@NotBlank(message = "must not be blank") @Size(max = 4000) String> footnotes,
            @Schema(description = "the version the text was edited from: 0 (or absent) for the first", examples = "1")
            @Min(value = 0, message = "must be 0 or more") Integer baseVersion) {
    }

    @Schema(description = "One version of a section's prose, with the text as the report prints it today")
    public record NarrativeView(
            @Schema(examples = "DB-SCT") String organization,
            @Schema(examples = "2021") int year,
            @Schema(description = "section code of the report outline", examples = "covid") String section,
            @Schema(description = "version of this section's prose", examples = "2") int version,
            @Schema(description = "the prose as saved") String text,
            @Schema(description = "footnotes as saved") List<String> footnotes,
            @Schema(description = "figure keys the prose names") List<String> placeholders,
            @Schema(description = "the prose with the live figures") String rendered,
            @Schema(description = "placeholders with no figure yet") List<String> missingFigures,
            @Schema(description = "when this version was saved") Instant savedAt) {
    }

    private final NarrativeService narratives;
    private final JsonWebToken jwt;

    public NarrativeResource(NarrativeService narratives, JsonWebToken jwt) {
        this.narratives = narratives;
        this.jwt = jwt;
    }

    @PUT
    @Path("{section}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE })
    @Operation(summary = "Save the next version of a section's prose",
            description = "201 with the new version; 200 when the text equals the latest version (nothing changes); 409 when"
                    + " baseVersion is not the latest; 412 when If-Match (the section's ETag, its version: \"3\", \"0\" before"
                    + " the first) does not name the latest; 404 for an organisation report-service has no figure of; 422"
                    + " naming each unknown placeholder.")
    @APIResponse(responseCode = "404", description = "unknown organisation or section", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "stale baseVersion", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match does not name the latest version", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "unknown placeholder", content = @Content(mediaType = "application/problem+json"))
    public Response saveNarrative(@PathParam("organization") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String organization,
            @PathParam("year") @Min(2000) @Max(2200) int year,
            @PathParam("section") @Pattern(regexp = "[a-z-]{1,80}") String section,
            @Valid @NotNull(message = "a body is required") SaveNarrative body,
            @Parameter(description = "the ETag of the section read, e.g. \"2\"") @HeaderParam("If-Match") String ifMatch) {
        narratives.requireKnownOrganization(organization);
        NarrativeFragment latest = NarrativeFragment.latest(organization, year, section);
        HttpCaching.requireIfMatch(ifMatch, HttpCaching.tag(String.valueOf(latest == null ? 0 : latest.fragmentVersion)),
                "section " + section);
        NarrativeService.Saved saved = narratives.save(organization, year, section, body.text(), body.footnotes(),
                body.baseVersion(), jwt.getName());
        return Response.status(saved.created() ? 201 : 200).entity(view(saved.fragment()))
                .header("ETag", HttpCaching.tag(String.valueOf(saved.fragment().fragmentVersion))).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The latest version of every section's prose, in the report's order")
    public PageResult<NarrativeView> listNarratives(@PathParam("organization") String organization,
            @PathParam("year") @Min(2000) @Max(2200) int year, @BeanParam @Valid PageParams page) {
        List<NarrativeFragment> all = narratives.latestOfReport(organization, year);
        List<NarrativeView> items = all.stream().skip(page.offset()).limit(page.size).map(this::view).toList();
        return PageResult.of(items, page, all.size());
    }

    @GET
    @Path("{section}")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "The latest version of one section's prose, rendered with the live figures",
            description = "ETag: the version (\"3\"), for If-Match on the next save.")
    @APIResponse(responseCode = "404", description = "no prose for the section", content = @Content(mediaType = "application/problem+json"))
    public Response getNarrative(@PathParam("organization") String organization, @PathParam("year") int year,
            @PathParam("section") String section) {
        NarrativeFragment f = NarrativeFragment.latest(organization, year, section);
        if (f == null) {
            throw ProblemException.notFound("narrative of section", section);
        }
        return Response.ok(view(f)).header("ETag", HttpCaching.tag(String.valueOf(f.fragmentVersion))).build();
    }

    @GET
    @Path("{section}/versions")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTY_COMMITTEE, Roles.VIEWER, Roles.INTEGRATION })
    @Operation(summary = "Every version of one section's prose, newest first")
    public PageResult<NarrativeView> listNarrativeVersions(@PathParam("organization") String organization, @PathParam("year") int year,
            @PathParam("section") String section, @BeanParam @Valid PageParams page) {
        var query = NarrativeFragment.<NarrativeFragment>find(
                "organization = ?1 and year = ?2 and section = ?3 order by fragmentVersion desc", organization, year, section);
        List<NarrativeView> items = query.page(page.toPage()).list().stream().map(this::view).toList();
        return PageResult.of(items, page, query.count());
    }

    private NarrativeView view(NarrativeFragment f) {
        Map<String, FigureView> figures = narratives.figures(f.organization, f.year);
        Map<String, FigureView> next = narratives.figures(f.organization, f.year + 1);
        TreeSet<String> missing = new TreeSet<>();
        String rendered = narratives.render(f, figures, next, missing);
        narratives.renderFootnotes(f, figures, next, missing);
        return new NarrativeView(f.organization, f.year, f.section, f.fragmentVersion, f.body, narratives.footnotes(f),
                List.copyOf(Placeholders.of(f.body)), rendered, List.copyOf(missing), f.savedAt);
    }
}
