package vn.binhduong.sct.report.service;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.report.events.ReportEvents;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.NarrativeFragment;
import vn.binhduong.sct.report.report.DataQualityCheck;
import vn.binhduong.sct.report.report.DocxRenderer;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.TypedFigureCheck;
import vn.binhduong.sct.report.report.HeadingData;
import vn.binhduong.sct.report.report.Renderers;
import vn.binhduong.sct.report.report.ReportAssembler;
import vn.binhduong.sct.report.report.ReportDocument;

/** Generates annual reports and keeps each generation as a version. */
@ApplicationScoped
public class ReportService {
    /**
     * At DEBUG, one line per generation with the milliseconds of each phase (figures read, prose, assembly, each format,
     * hashing, storing, the outbox), for finding what a slow generation does; nothing is timed at INFO.
     */
    private static final Logger LOG = Logger.getLogger(ReportService.class);
    public enum Format {
        JSON("json", "application/json", "json_doc"), MD("md", "text/markdown; charset=UTF-8", "markdown_doc"),
        HTML("html", "text/html; charset=UTF-8", "html_doc"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx_doc");

        public final String extension;
        public final String mediaType;
        final String column;

        Format(String extension, String mediaType, String column) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.column = column;
        }

        public static Format of(String extension) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(extension)) {
                    return f;
                }
            }
            throw ProblemException.invalid("format", "one of json, md, html, docx");
        }
    }

    /** One stored generation. */
    public record Version(String organization, int year, int version, String contentHash, Map<String, String> hashes,
            Map<String, Long> offsets, Instant generatedAt) {
    }

    public record Outputs(ReportDocument document, byte[] json, byte[] markdown, byte[] html, byte[] docx) {
    }

    private final EntityManager em;
    private final FigureQuery figures;
    private final NarrativeService narratives;
    private final DataQualityCheck quality;
    private final List<String> indicatorOrder;
    private final Outbox outbox;

    private final TypedFigureCheck typed;

    public ReportService(EntityManager em, FigureQuery figures, NarrativeService narratives, DataQualityCheck quality,
            @ConfigProperty(name = "sct.report.indicator-order") Optional<List<String>> indicatorOrder, Outbox outbox,
            @ConfigProperty(name = "sct.report.fixed-terms") Optional<List<String>> fixedTerms) {
        this.typed = new TypedFigureCheck(fixedTerms.orElse(List.of()));
        this.em = em;
        this.outbox = outbox;
        this.figures = figures;
        this.narratives = narratives;
        this.quality = quality;
        this.indicatorOrder = indicatorOrder.orElse(List.of());
    }

    /** 404 unless some event has given report-service a figure of {@code org}: no report, heading or prose for it. */
    public void requireKnownOrganization(String org) {
        if (!figures.knownOrganization(org)) {
            throw ProblemException.notFound("organisation", org);
        }
    }

    // ---- heading

    @Transactional
    public HeadingData saveHeading(String org, int year, HeadingData h) {
        Optional<HeadingData> current = heading(org, year);
        long expected = h.version();
        if (current.isPresent() && current.get().version() != expected) {
            throw ProblemException.conflict("stale-version", "the heading of report " + org + "/" + year + " is at version "
                    + current.get().version() + ", the request edited version " + expected,
                    Map.of("currentVersion", current.get().version(), "requestVersion", expected));
        }
        if (current.isPresent() && current.get().equals(new HeadingData(h.superiorBody(), h.issuingBody(), h.documentNumber(),
                h.place(), h.issuedOn(), h.subject(), h.signerTitle(), h.signerName(), h.recipients(), current.get().version()))) {
            return current.get();
        }
        em.createNativeQuery("""
                INSERT INTO report_heading (organization, year, superior_body, issuing_body, document_number, place, issued_on,
                    subject, signer_title, signer_name, recipients, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)
                ON CONFLICT (organization, year) DO UPDATE SET superior_body = EXCLUDED.superior_body,
                    issuing_body = EXCLUDED.issuing_body, document_number = EXCLUDED.document_number, place = EXCLUDED.place,
                    issued_on = EXCLUDED.issued_on, subject = EXCLUDED.subject, signer_title = EXCLUDED.signer_title,
                    signer_name = EXCLUDED.signer_name, recipients = EXCLUDED.recipients, version = report_heading.version + 1""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, h.superiorBody()).setParameter(4, h.issuingBody())
                .setParameter(5, h.documentNumber()).setParameter(6, h.place())
                .setParameter(7, h.issuedOn() == null ? null : Date.valueOf(h.issuedOn())).setParameter(8, h.subject())
                .setParameter(9, h.signerTitle()).setParameter(10, h.signerName())
                .setParameter(11, EventJson.toJson(h.recipients())).executeUpdate();
        return heading(org, year).orElseThrow();
    }

    public Optional<HeadingData> heading(String org, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT superior_body, issuing_body, document_number, place, issued_on, subject, signer_title, signer_name,
                       recipients, version FROM report_heading WHERE organization = ?1 AND year = ?2""")
                .setParameter(1, org).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        LocalDate issued = r[4] == null ? null : r[4] instanceof Date d ? d.toLocalDate() : (LocalDate) r[4];
        return Optional.of(new HeadingData((String) r[0], (String) r[1], (String) r[2], (String) r[3], issued, (String) r[5],
                (String) r[6], (String) r[7], readList((String) r[8]), ((Number) r[9]).longValue()));
    }

    private static List<String> readList(String json) {
        try {
            return EventJson.MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Without a saved heading, one made from the figures: the organisation's name and superior, no number, no date. */
    private HeadingData defaultHeading(Map<String, FigureView> f, int year) {
        String name = f.get("organization.name") != null ? f.get("organization.name").text() : "";
        String superior = f.get("organization.superior") != null ? f.get("organization.superior").text() : "";
        return new HeadingData(superior, name, "Số     -BC/ĐU", "", null,
                "Kết quả công tác xây dựng Đảng năm " + year + " và phương hướng nhiệm vụ năm " + (year + 1), "Bí thư", "",
                List.of("Lưu"), 0);
    }

    // ---- generation

    /** Prometheus: sct_report_generation_seconds (count, sum, max and buckets) over every build of a report. */
    public Outputs build(String org, int year) {
        return build(org, year, null);
    }

    /** {@link #build(String, int)}, timing its phases into {@code phases} (null: untimed). */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "sct.report.generation", histogram = true,
            description = "Time to assemble and render one annual report (all four formats)")
    Outputs build(String org, int year, Phases phases) {
        Map<String, FigureView> f = figures.figures(org, year);
        Map<String, FigureView> next = figures.figures(org, year + 1);
        HeadingData heading = heading(org, year).orElseGet(() -> defaultHeading(f, year));
        Phases.mark(phases, "figures");
        TreeSet<String> missing = new TreeSet<>();
        Map<String, ReportAssembler.Narrative> prose = new LinkedHashMap<>();
        for (NarrativeFragment n : narratives.latestOfReport(org, year)) {
            prose.put(n.section, new ReportAssembler.Narrative(narratives.render(n, f, next, missing),
                    narratives.renderFootnotes(n, f, next, missing), n.body, narratives.footnotes(n)));
        }
        Phases.mark(phases, "prose");
        Figures all = new Figures(org, year, f, figures.figures(org, year - 1), next,
                (metric, category) -> figures.labels(org, year, metric, category), indicatorOrder);
        ReportDocument doc = new ReportAssembler(heading, all, prose, withIndicatorViolations(org, year), missing, typed).assemble();
        Phases.mark(phases, "assemble");
        byte[] json = Renderers.json(doc);
        Phases.mark(phases, "json");
        byte[] markdown = Renderers.markdown(doc);
        Phases.mark(phases, "md");
        byte[] html = Renderers.html(doc);
        Phases.mark(phases, "html");
        byte[] docx = DocxRenderer.render(doc, heading.issuedOn());
        Phases.mark(phases, "docx");
        return new Outputs(doc, json, markdown, html, docx);
    }

    /** The phases of one generation, timed only when the DEBUG line will be written. */
    static final class Phases {
        private final StringBuilder line = new StringBuilder();
        private final long start = System.nanoTime();
        private long last = start;

        static Phases start() {
            return LOG.isDebugEnabled() ? new Phases() : null;
        }

        static void mark(Phases p, String phase) {
            if (p != null) {
                long now = System.nanoTime();
                p.line.append(' ').append(phase).append('=').append(String.format(java.util.Locale.ROOT, "%.2f", (now - p.last) / 1e6));
                p.last = now;
            }
        }

        static void log(Phases p, String org, int year, int version) {
            if (p != null) {
                LOG.debugf("report generation %s/%d v%d ms:%s total=%.2f", org, year, version, p.line,
                        (System.nanoTime() - p.start) / 1e6);
            }
        }
    }

    /** The annex rules of this service, then the violations indicator-service's own rules found. */
    private DataQualityCheck withIndicatorViolations(String org, int year) {
        List<ReportDocument.Finding> violations = figures.indicatorViolations(org, year);
        return f -> {
            List<ReportDocument.Finding> all = new java.util.ArrayList<>(quality.check(f));
            all.addAll(violations);
            return all;
        };
    }

    /**
     * Builds and stores the next version and, in the same transaction, records {@code report.generated} in the outbox:
     * the stored version and its event commit together or not at all. {@code by} is kept with the version (who pressed
     * the button, for the office's own record); the event carries only {@code role}.
     */
    @Transactional
    public Version generate(String org, int year, String by, String role) {
        Phases phases = Phases.start();
        Map<String, Long> offsets = offsets();
        Phases.mark(phases, "offsets");
        Outputs o = build(org, year, phases);
        int next = ((Number) em.createNativeQuery(
                "SELECT COALESCE(MAX(report_version), 0) + 1 FROM report_version WHERE organization = ?1 AND year = ?2")
                .setParameter(1, org).setParameter(2, year).getSingleResult()).intValue();
        // The four SHA-256 hashes, and the content hash over them, are taken by PostgreSQL as it stores the bytes: its
        // native SHA-256 instead of the JDK's, which without the C2 compiler's intrinsic (the launcher runs this service
        // with C1 only) was a sixth of a generation's CPU (bench/README.md, issue 16). Same definitions as before: lower-case
        // hex of each output's bytes, and of the four hashes joined by newlines (json, md, html, docx) for the content.
        em.createNativeQuery("""
                WITH doc AS (SELECT CAST(?4 AS bytea) AS j, CAST(?5 AS bytea) AS m, CAST(?6 AS bytea) AS h, CAST(?7 AS bytea) AS d),
                     hashed AS (SELECT doc.*, encode(sha256(j), 'hex') AS jh, encode(sha256(m), 'hex') AS mh,
                                       encode(sha256(h), 'hex') AS hh, encode(sha256(d), 'hex') AS dh FROM doc)
                INSERT INTO report_version (organization, year, report_version, content_hash, json_doc, markdown_doc, html_doc,
                    docx_doc, json_hash, markdown_hash, html_hash, docx_hash, offsets, generated_by)
                SELECT ?1, ?2, ?3, encode(sha256(convert_to(concat_ws(chr(10), jh, mh, hh, dh), 'UTF8')), 'hex'),
                       j, m, h, d, jh, mh, hh, dh, ?8, ?9
                  FROM hashed""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, next)
                .setParameter(4, o.json()).setParameter(5, o.markdown()).setParameter(6, o.html()).setParameter(7, o.docx())
                .setParameter(8, EventJson.toJson(offsets)).setParameter(9, by)
                .executeUpdate();
        Version v = version(org, year, next).orElseThrow();
        Phases.mark(phases, "store");
        outbox.record(ReportEvents.REPORT_GENERATED, org, "report", org + "/" + year, new ReportEvents.ReportGenerated(org, year,
                v.version(), v.contentHash(), v.hashes(), v.offsets(), role));
        Phases.mark(phases, "outbox");
        Phases.log(phases, org, year, v.version());
        return v;
    }

    /** The inbox position of each partition when the report was built: what the report includes. */
    private Map<String, Long> offsets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT topic, partition_no, offset_no FROM inbox_position ORDER BY topic, partition_no").getResultList();
        Map<String, Long> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put(r[0] + "-" + r[1], ((Number) r[2]).longValue()));
        return result;
    }

    public Optional<Version> version(String org, int year, int n) {
        List<Version> list = versions(org, year, n, 0, 1);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public long countVersions(String org, int year) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM report_version WHERE organization = ?1 AND year = ?2")
                .setParameter(1, org).setParameter(2, year).getSingleResult()).longValue();
    }

    public List<Version> versions(String org, int year, Integer only, int offset, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT report_version, content_hash, json_hash, markdown_hash, html_hash, docx_hash, offsets, generated_at
                FROM report_version WHERE organization = ?1 AND year = ?2 AND (?3 = 0 OR report_version = ?3)
                ORDER BY report_version DESC""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, only == null ? 0 : only)
                .setFirstResult(offset).setMaxResults(size).getResultList();
        return rows.stream().map(r -> VersionQuery.version(org, year, r)).toList();
    }

    public byte[] content(String org, int year, int n, Format format) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("SELECT " + format.column
                + " FROM report_version WHERE organization = ?1 AND year = ?2 AND report_version = ?3")
                .setParameter(1, org).setParameter(2, year).setParameter(3, n).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("report version", org + "/" + year + "/" + n);
        }
        return rows.get(0);
    }
}
