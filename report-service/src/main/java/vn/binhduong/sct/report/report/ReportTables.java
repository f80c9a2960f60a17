package vn.binhduong.sct.report.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.binhduong.sct.report.report.ReportDocument.Column;
import vn.binhduong.sct.report.report.ReportDocument.Finding;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.ReportDocument.Table;
import vn.binhduong.sct.report.report.ReportDocument.TypedFigure;

/** The report's tables, built once: JSON, Markdown, HTML and DOCX print these columns and cells as they are. */
public final class ReportTables {
    /** indicator-service removes a resolved violation without an event: its rows are as of the last event. */
    static final String INDICATOR_RULES_NOTE = "Các dòng về số liệu chỉ tiêu được liệt kê theo lần kiểm tra gần nhất"
            + " có phát hiện sai lệch; sai lệch đã được khắc phục sau đó vẫn được liệt kê cho đến khi có lần kiểm tra mới.";
    static final String NONE = "Không có số liệu cần rà soát.";

    private ReportTables() {
    }

    public static Table indicators(int year, List<IndicatorRow> rows) {
        List<Column> columns = List.of(new Column("Chỉ tiêu", 30), new Column("Năm " + year, 14), new Column("So cùng kỳ", 13),
                new Column("Năm " + (year - 1), 13), new Column("Kế hoạch " + year, 13), new Column("Đánh giá", 17));
        List<List<String>> cells = new ArrayList<>();
        for (IndicatorRow r : rows) {
            cells.add(List.of(r.name(), n(r.value()), n(r.growth()), n(r.previousYearGrowth()),
                    n(r.planGrowth() != null ? r.planGrowth() : r.planValue()), n(r.assessment())));
        }
        return new Table(columns, cells);
    }

    /** Each row: what disagrees, the stated value and where it comes from, the computed value and its source, the gap. */
    public static Table annex(List<Finding> findings, List<TypedFigure> typed) {
        List<Column> columns = List.of(new Column("Nội dung cần rà soát", 30), new Column("Số liệu nêu", 11),
                new Column("Nguồn số liệu nêu", 18), new Column("Số liệu tính", 11), new Column("Nguồn số liệu tính", 18),
                new Column("Chênh lệch", 12));
        List<List<String>> cells = new ArrayList<>();
        for (Finding f : findings) {
            cells.add(List.of(n(f.description()), n(f.stated()), n(f.statedSource()), n(f.computed()), n(f.computedSource()),
                    n(f.differenceText())));
        }
        for (TypedFigure t : typed) {
            cells.add(List.of("Số liệu nhập tay trong " + t.sectionNumber() + ": “" + t.context()
                    + "” chưa gắn với số liệu nguồn nên không kiểm tra được", t.number(), "đoạn văn soạn thảo của " + t.sectionNumber(),
                    "", "chưa có", "chưa xác định"));
        }
        return new Table(columns, cells);
    }

    public static List<String> annexNotes(List<Finding> findings, Set<String> missing, List<TypedFigure> typed) {
        List<String> notes = new ArrayList<>();
        if (findings.isEmpty() && typed.isEmpty() && missing.isEmpty()) {
            notes.add(NONE);
        }
        if (findings.stream().anyMatch(f -> f.rule().startsWith("indicator-service:"))) {
            notes.add(INDICATOR_RULES_NOTE);
        }
        notes.add("Số liệu nhập tay (con số gõ trực tiếp vào đoạn văn, không lấy từ dữ liệu): " + typed.size() + ".");
        if (!missing.isEmpty()) {
            notes.add("Số liệu chưa có: " + missing.size() + " chỗ trong đoạn văn chưa có số liệu để điền (các chỗ này in “chưa có số liệu”).");
        }
        return notes;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
