package vn.binhduong.sct.report.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.Column;
import vn.binhduong.sct.report.report.ReportDocument.Heading;
import vn.binhduong.sct.report.report.ReportDocument.Part;
import vn.binhduong.sct.report.report.ReportDocument.Section;
import vn.binhduong.sct.report.report.ReportDocument.Signature;
import vn.binhduong.sct.report.report.ReportDocument.Table;
import vn.binhduong.sct.report.report.ReportDocument.Tables;

/**
 * The streaming DOCX writer against the renderer it replaced (Apache POI's object model, {@link PoiDocxReference}):
 * every part of the package, element for element and attribute for attribute, for an assembled report and for a
 * document made to reach every branch (footnotes, bullets, every heading level, markup characters, spaces at the ends
 * of a text, short table rows, an empty annex, no footnotes at all).
 */
class DocxRendererTest {
    private static final LocalDate DATE = DocxLayoutTest.ISSUED;

    @Test
    void anAssembledReportIsThePackagePoiWrote() throws Exception {
        ReportDocument d = DocxLayoutTest.assembled("Tổng mức bán lẻ hàng hóa & dịch vụ <tiêu dùng>", List.of("Lưu", "Các chi bộ"));
        samePackage(d, DATE);
        samePackage(d, null);
    }

    @Test
    void everyKindOfPassageIsThePackagePoiWrote() throws Exception {
        samePackage(document(true), DATE);
        samePackage(document(false), DATE);
    }

