package vn.binhduong.sct.report.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.ReportDocument.Finding;

/**
 * Puts each finding of the annex in the reader's language: what disagrees, in a sentence; where each side comes from
 * (the section of the report that prints it, or the source document and the date its data was recorded at); the gap
 * in words. No figure key, rule code, operator or service name reaches the text; they stay in the JSON fields.
 */
final class AnnexWriter {
    private static final Pattern FIGURE = Pattern.compile("#\\{([^}]+)}");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b");
    /** What each figure the annex rules compare is, as a reader names it. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("covid.tests.positive-rate", "tỷ lệ dương tính qua test nhanh"),
            Map.entry("covid.retail.market.operating-rate", "tỷ lệ chợ truyền thống còn hoạt động"),
            Map.entry("covid.permits.issued", "tổng số giấy xác nhận đã cấp"),
            Map.entry("covid.permits.by-kind", "tổng số giấy xác nhận cộng theo từng loại (shipper, nhân viên XNK)"),
            Map.entry("evaluation.members.excellent", "số đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ"),
            Map.entry("evaluation.members.max-excellent", "số tối đa được xếp loại hoàn thành xuất sắc theo quy định của năm"),
            Map.entry("party-inspection.self.members", "số đảng viên đã được tự kiểm tra"),
            Map.entry("party-inspection.self.members-planned", "số đảng viên theo kế hoạch tự kiểm tra"),
            Map.entry("covid.clusters.businesses.operating", "số doanh nghiệp trong CCN đang hoạt động"),
            Map.entry("covid.clusters.businesses.total", "tổng số doanh nghiệp trong CCN"),
            Map.entry("covid.retail.market.operating", "số chợ truyền thống còn hoạt động"),
            Map.entry("covid.retail.market.total", "tổng số chợ truyền thống"),
            Map.entry("covid-inspection.visited.convenience-store", "số cửa hàng tiện lợi đã được kiểm tra"),
            Map.entry("covid.retail.convenience-store.total", "tổng số cửa hàng tiện lợi"),
            Map.entry("covid-inspection.reported.industrial-cluster-business", "số doanh nghiệp trong CCN đã được kiểm tra"),
            Map.entry("covid-inspection.reported.convenience-store", "số cửa hàng tiện lợi đã được kiểm tra"),
            Map.entry("covid-inspection.reported.market", "số chợ đã được kiểm tra"),
            Map.entry("covid-inspection.reported.supermarket", "số siêu thị đã được kiểm tra"));
    /** The source document behind the event that recorded a figure. */
    private static final Map<String, String> DOCUMENTS = Map.ofEntries(
            Map.entry("testing-total.reported", "báo cáo tổng hợp kết quả test nhanh"),
            Map.entry("permit-total.reported", "báo cáo tổng hợp giấy xác nhận đã cấp"),
            Map.entry("retail-status.reported", "báo cáo tình hình hoạt động của chợ, siêu thị, cửa hàng"),
            Map.entry("compliance-coverage.reported", "báo cáo kết quả kiểm tra công tác phòng chống dịch"),
            Map.entry("compliance-visit.recorded", "biên bản các lần kiểm tra công tác phòng chống dịch"),
            Map.entry("cluster-status.reported", "báo cáo tình hình doanh nghiệp trong CCN"),
            Map.entry("indicator-value.recorded", "số liệu chỉ tiêu của Sở"),
            Map.entry("evaluation.year-finalized", "kết quả đánh giá, xếp loại cuối năm"),
            Map.entry("evaluation.member-rated", "kết quả xếp loại từng đảng viên"),
            Map.entry("self-inspection.recorded", "báo cáo tự kiểm tra của các chi bộ"));

    private final Figures f;
    private final Map<String, String> sectionOfKey;

    AnnexWriter(Figures figures, Map<String, String> sectionOfKey) {
        this.f = figures;
        this.sectionOfKey = sectionOfKey;
    }

