package vn.binhduong.sct.report.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import vn.binhduong.sct.report.domain.FigureView;

/**
 * The DOCX as Word reads it, from figure maps (no database): the outline in Heading 1-4, table text without the body's
 * first-line indent. Writes target/docx-check/report.docx for the documented look at the pages (docs/report.md:
 * {@code libreoffice --headless --convert-to pdf} then {@code pdftoppm -png}).
 */
class DocxLayoutTest {
    static final LocalDate ISSUED = LocalDate.of(2021, 12, 15);

    /** A report assembled from a few figure maps (no database, no narratives), its heading issued on {@link #ISSUED}. */
    static ReportDocument assembled(String retailName, List<String> recipients) {
        Map<String, FigureView> f = SectionWritersTest.figures("member.count.total", 60, "party.cells.count", 4,
                "indicator.IIP.name", "Chỉ số sản xuất công nghiệp (IIP)", "indicator.IIP.growth", 4.51, "indicator.IIP.plan-growth", 9.2,
                "indicator.RETAIL.name", retailName, "indicator.RETAIL.growth", 3.4, "indicator.RETAIL.plan-growth", 16);
        HeadingData heading = new HeadingData("Đảng bộ khối các cơ quan và doanh nghiệp tỉnh", "Đảng ủy Sở Công Thương", "Số 25-BC/ĐU",
                "Bình Dương", ISSUED, "Tổng kết công tác xây dựng Đảng năm 2021", "Bí thư", "Nguyễn Văn An", recipients, 0);
        return new ReportAssembler(heading, new Figures("T", 2021, f, Map.of(), Map.of(), (m, c) -> List.of(),
                List.of("IIP", "RETAIL")), Map.of(), x -> List.of(), java.util.Set.of(), TypedFigureCheck.NONE_FIXED).assemble();
    }

    @Test
    void headingsCarryTheOutlineAndTableCellsHaveNoIndent() throws Exception {
        ReportDocument d = assembled("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", List.of("Lưu"));
        byte[] docx = DocxRenderer.render(d, ISSUED);
        Path out = Path.of("target/docx-check/report.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> styles = doc.getParagraphs().stream().map(XWPFParagraph::getStyle).filter(java.util.Objects::nonNull).toList();
            for (String h : List.of("Heading1", "Heading2", "Heading3", "Heading4", "Normal", "Title")) {
                assertTrue(styles.contains(h), h + " used: " + styles);
            }
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> "Heading2".equals(p.getStyle()) && p.getText().startsWith("I. ĐẶC ĐIỂM")));
            String tableText = doc.getStyles().getStyle(DocxStyles.TABLE).getCTStyle().getPPr().getInd().getFirstLine().toString();
            assertTrue(tableText.equals("0"), "table text has no first-line indent: " + tableText);
            assertTrue(doc.getTables().size() >= 2, "heading block and indicator table");
        }
    }
}