    @Test
    void textXmlCannotHoldIsLeftOutAndTheRestKept() throws Exception {
        ReportDocument d = document(false);
        Section s = new Section("x", 2, "9.", "Tiêu đề\u0001 có ký tự điều khiển", List.of(new Block("paragraph", "narrative",
                "Đoạn\u0000 văn\u0008 \uD83D\uDE00 lẻ\uD800 và\r\nxuống dòng", List.of("chú thích\u000B"), List.of())));
        d = new ReportDocument(d.organization(), d.year(), d.heading(), List.of(new Part("PHẦN", "X", List.of(s))), List.of(),
                List.of(), List.of(), d.signature(), d.recipients(), d.tables(), List.of());
        byte[] docx = DocxRenderer.render(d, DATE);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = doc.getParagraphs().stream().filter(p -> !p.getRuns().isEmpty()).map(p -> p.getRuns().get(0).text())
                    .toList();
            assertTrue(texts.contains("9. Tiêu đề có ký tự điều khiển"), texts.toString());
            assertTrue(texts.contains("Đoạn văn \uD83D\uDE00 lẻ và\r\nxuống dòng"), texts.toString());
            XWPFFootnote note = doc.getFootnotes().get(0);
            assertEquals(" chú thích", note.getParagraphs().get(0).getText().replace("\u0000", ""));
        }
        assertArrayEquals(docx, DocxRenderer.render(d, DATE), "the same document gives the same bytes");
    }

    /** Every block kind, heading level and table shape; with or without footnotes and annex rows. */
    static ReportDocument document(boolean full) {
        Heading h = new Heading("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ KHỐI & CƠ QUAN", "ĐẢNG ỦY \"SỞ\" CÔNG THƯƠNG", "Số  25-BC/ĐU ",
                "Bình Dương, ngày 15 tháng 12 năm 2021", "BÁO CÁO", "Tổng kết <năm> 2021");
        List<String> notes = full ? List.of("Quy định số 102-QĐ/TW & <Công văn>", " khoảng trắng đầu") : List.of();
        List<Section> sections = List.of(
                new Section("a", 1, "I.", "ĐẶC ĐIỂM", List.of(new Block("paragraph", "generated", "Có 60 đảng viên; 1 < 2 & 3 > 2.",
                        notes, List.of()), new Block("bullet", "narrative", "gạch đầu dòng ", List.of(), List.of()))),
                new Section("b", 2, "1.", "Giáo dục", List.of(new Block("indicator-table", "generated", "", List.of(), List.of()),
                        new Block("indicator-chart", "generated", "", List.of(), List.of()))),
                new Section("c", 3, "1.1.", "Cấp ba", List.of(new Block("paragraph", "narrative", "\tthụt đầu", full ? List.of("một")
                        : List.of(), List.of()))),
                new Section("d", 4, "1.1.1.", "Cấp bốn", List.of(new Block("paragraph", "narrative", "", List.of(), List.of()))),
                new Section("e", 7, "a)", "Sâu hơn", List.of()));
        Table indicators = new Table(List.of(new Column("Chỉ tiêu", 30), new Column("Năm 2021", 14), new Column("Tăng", 13)),
                List.of(List.of("IIP", "4,51%", "9,2%"), List.of("Bán lẻ & dịch vụ", "", " 3,4 "), List.of("Chỉ một ô")));
        Table annex = new Table(List.of(new Column("Quy tắc", 30), new Column("Số nêu", 11), new Column("Số tính", 18)),
                full ? List.of(List.of("Thặng dư <> xuất – nhập", "6,8", "6,81")) : List.of());
        return new ReportDocument("DB-SCT", 2021, h, List.of(new Part("PHẦN THỨ NHẤT", "KẾT QUẢ", sections),
                new Part("PHẦN THỨ HAI", "PHƯƠNG HƯỚNG", List.of())), List.of(), List.of(), List.of(),
                new Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An"), full ? List.of("Lưu", "Ban Tuyên giáo") : List.of(),
                new Tables(indicators, annex, full ? List.of("Ghi chú một.", "Ghi chú hai <b>.") : List.of()), List.of());
    }

    private static void samePackage(ReportDocument d, LocalDate date) throws Exception {
        Map<String, byte[]> poi = entries(PoiDocxReference.render(d, date));
        Map<String, byte[]> ours = entries(DocxRenderer.render(d, date));
        assertEquals(new ArrayList<>(poi.keySet()), new ArrayList<>(ours.keySet()), "the same parts in the same order");
        for (String part : poi.keySet()) {
            Element expected = parse(poi.get(part));
            Element actual = parse(ours.get(part));
            if (part.equals("docProps/app.xml")) {
                // the application that wrote the file is ours now; the company is the report's
                assertEquals(text(expected, "Company"), text(actual, "Company"));
                continue;
            }
            if (part.equals("word/footnotes.xml")) {
                dropRepeatedSiblings(expected); // POI wrote a footnote mark's rPr and footnoteRef twice in one run
            }
            assertEquals(canonical(expected), canonical(actual), part);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    private static String text(Element root, String localName) {
        return root.getElementsByTagNameNS("*", localName).item(0).getTextContent();
    }

    /** Within each run, an element equal to one before it is dropped. */
    private static void dropRepeatedSiblings(Element root) {
        NodeList runs = root.getElementsByTagNameNS("*", "r");
        for (int i = 0; i < runs.getLength(); i++) {
            Node r = runs.item(i);
            List<Node> kept = new ArrayList<>();
            for (Node c = r.getFirstChild(); c != null;) {
                Node next = c.getNextSibling();
                if (kept.stream().anyMatch(c::isEqualNode)) {
                    r.removeChild(c);
                } else {
                    kept.add(c);
                }
                c = next;
            }
        }
    }

    /** The element as text: namespace and local names, attributes sorted, text as it is. */
    private static String canonical(Node n) {
        StringBuilder out = new StringBuilder();
        canonical(n, out);
        return out.toString();
    }

    private static void canonical(Node n, StringBuilder out) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.append(n.getNodeValue().replace("&", "&amp;").replace("<", "&lt;"));
            return;
        }
        if (n.getNodeType() != Node.ELEMENT_NODE) {
            return;
        }
        out.append("<{").append(n.getNamespaceURI()).append('}').append(n.getLocalName());
        NamedNodeMap attributes = n.getAttributes();
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                sorted.put("{" + a.getNamespaceURI() + "}" + a.getLocalName(), a.getNodeValue());
            }
        }
        sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        out.append('>');
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            canonical(c, out);
        }
        out.append("</").append(n.getLocalName()).append(">\n");
    }
}
