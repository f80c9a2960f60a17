package vn.binhduong.sct.report.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.Part;
import vn.binhduong.sct.report.report.ReportDocument.Section;
import vn.binhduong.sct.report.report.ReportDocument.Table;

/**
 * The DOCX of a report, walking the same document as the other formats, laid out per Hướng dẫn 36-HD/VPTW: A4, body
 * style Times New Roman 14 ({@link DocxStyles}), the parts and sections as Heading 1–4 (Word's navigation pane and a
 * table of contents find them), tables as wide as the text with column widths from the model, footnotes, document
 * properties. Deterministic: the core properties carry the report's own date, every zip entry a fixed time.
 *
 * <p>The package is written straight to its parts as text: the document body and the footnotes are a few kinds of
 * paragraph, run and table, the same for every report, so they are written as they are walked, and the styles part,
 * the same for every report, is made once with Apache POI from {@link DocxStyles}. Building POI's object model of the
 * whole body and saving it through XMLBeans cost about half of a report generation's CPU; the parts written here are
 * the ones POI wrote for the same document, element for element ({@code DocxRendererTest} compares them with POI's
 * output, kept in the tests), except that a footnote's mark is one run property and one {@code footnoteRef} where POI
 * wrote each twice.
 */
public final class DocxRenderer {
    /** 1 mm in twentieths of a point. */
    static final double MM = 56.6929;
    /** A4 width less the margins (30 mm left, 15 mm right): the text width in twentieths of a point. */
    static final int TEXT_WIDTH = (int) Math.round((210 - 30 - 15) * MM);

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** word/styles.xml: the same for every report, made once by POI from {@link DocxStyles}. */
    private static final byte[] STYLES = styles();

    private DocxRenderer() {
    }