    List<Finding> explain(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding x : findings) {
            out.add(explain(x));
        }
        return out;
    }

    private Finding explain(Finding x) {
        String gap = gap(x.difference());
        if (x.rule().startsWith("STATED_VS_COMPUTED:")) {
            String base = x.rule().substring("STATED_VS_COMPUTED:".length());
            String name = name(base);
            return x.reading(capital(name) + " nêu trong báo cáo nguồn khác với " + name + " tính từ dữ liệu đã ghi nhận.",
                    source(base + ".stated"), computedSource(base), gap);
        }
        if (x.rule().startsWith("SAME_COUNT_REPORTED:")) {
            String base = x.rule().substring("SAME_COUNT_REPORTED:".length());
            return x.reading("Các báo cáo nêu " + name(base) + " khác nhau: số lớn nhất và số nhỏ nhất được ghi bên cạnh.",
                    source(base + ".max"), source(base + ".min"), gap);
        }
        if (x.rule().startsWith("indicator-service:")) {
            String left = indicators(x.statedExpression());
            String right = indicators(x.computedExpression());
            return x.reading("Không đúng quy tắc kiểm tra số liệu chỉ tiêu “" + x.name() + "”: " + left + " nêu " + x.stated()
                    + ", trong khi " + right + " là " + x.computed() + ".", indicatorSource(x.statedExpression()),
                    "tính từ số liệu chỉ tiêu: " + right, gap);
        }
        String left = figures(x.statedExpression());
        String right = figures(x.computedExpression());
        return x.reading("Không đúng quy tắc “" + x.name() + "”: " + left + " là " + x.stated() + ", " + right + " là "
                + x.computed() + ".", source(first(x.statedExpression())), source(first(x.computedExpression())), gap);
    }

    /** "số liệu nêu thấp hơn 0,1 điểm phần trăm" / "số liệu nêu cao hơn 8". */
    static String gap(String difference) {
        if (difference == null || difference.isBlank()) {
            return "";
        }
        String d = difference.strip();
        if (d.startsWith("-") || d.startsWith("−")) {
            return "số liệu nêu thấp hơn " + d.substring(1);
        }
        return d.matches("0([,.]0+)?( .*)?") ? "bằng nhau khi làm tròn" : "số liệu nêu cao hơn " + d;
    }

    private String name(String key) {
        String k = key.replaceAll("\\.(stated|max|min)$", "");
        if (NAMES.containsKey(k)) {
            return NAMES.get(k);
        }
        Matcher m = Pattern.compile("indicator\\.([A-Za-z0-9_-]+)\\..*").matcher(k);
        if (m.matches()) {
            return indicatorName(m.group(1));
        }
        return "một số liệu của báo cáo";
    }

    private String indicatorName(String code) {
        FigureView v = f.all().get("indicator." + code + ".name");
        return v != null && v.text() != null ? v.text() : "chỉ tiêu chưa có tên";
    }

    /**
     * An indicator expression in words: "tổng Chợ hạng 1, Chợ hạng 2 và Chợ hạng 3" for a sum, otherwise each operator
     * as a word ("Số chợ toàn tỉnh trừ Số chợ ngưng hoạt động trừ Số chợ đang xây mới").
     */
    private String indicators(String expression) {
        String e = expression == null ? "" : expression;
        List<String> names = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            names.add(indicatorName(m.group()));
        }
        if (names.size() > 1 && e.matches("[A-Z0-9_\\s+]+")) {
            return "tổng " + join(new ArrayList<>(new LinkedHashSet<>(names)));
        }
        StringBuilder words = new StringBuilder();
        Matcher t = Pattern.compile("[A-Z][A-Z0-9_]*|[+\\-−*/]|[^A-Z+\\-−*/]+").matcher(e);
        while (t.find()) {
            String tok = t.group();
            words.append(switch (tok) {
                case "+" -> " cộng ";
                case "-", "−" -> " trừ ";
                case "*" -> " nhân ";
                case "/" -> " chia ";
                default -> tok.matches("[A-Z][A-Z0-9_]*") ? indicatorName(tok) : tok.replaceAll("[()]", " ");
            });
        }
        return words.toString().replaceAll("\\s+", " ").strip();
    }

    private String figures(String expression) {
        List<String> names = new ArrayList<>();
        Matcher m = FIGURE.matcher(expression == null ? "" : expression);
        while (m.find()) {
            names.add(name(m.group(1)));
        }
        return names.isEmpty() ? "số liệu" : join(names);
    }

    private static String first(String expression) {
        Matcher m = FIGURE.matcher(expression == null ? "" : expression);
        return m.find() ? m.group(1) : "";
    }

    /** The section of the report that prints the figure, else the document and date it was recorded from. */
    private String source(String key) {
        String base = key.replaceAll("\\.stated$", "");
        if (!key.endsWith(".stated") && sectionOfKey.containsKey(base)) {
            return sectionOfKey.get(base);
        }
        FigureView v = f.all().get(key);
        String doc = v == null ? null : DOCUMENTS.get(v.eventType());
        String on = v == null || v.asOf() == null ? "" : ", số liệu ngày " + VnFormat.date(v.asOf());
        return (doc != null ? doc : "số liệu đã ghi nhận") + on;
    }

    private String computedSource(String base) {
        String where = sectionOfKey.get(base);
        return "tính từ dữ liệu đã ghi nhận" + (where != null ? ", in tại " + where : "");
    }

    private String indicatorSource(String expression) {
        Matcher m = IDENTIFIER.matcher(expression == null ? "" : expression);
        String code = m.find() ? m.group() : null;
        String where = code == null ? null : sectionOfKey.get("indicator." + code + ".value");
        return "số liệu chỉ tiêu của Sở, năm " + f.year() + (where != null ? ", in tại " + where : "");
    }

    private static String join(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " và " + names.get(names.size() - 1);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
