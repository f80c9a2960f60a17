package vn.binhduong.sct.report.events;

import java.util.Map;

import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types report-service publishes to sct.report.events, each with its payload version, and their payloads.
 * Documented field by field in docs/events/report-service.md. No personal data: the generator is named by role only.
 */
public final class ReportEvents {
    public static final EventType REPORT_GENERATED = EventType.of("report.generated", 1);
    public static final EventType NARRATIVE_SAVED = EventType.of("narrative.saved", 1);

    /**
     * report.generated (aggregate {@code report}, id {@code ORG/YEAR}): one stored generation of the annual report.
     *
     * @param hashes SHA-256 per output format (json, md, html, docx), lower-case hex
     * @param offsets the inbox position per {@code topic-partition} the report was built from
     * @param generatedByRole the caller's role (admin, party-committee or viewer), never a name
     */
    public record ReportGenerated(String organization, int year, int reportVersion, String contentHash,
            Map<String, String> hashes, Map<String, Long> offsets, String generatedByRole) {
    }

    /** narrative.saved (aggregate {@code narrative}, id {@code ORG/YEAR/SECTION}): a new version of a section's prose. */
    public record NarrativeSaved(String organization, int year, String section, int fragmentVersion) {
    }

    private ReportEvents() {
    }
}
