package vn.binhduong.sct.report.report;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The paragraph styles of the DOCX (Hướng dẫn 36-HD/VPTW): the body in Times New Roman 14, justified, first line
 * indented 10 mm; the outline as Heading 1 (parts, annex) to Heading 4 (2.1.), so Word's navigation pane and a table
 * of contents list them; the title, the subject, table text and footnotes.
 */
final class DocxStyles {
    static final String BODY = "Normal";
    static final String[] HEADING = { "Heading1", "Heading2", "Heading3", "Heading4" };
    static final String TITLE = "Title";
    static final String SUBTITLE = "Subtitle";
    static final String TABLE = "TableText";
    static final String FOOTNOTE = "FootnoteText";
    private static final String FONT = "Times New Roman";

    private DocxStyles() {
    }

    static void define(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        styles.setDefaultFonts(fonts);
        add(styles, BODY, "Normal", null, -1, false, false, 28, STJc.BOTH, true, 60, 60);
        add(styles, HEADING[0], "heading 1", BODY, 0, true, false, 28, STJc.CENTER, false, 240, 120);
        add(styles, HEADING[1], "heading 2", BODY, 1, true, false, 28, STJc.BOTH, true, 180, 60);
        add(styles, HEADING[2], "heading 3", BODY, 2, true, false, 28, STJc.BOTH, true, 120, 60);
        add(styles, HEADING[3], "heading 4", BODY, 3, true, true, 28, STJc.BOTH, true, 120, 60);
        add(styles, TITLE, "Title", BODY, -1, true, false, 32, STJc.CENTER, false, 240, 0);
        add(styles, SUBTITLE, "Subtitle", BODY, -1, true, false, 28, STJc.CENTER, false, 0, 240);
        add(styles, TABLE, "Table Text", BODY, -1, false, false, 24, STJc.LEFT, false, 0, 0);
        add(styles, FOOTNOTE, "footnote text", BODY, -1, false, false, 20, STJc.BOTH, false, 0, 0);
    }

    /** @param halfPoints font size in half points (28 = 14 pt); @param before, after spacing in twentieths of a point */
    private static void add(XWPFStyles styles, String id, String name, String basedOn, int outline, boolean bold, boolean italic,
            int halfPoints, STJc.Enum align, boolean indent, int before, int after) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        if (basedOn != null) {
            s.addNewBasedOn().setVal(basedOn);
            s.addNewNext().setVal(BODY);
        }
        s.addNewQFormat();
        if (outline >= 0) {
            s.addNewUiPriority().setVal(BigInteger.valueOf(9));
        }
        CTPPrGeneral p = s.addNewPPr();
        if (outline >= 0) {
            p.addNewKeepNext();
            p.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        var spacing = p.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        spacing.setLine(BigInteger.valueOf(id.equals(BODY) || outline >= 0 ? 288 : 240));
        spacing.setLineRule(STLineSpacingRule.AUTO);
        p.addNewJc().setVal(align);
        // every style says its first-line indent: one based on Normal would inherit Normal's 10 mm (in a table cell too)
        p.addNewInd().setFirstLine(BigInteger.valueOf(indent ? Math.round(10 * DocxRenderer.MM) : 0));
        CTRPr r = s.addNewRPr();
        var rf = r.addNewRFonts();
        rf.setAscii(FONT);
        rf.setHAnsi(FONT);
        rf.setCs(FONT);
        rf.setEastAsia(FONT);
        if (bold) {
            r.addNewB();
        }
        if (italic) {
            r.addNewI();
        }
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        r.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        r.addNewColor().setVal("000000");
        styles.addStyle(new XWPFStyle(s, styles));
    }
}
