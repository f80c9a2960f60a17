package vn.binhduong.sct.report.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.qute.RawString;
import io.quarkus.qute.Variant;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.Part;
import vn.binhduong.sct.report.report.ReportDocument.Section;
import vn.binhduong.sct.report.report.ReportDocument.Table;

/**
 * JSON of one report, and its Markdown and HTML from the templates {@code templates/report/document.md} and
 * {@code document.html}, both walking the same {@link View} of the document (footnotes numbered once, the same tables);
 * the DOCX walks the same document ({@link DocxRenderer}). Fixed ordering, no clock: the same document, the same bytes.
 */
public final class Renderers {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** What the document templates walk. */
    public record View(ReportDocument doc, List<ViewPart> parts, List<Note> notes, Table annex, List<String> annexNotes,
            String annexTitle) {
    }

    public record ViewPart(String label, String title, List<ViewSection> sections) {
    }

    /** {@code hashes}: the Markdown heading marks; {@code tag}: the HTML heading element. */
    public record ViewSection(String code, String hashes, String tag, String number, String title, List<ViewBlock> blocks) {
    }

    /** A passage: text with the numbers of its footnotes, or the indicator table, or the chart (HTML only). */
    public record ViewBlock(boolean bullet, String text, List<Integer> notes, Table table, RawString svg) {
    }

    public record Note(int number, String text) {
    }

    static final String ANNEX_TITLE = "PHỤ LỤC: SỐ LIỆU CẦN RÀ SOÁT";

    private Renderers() {
    }

    public static byte[] json(ReportDocument d) {
        try {
            return JSON.writeValueAsBytes(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static View view(ReportDocument d) {
        List<Note> notes = new ArrayList<>();
        List<ViewPart> parts = new ArrayList<>();
        for (Part p : d.parts()) {
            List<ViewSection> sections = new ArrayList<>();
            for (Section s : p.sections()) {
                int level = Math.min(6, s.level() + 2);
                List<ViewBlock> blocks = new ArrayList<>();
                for (Block b : s.blocks()) {
                    switch (b.kind()) {
                        case "indicator-table" -> blocks.add(new ViewBlock(false, b.text(), List.of(), d.tables().indicators(), null));
                        case "indicator-chart" -> blocks.add(new ViewBlock(false, b.text(), List.of(), null,
                                new RawString(ChartSvg.svg(d, b.text()))));
                        default -> {
                            List<Integer> numbers = new ArrayList<>();
                            for (String n : b.footnotes()) {
                                notes.add(new Note(notes.size() + 1, n));
                                numbers.add(notes.size());
                            }
                            blocks.add(new ViewBlock(b.kind().equals("bullet"), b.text(), numbers, null, null));
                        }
                    }
                }
                sections.add(new ViewSection(s.code(), "#".repeat(level), "h" + level, s.number(), s.title(), blocks));
            }
            parts.add(new ViewPart(p.label(), p.title(), sections));
        }
        return new View(d, parts, notes, d.tables().annex(), d.tables().annexNotes(), ANNEX_TITLE);
    }

    public static byte[] markdown(ReportDocument d) {
        return Wording.document("document.md", Wording.MARKDOWN, view(d)).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html(ReportDocument d) {
        return Wording.document("document.html", Variant.TEXT_HTML, view(d)).getBytes(StandardCharsets.UTF_8);
    }
}
