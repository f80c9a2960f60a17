package vn.binhduong.sct.report.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.Outline;
import vn.binhduong.sct.report.domain.Placeholders;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.sections.AssessmentWriter;
import vn.binhduong.sct.report.report.sections.CovidEconomyWriter;
import vn.binhduong.sct.report.report.sections.CovidWriter;
import vn.binhduong.sct.report.report.sections.EducationWriter;
import vn.binhduong.sct.report.report.sections.IndicatorRows;
import vn.binhduong.sct.report.report.sections.InspectionWriter;
import vn.binhduong.sct.report.report.sections.MembersWriter;
import vn.binhduong.sct.report.report.sections.PoliticalTasksWriter;
import vn.binhduong.sct.report.report.sections.SectionWriter;
import vn.binhduong.sct.report.report.sections.SituationWriter;
import vn.binhduong.sct.report.report.sections.StateInspectionWriter;
import vn.binhduong.sct.report.report.sections.TargetsWriter;

/**
 * Builds the annual report from the figures, the narrative fragments and the heading data: the seed document's outline,
 * each section's generated passages from its {@link SectionWriter}, the staff's prose, the data-quality annex. Pure: the
 * same inputs give the same document, which every format then renders.
 */
public final class ReportAssembler {
    /** Sections whose staff prose comes before the generated passages (it introduces them). */
    private static final Set<String> NARRATIVE_FIRST = Set.of("political-tasks", "covid", "inspection", "state-inspection",
            "promotion", "limitations-objective");

    /**
     * A narrative fragment: the text and footnotes as rendered with the live figures, and as saved (with placeholders),
     * which the typed-figure check reads.
     */
    public record Narrative(String text, List<String> footnotes, String source, List<String> sourceFootnotes) {
        public Narrative(String text, List<String> footnotes) {
            this(text, footnotes, text, footnotes);
        }
    }

    private final HeadingData heading;
    private final Figures f;
    private final Map<String, Narrative> narratives;
    private final DataQualityCheck quality;
    private final Set<String> missing;
    private final TypedFigureCheck typed;

    public ReportAssembler(HeadingData heading, Figures figures, Map<String, Narrative> narratives, DataQualityCheck quality,
            Set<String> missingInNarratives, TypedFigureCheck typed) {
        this.heading = heading;
        this.f = figures;
        this.narratives = narratives;
        this.quality = quality;
        this.missing = new TreeSet<>(missingInNarratives);
        this.typed = typed;
    }

    /** The writers of the generated passages, in the order their passages are printed within a section. */
    static List<SectionWriter> writers(List<IndicatorRow> indicators) {
        return List.of(new SituationWriter(), new EducationWriter(), new MembersWriter(), new InspectionWriter(), new CovidWriter(),
                new CovidEconomyWriter(), new PoliticalTasksWriter(indicators), new StateInspectionWriter(),
                AssessmentWriter.strengths(indicators), AssessmentWriter.limitations(indicators), new TargetsWriter());
    }

    public ReportDocument assemble() {
        int year = f.year();
        List<IndicatorRow> indicators = IndicatorRows.of(f);
        Map<String, List<Block>> generated = new LinkedHashMap<>();
        for (SectionWriter w : writers(indicators)) {
            generated.computeIfAbsent(w.section(), s -> new ArrayList<>()).addAll(w.write(f));
        }
        List<ReportDocument.Section> part1 = new ArrayList<>();
        List<ReportDocument.Section> part2 = new ArrayList<>();
        Map<String, String> sectionOfKey = new LinkedHashMap<>();
        List<ReportDocument.TypedFigure> typedFigures = new ArrayList<>();
        for (Outline.Node node : Outline.NODES) {
            List<Block> gen = generated.getOrDefault(node.code(), List.of());
            Narrative n = narratives.get(node.code());
            List<Block> prose = n == null ? List.of() : prose(n);
            List<Block> blocks = new ArrayList<>();
            if (NARRATIVE_FIRST.contains(node.code())) {
                blocks.addAll(prose);
                blocks.addAll(gen);
            } else {
                blocks.addAll(gen);
                blocks.addAll(prose);
            }
            String where = sectionName(node);
            blocks.forEach(b -> b.figureKeys().forEach(k -> sectionOfKey.putIfAbsent(k, where)));
            if (n != null) {
                List<String> texts = new ArrayList<>(List.of(n.source()));
                texts.addAll(n.sourceFootnotes());
                for (String t : texts) {
                    Placeholders.of(t).forEach(p -> sectionOfKey.putIfAbsent(p.contains("|") ? p.substring(0, p.indexOf('|')) : p, where));
                    typedFigures.addAll(typed.find(node.code(), where, t));
                }
            }
            (node.part() == 1 ? part1 : part2).add(new ReportDocument.Section(node.code(), node.level(), node.number(),
                    node.title(), blocks));
        }
        List<ReportDocument.Part> parts = List.of(
                new ReportDocument.Part("PHẦN THỨ NHẤT", "KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM " + year, part1),
                new ReportDocument.Part("PHẦN THỨ HAI", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM " + (year + 1), part2));
        List<ReportDocument.Finding> annex = new AnnexWriter(f, sectionOfKey).explain(quality.check(f.all()));
        ReportDocument.Tables tables = new ReportDocument.Tables(ReportTables.indicators(year, indicators),
                ReportTables.annex(annex, typedFigures), ReportTables.annexNotes(annex, missing, typedFigures));
        return new ReportDocument(f.organization(), year, headingBlock(year), parts, indicators, annex, List.copyOf(missing),
                new ReportDocument.Signature("T/M BAN CHẤP HÀNH", upper(heading.signerTitle()), heading.signerName()),
                heading.recipients(), tables, typedFigures);
    }

    /** "mục II.7 (Công tác phòng, chống dịch Covid-19)": where a reader finds a figure in the report. */
    static String sectionName(Outline.Node node) {
        List<String> numbers = new ArrayList<>();
        int level = node.level();
        for (int i = Outline.order(node.code()); i >= 0 && level >= 1; i--) {
            Outline.Node n = Outline.NODES.get(i);
            if (n.part() == node.part() && n.level() == level) {
                numbers.add(0, n.number().replaceAll("\\.$", ""));
                level--;
            }
        }
        String number = numbers.size() >= 3 ? numbers.get(0) + "." + numbers.get(2) : String.join(".", numbers);
        return "mục " + number + (node.part() == 1 ? " của báo cáo" : " Phần thứ hai") + " (" + node.title() + ")";
    }

    private ReportDocument.Heading headingBlock(int year) {
        String date = heading.issuedOn() == null ? "ngày      tháng      năm " + year : VnFormat.longDate(heading.issuedOn());
        return new ReportDocument.Heading("ĐẢNG CỘNG SẢN VIỆT NAM", upper(heading.superiorBody()), upper(heading.issuingBody()),
                heading.documentNumber(), heading.place() + ", " + date, "BÁO CÁO", heading.subject());
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(new Locale("vi"));
    }

    private static List<Block> prose(Narrative n) {
        List<Block> blocks = new ArrayList<>();
        String[] paragraphs = n.text().split("\\n\\s*\\n|\\n");
        for (int i = 0; i < paragraphs.length; i++) {
            String p = paragraphs[i].strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean last = i == paragraphs.length - 1;
            blocks.add(new Block(p.startsWith("- ") ? "bullet" : "paragraph", "narrative", p.startsWith("- ") ? p.substring(2) : p,
                    last ? n.footnotes() : List.of(), List.of()));
        }
        return blocks;
    }
}
