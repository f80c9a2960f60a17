package vn.binhduong.sct.report.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;

/** The indicator chart of the HTML output, drawn inline as SVG from the report's indicator rows. */
final class ChartSvg {
    private ChartSvg() {
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Bars of each indicator's growth next to its plan, drawn inline: no external asset. */
    static String svg(ReportDocument d, String title) {
        List<IndicatorRow> rows = d.indicators().stream().filter(r -> r.growthValue() != null && r.planGrowthValue() != null).toList();
        BigDecimal max = BigDecimal.ONE;
        for (IndicatorRow r : rows) {
            max = max.max(r.growthValue().abs()).max(r.planGrowthValue().abs());
        }
        int rowH = 46;
        int width = 620;
        int labelW = 220;
        int barMax = width - labelW - 70;
        int height = 40 + rows.size() * rowH + 30;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"Times New Roman, serif\" font-size=\"12\">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<text x=\"").append(width / 2).append("\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\">").append(esc(title))
                .append("</text>\n");
        int y = 36;
        for (IndicatorRow r : rows) {
            s.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(esc(shorten(r.name()))).append("</text>\n");
            bar(s, labelW, y, barMax, max, r.growthValue(), Boolean.TRUE.equals(r.met()) ? "#2e7d32" : "#c62828", "Thực hiện");
            bar(s, labelW, y + 18, barMax, max, r.planGrowthValue(), "#9e9e9e", "Kế hoạch");
            y += rowH;
        }
        s.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"#2e7d32\"/>")
                .append("<text x=\"").append(labelW + 14).append("\" y=\"").append(y + 9).append("\">Thực hiện (đạt)</text>")
                .append("<rect x=\"").append(labelW + 110).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"#c62828\"/>")
                .append("<text x=\"").append(labelW + 124).append("\" y=\"").append(y + 9).append("\">Thực hiện (chưa đạt)</text>")
                .append("<rect x=\"").append(labelW + 250).append("\" y=\"").append(y).append("\" width=\"10\" height=\"10\" fill=\"#9e9e9e\"/>")
                .append("<text x=\"").append(labelW + 264).append("\" y=\"").append(y + 9).append("\">Kế hoạch</text>\n");
        return s.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder s, int x, int y, int barMax, BigDecimal max, BigDecimal v, String color, String what) {
        int w = v.abs().multiply(BigDecimal.valueOf(barMax)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(Math.max(1, w))
                .append("\" height=\"14\" fill=\"").append(color).append("\"><title>").append(what).append(": ")
                .append(VnFormat.percent(v, 2)).append("</title></rect>")
                .append("<text x=\"").append(x + Math.max(1, w) + 4).append("\" y=\"").append(y + 11).append("\">")
                .append(VnFormat.percent(v, 2)).append("</text>\n");
    }

    private static String shorten(String name) {
        return name.length() > 34 ? name.substring(0, 33) + "…" : name;
    }

}
