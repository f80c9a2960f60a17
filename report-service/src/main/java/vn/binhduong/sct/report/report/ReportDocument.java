package vn.binhduong.sct.report.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One generated annual report, structured: what every output format (JSON, Markdown, HTML, DOCX) renders. Holds no
 * clock time and no random id, only what comes from the data, so the same figures and prose give the same bytes.
 */
public record ReportDocument(String organization, int year, Heading heading, List<Part> parts, List<IndicatorRow> indicators,
        List<Finding> annex, List<String> missingFigures, Signature signature, List<String> recipients, Tables tables,
        List<TypedFigure> typedFigures) {

    /** The tables as every format prints them: same columns, same cells, so the formats cannot disagree. */
    public record Tables(Table indicators, Table annex, List<String> annexNotes) {
    }

    /** A table: its columns (header and share of the text width in percent) and its rows of cells. */
    public record Table(List<Column> columns, List<List<String>> rows) {
    }

    public record Column(String header, int widthPercent) {
    }

    /** A number typed into narrative text that is no identifier, date, year or list label ("số liệu nhập tay"). */
    public record TypedFigure(String section, String sectionNumber, String number, String context) {
    }

    /** The heading block of a party report (Hướng dẫn 36-HD/VPTW; DESIGN.md §9). */
    public record Heading(String partyName, String superiorBody, String issuingBody, String number, String placeAndDate,
            String documentType, String subject) {
    }

    public record Part(String label, String title, List<Section> sections) {
    }

    /** A heading and its passages; sections are listed flat in order, their level gives the nesting. */
    public record Section(String code, int level, String number, String title, List<Block> blocks) {
    }

    /**
     * A passage. {@code kind}: {@code paragraph} (prose or a generated sentence), {@code bullet}, {@code indicator-table},
     * {@code indicator-chart}. {@code origin}: {@code generated} from figures, or {@code narrative} (staff prose).
     */
    public record Block(String kind, String origin, String text, List<String> footnotes, List<String> figureKeys) {
    }

    /** One indicator against its plan, as the table and the chart show it. */
    public record IndicatorRow(String code, String name, String value, String growth, String previousYearGrowth,
            String planGrowth, String planValue, Boolean met, String assessment, BigDecimal growthValue,
            BigDecimal planGrowthValue) {
    }

    /**
     * A figure to review: a rule of the data-quality annex that the figures break, both sides side by side. The rule
     * code, name, expressions and message are for machines (the JSON output); {@code description}, the sources and
     * {@code differenceText} are what the annex prints for readers.
     */
    public record Finding(String rule, String name, String statedExpression, String stated, String computedExpression,
            String computed, String difference, String message, String description, String statedSource,
            String computedSource, String differenceText) {

        public Finding(String rule, String name, String statedExpression, String stated, String computedExpression,
                String computed, String difference, String message) {
            this(rule, name, statedExpression, stated, computedExpression, computed, difference, message, null, null, null, null);
        }

        public Finding reading(String description, String statedSource, String computedSource, String differenceText) {
            return new Finding(rule, name, statedExpression, stated, computedExpression, computed, difference, message, description,
                    statedSource, computedSource, differenceText);
        }
    }

    public record Signature(String onBehalfOf, String title, String name) {
    }
}
