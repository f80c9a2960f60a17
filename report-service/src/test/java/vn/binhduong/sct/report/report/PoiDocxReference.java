package vn.binhduong.sct.report.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.Part;
import vn.binhduong.sct.report.report.ReportDocument.Section;
import vn.binhduong.sct.report.report.ReportDocument.Table;

/**
 * The renderer the report used before {@link DocxRenderer} (Apache POI's object model, then its package writer), kept
 * as the reference the streaming writer is compared with ({@code DocxRendererTest}). The DOCX of a report, walking the same document as the other formats, laid out per Hướng dẫn 36-HD/VPTW: A4, body
 * style Times New Roman 14 ({@link DocxStyles}), the parts and sections as Heading 1–4 (Word's navigation pane and a
 * table of contents find them), tables as wide as the text with column widths from the model, footnotes, document
 * properties. Deterministic: the core properties carry the report's own date, the zip is rewritten with fixed times.
 */
final class PoiDocxReference {
    static final double MM = DocxRenderer.MM;
    static final int TEXT_WIDTH = DocxRenderer.TEXT_WIDTH;

    private PoiDocxReference() {
    }

    static byte[] render(ReportDocument d, LocalDate documentDate) {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxStyles.define(doc);
            page(doc);
            heading(doc, d);
            for (Part p : d.parts()) {
                styled(doc, DocxStyles.HEADING[0], p.label() + " – " + p.title());
                for (Section s : p.sections()) {
                    styled(doc, DocxStyles.HEADING[Math.min(3, s.level())], s.number() + " " + s.title());
                    for (Block b : s.blocks()) {
                        switch (b.kind()) {
                            case "indicator-table" -> table(doc, d.tables().indicators(), 11);
                            case "indicator-chart" -> {
                                // the chart is drawn in the HTML; the table carries the same figures here
                            }
                            default -> body(doc, (b.kind().equals("bullet") ? "- " : "") + b.text(), b.footnotes());
                        }
                    }
                }
            }
            signature(doc, d);
            annex(doc, d);
            properties(doc, d, documentDate);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return normalizeZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void properties(XWPFDocument doc, ReportDocument d, LocalDate documentDate) {
        Date when = Date.from((documentDate == null ? LocalDate.of(d.year(), 12, 31) : documentDate)
                .atStartOfDay().toInstant(ZoneOffset.UTC));
        var core = doc.getProperties().getCoreProperties();
        core.setCreated(Optional.of(when));
        core.setModified(Optional.of(when));
        core.setCreator(d.heading().issuingBody());
        core.setTitle(d.heading().documentType() + " " + d.heading().subject());
        core.setSubjectProperty(d.heading().subject());
        core.setKeywords("báo cáo năm " + d.year() + ", " + d.heading().issuingBody());
        core.setCategory("Báo cáo năm " + d.year());
        doc.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(d.heading().issuingBody());
        var custom = doc.getProperties().getCustomProperties();
        custom.addProperty("Tổ chức", d.heading().issuingBody());
        custom.addProperty("Mã tổ chức", d.organization());
        custom.addProperty("Năm", d.year());
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(Math.round(20 * MM)));
        mar.setBottom(BigInteger.valueOf(Math.round(20 * MM)));
        mar.setLeft(BigInteger.valueOf(Math.round(30 * MM)));
        mar.setRight(BigInteger.valueOf(Math.round(15 * MM)));
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun r = p.createRun();
        r.setBold(bold);
        r.setItalic(italic);
        r.setFontSize(size);
        r.setText(text);
        return r;
    }

    private static XWPFParagraph styled(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
        return p;
    }