    public static byte[] render(ReportDocument d, LocalDate documentDate) {
        Body body = new Body();
        body.heading(d.heading());
        for (Part p : d.parts()) {
            body.styled(DocxStyles.HEADING[0], p.label() + " – " + p.title(), false);
            for (Section s : p.sections()) {
                body.styled(DocxStyles.HEADING[Math.min(3, s.level())], s.number() + " " + s.title(), false);
                for (Block b : s.blocks()) {
                    switch (b.kind()) {
                        case "indicator-table" -> body.table(d.tables().indicators(), 11);
                        case "indicator-chart" -> {
                            // the chart is drawn in the HTML; the table carries the same figures here
                        }
                        default -> body.paragraph((b.kind().equals("bullet") ? "- " : "") + b.text(), b.footnotes());
                    }
                }
            }
        }
        body.signature(d);
        body.annex(d);
        boolean notes = body.footnoteCount > 0;
        String date = (documentDate == null ? LocalDate.of(d.year(), 12, 31) : documentDate) + "T00:00:00Z";
        var h = d.heading();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                entry(z, "[Content_Types].xml", contentTypes(notes));
                entry(z, "_rels/.rels", XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\"" + REL + "officeDocument\"/>"
                        + "<Relationship Id=\"rId2\" Target=\"docProps/app.xml\" Type=\"" + REL + "extended-properties\"/>"
                        + "<Relationship Id=\"rId3\" Target=\"docProps/custom.xml\" Type=\"" + REL + "custom-properties\"/>"
                        + "<Relationship Id=\"rId4\" Target=\"docProps/core.xml\" "
                        + "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\"/>"
                        + "</Relationships>");
                entry(z, "docProps/app.xml", XML + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "extended-properties\"><Application>SCT report-service</Application><Company>"
                        + text(h.issuingBody()) + "</Company></Properties>");
                entry(z, "docProps/core.xml", XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                        + "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/"
                        + "dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "<cp:category>Báo cáo năm " + d.year() + "</cp:category>"
                        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>"
                        + "<dc:creator>" + text(h.issuingBody()) + "</dc:creator>"
                        + "<cp:keywords>" + text("báo cáo năm " + d.year() + ", " + h.issuingBody()) + "</cp:keywords>"
                        + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified>"
                        + "<dc:subject>" + text(h.subject()) + "</dc:subject>"
                        + "<dc:title>" + text(h.documentType() + " " + h.subject()) + "</dc:title></cp:coreProperties>");
                String fmtid = " fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\"";
                entry(z, "docProps/custom.xml", XML + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                        + "<property pid=\"2\"" + fmtid + " name=\"Tổ chức\"><vt:lpwstr>" + text(h.issuingBody()) + "</vt:lpwstr></property>"
                        + "<property pid=\"3\"" + fmtid + " name=\"Mã tổ chức\"><vt:lpwstr>" + text(d.organization()) + "</vt:lpwstr></property>"
                        + "<property pid=\"4\"" + fmtid + " name=\"Năm\"><vt:i4>" + d.year() + "</vt:i4></property></Properties>");
                entry(z, "word/document.xml", body.document());
                entry(z, "word/_rels/document.xml.rels", XML
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Target=\"settings.xml\" Type=\"" + REL + "settings\"/>"
                        + "<Relationship Id=\"rId2\" Target=\"styles.xml\" Type=\"" + REL + "styles\"/>"
                        + (notes ? "<Relationship Id=\"rId3\" Target=\"footnotes.xml\" Type=\"" + REL + "footnotes\"/>" : "")
                        + "</Relationships>");
                if (notes) {
                    entry(z, "word/footnotes.xml", body.footnotes());
                }
                entry(z, "word/settings.xml", XML + "<w:settings xmlns:w=\"" + W + "\"/>");
                entry(z, "word/styles.xml", STYLES);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentTypes(boolean notes) {
        String office = "application/vnd.openxmlformats-officedocument.";
        return XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" Extension=\"rels\"/>"
                + "<Default ContentType=\"application/xml\" Extension=\"xml\"/>"
                + "<Override ContentType=\"" + office + "extended-properties+xml\" PartName=\"/docProps/app.xml\"/>"
                + "<Override ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" PartName=\"/docProps/core.xml\"/>"
                + "<Override ContentType=\"" + office + "custom-properties+xml\" PartName=\"/docProps/custom.xml\"/>"
                + "<Override ContentType=\"" + office + "wordprocessingml.document.main+xml\" PartName=\"/word/document.xml\"/>"
                + (notes ? "<Override ContentType=\"" + office + "wordprocessingml.footnotes+xml\" PartName=\"/word/footnotes.xml\"/>" : "")
                + "<Override ContentType=\"" + office + "wordprocessingml.settings+xml\" PartName=\"/word/settings.xml\"/>"
                + "<Override ContentType=\"" + office + "wordprocessingml.styles+xml\" PartName=\"/word/styles.xml\"/>"
                + "</Types>";
    }

    private static void entry(ZipOutputStream z, String name, String xml) throws IOException {
        entry(z, name, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream z, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        z.putNextEntry(e);
        z.write(content);
        z.closeEntry();
    }

    /** The document body and its footnotes, written as the report is walked. */
    private static final class Body {
        private final StringBuilder doc = new StringBuilder(96 * 1024);
        private final StringBuilder notes = new StringBuilder();
        private int footnoteCount;

        String document() {
            return XML + "<w:document xmlns:w=\"" + W + "\"><w:body>" + doc
                    + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"" + Math.round(20 * MM) + "\" w:bottom=\""
                    + Math.round(20 * MM) + "\" w:left=\"" + Math.round(30 * MM) + "\" w:right=\"" + Math.round(15 * MM)
                    + "\"/></w:sectPr></w:body></w:document>";
        }

        String footnotes() {
            return XML + "<w:footnotes xmlns:w=\"" + W + "\">" + notes + "</w:footnotes>";
        }

        /** A paragraph of one style with one run. */
        void styled(String style, String text, boolean pageBreakBefore) {
            doc.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/>");
            if (pageBreakBefore) {
                doc.append("<w:pageBreakBefore w:val=\"on\"/>");
            }
            doc.append("</w:pPr>");
            run(doc, text);
            doc.append("</w:p>");
        }

        /** A body paragraph, a superscript reference after it for each of its footnotes. */
        void paragraph(String text, List<String> footnotes) {
            doc.append("<w:p><w:pPr><w:pStyle w:val=\"").append(DocxStyles.BODY).append("\"/></w:pPr>");
            run(doc, text);
            for (String note : footnotes) {
                int id = ++footnoteCount;
                notes.append("<w:footnote w:type=\"normal\" w:id=\"").append(id).append("\"><w:p><w:pPr><w:pStyle w:val=\"")
                        .append(DocxStyles.FOOTNOTE).append("\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>")
                        .append("</w:rPr><w:footnoteRef/></w:r>");
                run(notes, " " + note);
                notes.append("</w:p></w:footnote>");
                doc.append("<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"").append(id)
                        .append("\"/></w:r>");
            }
            doc.append("</w:p>");
        }

        void heading(ReportDocument.Heading h) {
            List<Integer> twips = open(List.of(44, 56), false);
            doc.append("<w:tr>");
            cell(twips.get(0));
            cellLine(h.superiorBody(), false, false, 12, false, "center");
            cellLine(h.issuingBody(), true, false, 13, false, "center");
            cellLine("*", false, false, 14, false, "center");
            cellLine(h.number(), false, false, 14, false, "center");
            doc.append("</w:tc>");
            cell(twips.get(1));
            cellLine(h.partyName(), true, false, 15, true, "center");
            cellLine("", false, false, 8, false, "center");
            cellLine(h.placeAndDate(), false, true, 13, false, "center");
            doc.append("</w:tc></w:tr></w:tbl>");
            styled(DocxStyles.TITLE, h.documentType(), false);
            styled(DocxStyles.SUBTITLE, h.subject(), false);
        }

        /** A table as wide as the text, its columns as the model sizes them, the header row repeated on each page. */
        void table(Table table, int size) {
            List<Integer> twips = open(table.columns().stream().map(ReportDocument.Column::widthPercent).toList(), true);
            doc.append("<w:tr><w:trPr><w:tblHeader w:val=\"on\"/></w:trPr>");
            for (int c = 0; c < table.columns().size(); c++) {
                cell(twips.get(c));
                cellLine(table.columns().get(c).header(), true, false, size, false, "center");
                doc.append("</w:tc>");
            }
            doc.append("</w:tr>");
            for (List<String> row : table.rows()) {
                doc.append("<w:tr>");
                for (int c = 0; c < table.columns().size(); c++) {
                    cell(twips.get(c));
                    if (c < row.size()) {
                        cellLine(row.get(c), false, false, size, false, c == 0 ? "left" : "center");
                    } else {
                        doc.append("<w:p/>"); // a row shorter than the columns: the cell keeps an empty paragraph
                    }
                    doc.append("</w:tc>");
                }
                doc.append("</w:tr>");
            }
            doc.append("</w:tbl>");
        }

        void signature(ReportDocument d) {
            doc.append("<w:p><w:pPr><w:pStyle w:val=\"").append(DocxStyles.BODY).append("\"/></w:pPr></w:p>");
            List<Integer> twips = open(List.of(50, 50), false);
            doc.append("<w:tr>");
            cell(twips.get(0));
            cellLine("Nơi nhận:", true, true, 12, false, "left");
            for (String r : d.recipients()) {
                cellLine("- " + r, false, false, 11, false, "left");
            }
            doc.append("</w:tc>");
            cell(twips.get(1));
            cellLine(d.signature().onBehalfOf(), true, false, 14, false, "center");
            cellLine(d.signature().title(), true, false, 14, false, "center");
            for (int i = 0; i < 3; i++) {
                cellLine("", false, false, 14, false, "center");
            }
            cellLine(d.signature().name(), true, false, 14, false, "center");
            doc.append("</w:tc></w:tr></w:tbl>");
        }

        void annex(ReportDocument d) {
            styled(DocxStyles.HEADING[0], Renderers.ANNEX_TITLE, true);
            if (!d.tables().annex().rows().isEmpty()) {
                table(d.tables().annex(), 10);
            }
            for (String note : d.tables().annexNotes()) {
                paragraph(note, List.of());
            }
        }

        /**
         * Opens a table with fixed layout and its grid in twentieths of a point (Word and LibreOffice keep the widths):
         * bordered and centred, or without borders (the heading and signature blocks). Returns the column widths.
         */
        private List<Integer> open(List<Integer> percents, boolean bordered) {
            int total = percents.stream().mapToInt(Integer::intValue).sum();
            List<Integer> twips = new ArrayList<>(percents.size());
            doc.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH).append("\" w:type=\"dxa\"/>");
            if (bordered) {
                doc.append("<w:jc w:val=\"center\"/><w:tblBorders><w:top w:val=\"single\"/><w:left w:val=\"single\"/>")
                        .append("<w:bottom w:val=\"single\"/><w:right w:val=\"single\"/><w:insideH w:val=\"single\"/>")
                        .append("<w:insideV w:val=\"single\"/></w:tblBorders>");
            }
            doc.append("<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
            for (int p : percents) {
                int w = TEXT_WIDTH * p / total;
                twips.add(w);
                doc.append("<w:gridCol w:w=\"").append(w).append("\"/>");
            }
            doc.append("</w:tblGrid>");
            return twips;
        }

        private void cell(int width) {
            doc.append("<w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"").append(width).append("\"/></w:tcPr>");
        }

        /** A paragraph of table text: one run, its weight, slant and size (in points) said explicitly. */
        private void cellLine(String text, boolean bold, boolean italic, int size, boolean underline, String align) {
            doc.append("<w:p><w:pPr><w:pStyle w:val=\"").append(DocxStyles.TABLE).append("\"/><w:jc w:val=\"").append(align)
                    .append("\"/></w:pPr><w:r><w:rPr><w:b w:val=\"").append(bold ? "on" : "off").append("\"/><w:i w:val=\"")
                    .append(italic ? "on" : "off").append("\"/><w:sz w:val=\"").append(size * 2).append("\"/>");
            if (underline) {
                doc.append("<w:u w:val=\"single\"/>");
            }
            doc.append("</w:rPr>");
            t(doc, text);
            doc.append("</w:r></w:p>");
        }

        private static void run(StringBuilder out, String text) {
            out.append("<w:r>");
            t(out, text);
            out.append("</w:r>");
        }

        /** A text element; spaces at either end are kept ({@code xml:space="preserve"}), as Word would drop them. */
        private static void t(StringBuilder out, String text) {
            if (text == null || text.isEmpty()) {
                out.append("<w:t/>");
                return;
            }
            boolean preserve = Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
            out.append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>");
            escape(out, text);
            out.append("</w:t>");
        }
    }

    /** Text for an element's content: markup characters escaped, characters XML 1.0 cannot carry left out. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s == null ? 0 : s.length() + 16);
        escape(out, s);
        return out.toString();
    }

    static void escape(StringBuilder out, String s) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;"); // a parser would turn a bare CR into LF
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
                    // else: a control character or a lone surrogate, which no XML 1.0 document can hold
                }
            }
        }
    }

    /** The styles part POI writes for {@link DocxStyles#define}: made once, it is the same for every report. */
    private static byte[] styles() {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxStyles.define(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().equals("word/styles.xml")) {
                        return in.readAllBytes();
                    }
                }
            }
            throw new IllegalStateException("POI wrote no word/styles.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
