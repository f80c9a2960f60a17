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
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.ReportDocument.Part;
import vn.binhduong.sct.report.report.ReportDocument.Section;

/**
 * The DOCX of a report laid out per Hướng dẫn 36-HD/VPTW: A4, Times New Roman, the heading block, body 14 pt, footnotes.
 * Deterministic: the core properties carry the report's own date, and the zip is rewritten with fixed entry times.
 */
public final class DocxRenderer {
    private static final String FONT = "Times New Roman";
    /** 1 mm in twentieths of a point. */
    private static final double MM = 56.6929;

    private DocxRenderer() {
    }

    public static byte[] render(ReportDocument d, LocalDate documentDate) {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            heading(doc, d);
            for (Part p : d.parts()) {
                centered(doc, p.label(), true, 14);
                centered(doc, p.title(), true, 14);
                for (Section s : p.sections()) {
                    XWPFParagraph h = doc.createParagraph();
                    h.setIndentationFirstLine((int) (10 * MM));
                    run(h, s.number() + " " + s.title(), s.level() <= 2, s.level() == 3, 14);
                    for (Block b : s.blocks()) {
                        switch (b.kind()) {
                            case "indicator-table" -> indicatorTable(doc, d);
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
            Date when = Date.from((documentDate == null ? LocalDate.of(d.year(), 12, 31) : documentDate)
                    .atStartOfDay().toInstant(ZoneOffset.UTC));
            var core = doc.getProperties().getCoreProperties();
            core.setCreated(Optional.of(when));
            core.setModified(Optional.of(when));
            core.setCreator(d.heading().issuingBody());
            core.setTitle(d.heading().documentType() + " " + d.heading().subject());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return normalizeZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return r;
    }

    private static void centered(XWPFDocument doc, String text, boolean bold, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold, false, size);
    }

    private static void cellLine(XWPFTableCell cell, boolean first, String text, boolean bold, boolean italic, int size,
            boolean underline) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = run(p, text, bold, italic, size);
        if (underline) {
            r.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
        }
    }

    private static void heading(XWPFDocument doc, ReportDocument d) {
        var h = d.heading();
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableCell left = t.getRow(0).getCell(0);
        cellLine(left, true, h.superiorBody(), false, false, 14, false);
        cellLine(left, false, h.issuingBody(), true, false, 14, false);
        cellLine(left, false, "*", false, false, 14, false);
        cellLine(left, false, h.number(), false, false, 14, false);
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(right, true, h.partyName(), true, false, 15, true);
        cellLine(right, false, h.placeAndDate(), false, true, 14, false);
        centered(doc, h.documentType(), true, 16);
        centered(doc, h.subject(), true, 14);
    }

    private static void body(XWPFDocument doc, String text, List<String> footnotes) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine((int) (10 * MM));
        run(p, text, false, false, 14);
        for (String note : footnotes) {
            XWPFFootnote fn = doc.createFootnote();
            XWPFParagraph np = fn.createParagraph();
            fn.ensureFootnoteRef(np);
            run(np, " " + note, false, false, 10);
            XWPFRun ref = p.createRun();
            ref.setFontFamily(FONT);
            ref.setSubscript(org.apache.poi.xwpf.usermodel.VerticalAlign.SUPERSCRIPT);
            ref.getCTR().addNewFootnoteReference().setId(fn.getId());
        }
    }

    private static void indicatorTable(XWPFDocument doc, ReportDocument d) {
        List<IndicatorRow> rows = d.indicators();
        XWPFTable t = doc.createTable(rows.size() + 1, 6);
        String[] head = { "Chỉ tiêu", "Năm " + d.year(), "So cùng kỳ", "Năm " + (d.year() - 1), "Kế hoạch " + d.year(), "Đánh giá" };
        for (int c = 0; c < head.length; c++) {
            cellLine(t.getRow(0).getCell(c), true, head[c], true, false, 12, false);
        }
        for (int i = 0; i < rows.size(); i++) {
            IndicatorRow r = rows.get(i);
            String[] v = { r.name(), r.value(), r.growth(), r.previousYearGrowth(),
                    r.planGrowth() != null ? r.planGrowth() : r.planValue(), r.assessment() };
            for (int c = 0; c < v.length; c++) {
                cellLine(t.getRow(i + 1).getCell(c), true, v[c] == null ? "" : v[c], false, false, 12, false);
            }
        }
    }

    private static void signature(XWPFDocument doc, ReportDocument d) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph p = left.getParagraphs().get(0);
        run(p, "Nơi nhận:", true, true, 12);
        for (String r : d.recipients()) {
            run(left.addParagraph(), "- " + r, false, false, 11);
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(right, true, d.signature().onBehalfOf(), true, false, 14, false);
        cellLine(right, false, d.signature().title(), true, false, 14, false);
        cellLine(right, false, "", false, false, 14, false);
        cellLine(right, false, "", false, false, 14, false);
        cellLine(right, false, d.signature().name(), true, false, 14, false);
    }

    private static void annex(XWPFDocument doc, ReportDocument d) {
        XWPFParagraph br = doc.createParagraph();
        br.setPageBreak(true);
        centered(doc, "PHỤ LỤC: SỐ LIỆU CẦN RÀ SOÁT", true, 14);
        if (d.annex().isEmpty()) {
            body(doc, "Không có số liệu cần rà soát.", List.of());
        } else {
            XWPFTable t = doc.createTable(d.annex().size() + 1, 5);
            String[] head = { "Quy tắc", "Giá trị nêu", "Giá trị tính", "Chênh lệch", "Nội dung" };
            for (int c = 0; c < head.length; c++) {
                cellLine(t.getRow(0).getCell(c), true, head[c], true, false, 12, false);
            }
            for (int i = 0; i < d.annex().size(); i++) {
                var f = d.annex().get(i);
                String[] v = { f.name(), f.stated() + " (" + f.statedExpression() + ")", f.computed() + " (" + f.computedExpression() + ")",
                        f.difference(), f.message() == null ? "" : f.message() };
                for (int c = 0; c < v.length; c++) {
                    cellLine(t.getRow(i + 1).getCell(c), true, v[c], false, false, 11, false);
                }
            }
        }
        if (d.annex().stream().anyMatch(f -> f.rule().startsWith("indicator-service:"))) {
            body(doc, Renderers.INDICATOR_RULES_NOTE, List.of());
        }
        if (!d.missingFigures().isEmpty()) {
            body(doc, "Số liệu chưa có: " + String.join(", ", d.missingFigures()), List.of());
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
