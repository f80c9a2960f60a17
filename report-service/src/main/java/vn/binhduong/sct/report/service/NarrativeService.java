package vn.binhduong.sct.report.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.report.events.ReportEvents;
import vn.binhduong.sct.report.domain.FigureCatalog;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.NarrativeFragment;
import vn.binhduong.sct.report.domain.Outline;
import vn.binhduong.sct.report.domain.Placeholders;

/** Saves and renders the prose of report sections. */
@ApplicationScoped
public class NarrativeService {
    private static final java.util.Set<String> MODIFIERS = java.util.Set.of("asOf", "next");

    private final FigureQuery figures;
    private final Outbox outbox;

    public NarrativeService(FigureQuery figures, Outbox outbox) {
        this.figures = figures;
        this.outbox = outbox;
    }

    /** 404 unless some event has given report-service a figure of {@code organization}. */
    public void requireKnownOrganization(String organization) {
        if (!figures.knownOrganization(organization)) {
            throw ProblemException.notFound("organisation", organization);
        }
    }

    public record Saved(NarrativeFragment fragment, boolean created) {
    }

    /**
     * Adds the next version of a section's prose. {@code baseVersion} is the version the writer edited (null or 0 for
     * the first); a stale one is refused. Saving the text of the latest version again changes nothing.
     */
    @Transactional
    public Saved save(String organization, int year, String section, String body, List<String> footnotes,
            Integer baseVersion, String author) {
        if (!Outline.exists(section)) {
            throw ProblemException.notFound("report section", section);
        }
        List<String> notes = footnotes == null ? List.of() : footnotes;
        checkPlaceholders(body, notes);
        NarrativeFragment latest = NarrativeFragment.latest(organization, year, section);
        String notesJson = EventJson.toJson(notes);
        if (latest != null && latest.body.equals(body) && latest.footnotes.equals(notesJson)) {
            return new Saved(latest, false);
        }
        int current = latest == null ? 0 : latest.fragmentVersion;
        int base = baseVersion == null ? 0 : baseVersion;
        if (base != current) {
            throw ProblemException.conflict("stale-version", "section " + section + " is at version " + current
                    + ", the text was edited from version " + base + "; reload it and edit again",
                    Map.of("currentVersion", current, "baseVersion", base));
        }
        NarrativeFragment f = new NarrativeFragment();
        f.organization = organization;
        f.year = year;
        f.section = section;
        f.fragmentVersion = current + 1;
        f.body = body;
        f.footnotes = notesJson;
        f.author = author;
        f.savedAt = Instant.now();
        f.persist();
        // a new version only: saving the same text again (above) changes nothing and says nothing
        outbox.record(ReportEvents.NARRATIVE_SAVED, organization, "narrative", organization + "/" + year + "/" + section,
                new ReportEvents.NarrativeSaved(organization, year, section, f.fragmentVersion));
        return new Saved(f, true);
    }

    private void checkPlaceholders(String body, List<String> footnotes) {
        Map<String, String> unknown = new LinkedHashMap<>();
        List<String> texts = new java.util.ArrayList<>();
        texts.add(body);
        texts.addAll(footnotes);
        for (String text : texts) {
            for (String p : Placeholders.of(Objects.requireNonNullElse(text, ""))) {
                String key = p.contains("|") ? p.substring(0, p.indexOf('|')) : p;
                String modifier = p.contains("|") ? p.substring(p.indexOf('|') + 1) : null;
                if (modifier != null && !MODIFIERS.contains(modifier)) {
                    unknown.put(p, "unknown modifier '" + modifier + "' (asOf or next)");
                } else if (!FigureCatalog.known(key) && !figures.exists(key)) {
                    unknown.put(p, "no figure has the key " + key);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.ruleViolated("unknown-placeholder",
                    "unknown placeholder " + String.join(", ", unknown.keySet().stream().map(k -> "{{" + k + "}}").toList())
                            + ": a placeholder must name a figure key (GET /api/v1/figures lists them)",
                    Map.of("unknownPlaceholders", List.copyOf(unknown.keySet()), "reasons", unknown));
        }
    }

    public List<String> footnotes(NarrativeFragment f) {
        return EventJson.fromTree(EventJson.MAPPER.valueToTree(parse(f.footnotes)), List.class);
    }

    private static List<String> parse(String json) {
        try {
            return EventJson.MAPPER.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest version of every section of one report, in the outline's order. */
    public List<NarrativeFragment> latestOfReport(String organization, int year) {
        List<NarrativeFragment> all = NarrativeFragment.list("organization = ?1 and year = ?2 order by section, fragmentVersion",
                organization, year);
        Map<String, NarrativeFragment> latest = new LinkedHashMap<>();
        all.forEach(f -> latest.put(f.section, f));
        return latest.values().stream().sorted(java.util.Comparator.comparingInt(f -> Outline.order(f.section))).toList();
    }

    /** The prose with the year's figures; {@code {{key|next}}} prints the next year's (a plan for the year ahead). */
    public String render(NarrativeFragment f, Map<String, FigureView> figureMap, Map<String, FigureView> nextYear,
            java.util.Set<String> missing) {
        return Placeholders.render(f.body, figureMap, nextYear, missing);
    }

    public List<String> renderFootnotes(NarrativeFragment f, Map<String, FigureView> figureMap, Map<String, FigureView> nextYear,
            java.util.Set<String> missing) {
        return parse(f.footnotes).stream().map(n -> Placeholders.render(n, figureMap, nextYear, missing)).toList();
    }

    public Map<String, FigureView> figures(String organization, int year) {
        return figures.figures(organization, year);
    }

    static java.util.Set<String> newSet() {
        return new HashSet<>();
    }
}