    private static XWPFParagraph cellLine(XWPFTableCell cell, boolean first, String text, boolean bold, boolean italic, int size,
            boolean underline, ParagraphAlignment align) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setStyle(DocxStyles.TABLE);
        p.setAlignment(align);
        XWPFRun r = run(p, text, bold, italic, size);
        if (underline) {
            r.setUnderline(UnderlinePatterns.SINGLE);
        }
        return p;
    }

    private static void heading(XWPFDocument doc, ReportDocument d) {
        var h = d.heading();
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        widths(t, List.of(44, 56));
        XWPFTableCell left = t.getRow(0).getCell(0);
        cellLine(left, true, h.superiorBody(), false, false, 12, false, ParagraphAlignment.CENTER);
        cellLine(left, false, h.issuingBody(), true, false, 13, false, ParagraphAlignment.CENTER);
        cellLine(left, false, "*", false, false, 14, false, ParagraphAlignment.CENTER);
        cellLine(left, false, h.number(), false, false, 14, false, ParagraphAlignment.CENTER);
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(right, true, h.partyName(), true, false, 15, true, ParagraphAlignment.CENTER);
        cellLine(right, false, "", false, false, 8, false, ParagraphAlignment.CENTER);
        cellLine(right, false, h.placeAndDate(), false, true, 13, false, ParagraphAlignment.CENTER);
        styled(doc, DocxStyles.TITLE, h.documentType());
        styled(doc, DocxStyles.SUBTITLE, h.subject());
    }

    private static void body(XWPFDocument doc, String text, List<String> footnotes) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(DocxStyles.BODY);
        p.createRun().setText(text);
        for (String note : footnotes) {
            XWPFFootnote fn = doc.createFootnote();
            XWPFParagraph np = fn.createParagraph();
            np.setStyle(DocxStyles.FOOTNOTE);
            fn.ensureFootnoteRef(np);
            np.createRun().setText(" " + note);
            XWPFRun ref = p.createRun();
            ref.setVerticalAlignment(VerticalAlign.SUPERSCRIPT.name().toLowerCase());
            ref.getCTR().addNewFootnoteReference().setId(fn.getId());
        }
    }

    /** A table as wide as the text, its columns as the model sizes them, the header row repeated on each page. */
    static void table(XWPFDocument doc, Table table, int size) {
        XWPFTable t = doc.createTable(table.rows().size() + 1, table.columns().size());
        t.setTableAlignment(TableRowAlign.CENTER);
        widths(t, table.columns().stream().map(ReportDocument.Column::widthPercent).toList());
        t.getRow(0).setRepeatHeader(true);
        for (int c = 0; c < table.columns().size(); c++) {
            cellLine(t.getRow(0).getCell(c), true, table.columns().get(c).header(), true, false, size, false, ParagraphAlignment.CENTER);
        }
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = table.rows().get(i);
            for (int c = 0; c < row.size(); c++) {
                cellLine(t.getRow(i + 1).getCell(c), true, row.get(c), false, false, size, false,
                        c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            }
        }
    }

    /** Fixed layout, the grid and every cell in twentieths of a point: Word and LibreOffice keep the widths. */
    private static void widths(XWPFTable t, List<Integer> percents) {
        var pr = t.getCTTbl().getTblPr() != null ? t.getCTTbl().getTblPr() : t.getCTTbl().addNewTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        int total = percents.stream().mapToInt(Integer::intValue).sum();
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        List<Integer> twips = new ArrayList<>();
        for (int p : percents) {
            twips.add(TEXT_WIDTH * p / total);
            grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH * p / total));
        }
        for (var row : t.getRows()) {
            for (int c = 0; c < row.getTableCells().size() && c < twips.size(); c++) {
                var tcPr = row.getCell(c).getCTTc().isSetTcPr() ? row.getCell(c).getCTTc().getTcPr() : row.getCell(c).getCTTc().addNewTcPr();
                CTTblWidth cw = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
                cw.setType(STTblWidth.DXA);
                cw.setW(BigInteger.valueOf(twips.get(c)));
            }
        }
    }

    private static void signature(XWPFDocument doc, ReportDocument d) {
        doc.createParagraph().setStyle(DocxStyles.BODY);
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        widths(t, List.of(50, 50));
        XWPFTableCell left = t.getRow(0).getCell(0);
        cellLine(left, true, "Nơi nhận:", true, true, 12, false, ParagraphAlignment.LEFT);
        for (String r : d.recipients()) {
            cellLine(left, false, "- " + r, false, false, 11, false, ParagraphAlignment.LEFT);
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(right, true, d.signature().onBehalfOf(), true, false, 14, false, ParagraphAlignment.CENTER);
        cellLine(right, false, d.signature().title(), true, false, 14, false, ParagraphAlignment.CENTER);
        for (int i = 0; i < 3; i++) {
            cellLine(right, false, "", false, false, 14, false, ParagraphAlignment.CENTER);
        }
        cellLine(right, false, d.signature().name(), true, false, 14, false, ParagraphAlignment.CENTER);
    }

    private static void annex(XWPFDocument doc, ReportDocument d) {
        XWPFParagraph title = styled(doc, DocxStyles.HEADING[0], Renderers.ANNEX_TITLE);
        title.setPageBreak(true);
        if (!d.tables().annex().rows().isEmpty()) {
            table(doc, d.tables().annex(), 10);
        }
        for (String note : d.tables().annexNotes()) {
            body(doc, note, List.of());
        }
    }

    /** Same entries, same order, fixed times: a zip whose bytes depend on its content only. */
    static byte[] normalizeZip(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                contents.add(in.readAllBytes());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                ZipEntry e = new ZipEntry(names.get(i));
                e.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
                z.putNextEntry(e);
                z.write(contents.get(i));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
