package vn.binhduong.sct.dashboard;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.binhduong.sct.dashboard.api.ReportApi;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages. Every number comes from report-service's API, called with the logged-in user's token: what the API
 * refuses that user (403) the page does not show, so its role rules hold here without being repeated.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {
    static final Set<String> FORMATS = Set.of("json", "md", "html", "docx");
    static final Map<String, String> FORMAT_LABELS = Map.of("html", "HTML", "docx", "Word (DOCX)", "md", "Markdown", "json", "JSON");
    static final String ORG = "[A-Za-z0-9_-]{1,40}";

    @Inject
    @RestClient
    ReportApi report;
    @Inject
    CurrentUser user;
    @Inject
    DashboardConfig config;

    @Inject
    @Location("overview.html")
    Template overview;
    @Inject
    @Location("tiles.html")
    Template tiles;
    @Inject
    @Location("history.html")
    Template history;
    @Inject
    @Location("reports.html")
    Template reports;
    @Inject
    @Location("report-view.html")
    Template reportView;

    /** The start page: the organisation's latest year with figures. */
    @GET
    public Response start() {
        int year = latestYear(config.organization());
        return Response.seeOther(URI.create("/o/" + config.organization() + "/" + year)).build();
    }

    /** The year the membership figure was last counted in, else the previous calendar year. */
    int latestYear(String org) {
        try {
            JsonNode s = report.series(user.authorization(), org, "member.count.total", null, null);
            if (s.hasNonNull("to")) {
                return s.get("to").asInt();
            }
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
        }
        return java.time.LocalDate.now(Vn.ZONE).getYear() - 1;
    }

    @GET
    @Path("o/{org: " + ORG + "}/{year: \\d{4}}")
    public TemplateInstance overview(@PathParam("org") String org, @PathParam("year") int year,
            @QueryParam("fragment") boolean fragment) {
        JsonNode d = report.dashboard(user.authorization(), org, year);
        List<Views.GroupView> groups = Views.groups(d, org);
        Views.Freshness fresh = freshness();
        if (fragment) {
            return tiles.data("groups", groups).data("org", org).data("year", year);
        }
        return overview.data("groups", groups).data("org", org).data("year", year).data("fresh", fresh)
                .data("user", user).data("poll", config.pollSeconds()).data("page", "overview");
    }

    /** What the page polls: a stamp that changes when an event is applied, and the freshness line. */
    @GET
    @Path("o/{org: " + ORG + "}/{year: \\d{4}}/freshness")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> freshnessOf(@PathParam("org") String org, @PathParam("year") int year) {
        Views.Freshness f = freshness();
        return Map.of("stamp", f.stamp(), "text", f.text());
    }

    /**
     * How current the figures are: the events report-service has applied (count, latest time) from
     * GET /api/v1/projections/events, and its inbox lag when the user may read it (GET /api/v1/inbox/lag is for
     * admin and integration; others see the events only).
     */
    Views.Freshness freshness() {
        String auth = user.authorization();
        long applied = 0;
        Instant last = null;
        for (JsonNode t : report.events(auth)) {
            applied += t.path("applied").asLong();
            if (t.hasNonNull("lastOccurredAt")) {
                Instant at = java.time.OffsetDateTime.parse(t.get("lastOccurredAt").asText()).toInstant();
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        Long lag = null;
        Boolean caughtUp = null;
        if (user.hasRole("admin", "integration")) {
            try {
                JsonNode l = report.lag(auth);
                lag = l.path("totalLag").asLong();
                caughtUp = l.path("caughtUp").asBoolean();
            } catch (WebApplicationException e) {
                // the API decides; without the lag the page shows the events only
            }
        }
        String stamp = sha(applied + "|" + last + "|" + lag);
        return new Views.Freshness(stamp, last == null ? null : Vn.dateTime(last), applied, lag, caughtUp);
    }

    /** One figure across the years, with its target where the figure has one (indicators: plan growth or value). */
    @GET
    @Path("o/{org: " + ORG + "}/history")
    public TemplateInstance history(@PathParam("org") String org, @QueryParam("key") String key,
            @QueryParam("year") Integer year) {
        if (key == null || !key.matches("[A-Za-z0-9_.-]{1,200}")) {
            throw new WebApplicationException(Response.status(400).entity("key").build());
        }
        String auth = user.authorization();
        JsonNode s = report.series(auth, org, key, null, null);
        String targetKey = targetKey(key);
        java.util.TreeMap<Integer, JsonNode> values = new java.util.TreeMap<>();
        for (JsonNode p : s.path("points")) {
            values.put(p.path("year").asInt(), p);
        }
        java.util.TreeMap<Integer, JsonNode> targets = new java.util.TreeMap<>();
        if (targetKey != null) {
            try {
                for (JsonNode p : report.series(auth, org, targetKey, null, null).path("points")) {
                    if (p.hasNonNull("value")) {
                        targets.put(p.path("year").asInt(), p);
                    }
                }
            } catch (WebApplicationException e) {
                // no target series: the chart shows the values alone
            }
        }
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(values.keySet());
        years.addAll(targets.keySet());
        List<Svg.Point> points = new ArrayList<>();
        List<HistoryRow> rows = new ArrayList<>();
        for (int y : years) {
            JsonNode p = values.get(y);
            JsonNode t = targets.get(y);
            BigDecimal v = p == null ? null : Views.decimal(p, "value");
            String text = p == null ? null : Views.text(p, "text");
            BigDecimal tv = t == null ? null : Views.decimal(t, "value");
            String tt = t == null ? null : Views.text(t, "text");
            points.add(new Svg.Point(Integer.toString(y), v, text, tv, tt));
            rows.add(new HistoryRow(y, text == null ? "không có số liệu" : text, tt == null ? "" : tt,
                    p != null && p.hasNonNull("asOf") ? Vn.date(java.time.LocalDate.parse(p.get("asOf").asText())) : "",
                    p != null && Views.text(p, "organization") != null ? Views.text(p, "organization")
                            : t != null && Views.text(t, "organization") != null ? Views.text(t, "organization") : ""));
        }
        String label = label(org, year, key);
        String chart = Svg.history(label + " qua các năm", points);
        return history.data("org", org).data("year", year == null ? s.path("to").asInt() : year).data("key", key)
                .data("label", label).data("chart", chart).data("rows", rows).data("hasTarget", !targets.isEmpty())
                .data("user", user).data("page", "history");
    }

    /** The tile's label when the year's dashboard has a tile for the key, else the key itself. */
    private String label(String org, Integer year, String key) {
        if (year != null) {
            try {
                for (Views.GroupView g : Views.groups(report.dashboard(user.authorization(), org, year), org)) {
                    for (Views.TileView t : g.tiles()) {
                        if (key.equals(t.key())) {
                            return t.label();
                        }
                    }
                }
            } catch (WebApplicationException e) {
                // fall back to the key
            }
        }
        return key;
    }

    public record HistoryRow(int year, String text, String target, String asOf, String organization) {
    }

    static String targetKey(String key) {
        if (key.startsWith("indicator.") && key.endsWith(".growth")) {
            return key.substring(0, key.length() - ".growth".length()) + ".plan-growth";
        }
        if (key.startsWith("indicator.") && key.endsWith(".value")) {
            return key.substring(0, key.length() - ".value".length()) + ".plan-value";
        }
        return null;
    }

    @GET
    @Path("o/{org: " + ORG + "}/{year: \\d{4}}/reports")
    public TemplateInstance reports(@PathParam("org") String org, @PathParam("year") int year,
            @QueryParam("generated") Integer generated) {
        List<Views.VersionView> versions = Views.versions(report.versions(user.authorization(), org, year, 100));
        return reports.data("org", org).data("year", year).data("versions", versions).data("generated", generated)
                .data("mayGenerate", user.hasRole("admin", "party-committee")).data("formats", List.of("html", "docx", "md", "json"))
                .data("formatLabels", FORMAT_LABELS).data("user", user).data("page", "reports");
    }

    /** "Generate now": the API stores the next version; back to the list, which names it. */
    @POST
    @Path("o/{org: " + ORG + "}/{year: \\d{4}}/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@PathParam("org") String org, @PathParam("year") int year) {
        if (!user.hasRole("admin", "party-committee")) {
            throw new WebApplicationException(Response.status(403).build());
        }
        JsonNode v = report.generate(user.authorization(), org, year);
        return Response.seeOther(URI.create("/o/" + org + "/" + year + "/reports?generated=" + v.path("version").asInt())).build();
    }

    /** A download of one output, as an attachment named the way the API names it. */
    @GET
    @Path("o/{org: " + ORG + "}/{year: \\d{4}}/reports/{n: \\d+}.{format: [a-z]+}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("org") String org, @PathParam("year") int year, @PathParam("n") int n,
            @PathParam("format") String format, @QueryParam("inline") boolean inline) {
        if (!FORMATS.contains(format)) {
            throw new WebApplicationException(Response.status(404).build());
        }
        try (Response r = report.content(user.authorization(), org, year, n, format)) {
            byte[] bytes = r.readEntity(byte[].class);
            String name = "bao-cao-" + org + "-" + year + "-v" + n + "." + format;
            Response.ResponseBuilder b = Response.ok(bytes, r.getMediaType())
                    .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + name + "\"");
            if (inline) {
                // the report's own HTML, shown in a sandboxed frame: its inline styles, nothing else
                b.header(SecurityHeaders.CSP_HEADER, "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                        + " frame-ancestors 'self'; sandbox");
            }
            return b.build();
        }
    }

    /** The HTML report in place, in a sandboxed frame under the dashboard's header. */
    @GET
    @Path("o/{org: " + ORG + "}/{year: \\d{4}}/reports/{n: \\d+}")
    public TemplateInstance viewReport(@PathParam("org") String org, @PathParam("year") int year, @PathParam("n") int n) {
        JsonNode versions = report.versions(user.authorization(), org, year, 100);
        Views.VersionView version = Views.versions(versions).stream().filter(v -> v.version() == n).findFirst()
                .orElseThrow(() -> new WebApplicationException(Response.status(404).build()));
        return reportView.data("org", org).data("year", year).data("v", version).data("formats", List.of("html", "docx", "md", "json"))
                .data("formatLabels", FORMAT_LABELS).data("user", user).data("page", "reports");
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
