package vn.binhduong.sct.report.report;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.ReportDocument.Part;
import vn.binhduong.sct.report.report.ReportDocument.Section;

/** JSON, Markdown and HTML of one report; fixed ordering, no clock, so the same document gives the same bytes. */
public final class Renderers {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private Renderers() {
    }

    public static byte[] json(ReportDocument d) {
        try {
            return JSON.writeValueAsBytes(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] markdown(ReportDocument d) {
        StringBuilder md = new StringBuilder();
        List<String> notes = new ArrayList<>();
        var h = d.heading();
        md.append(h.superiorBody()).append("  \n**").append(h.issuingBody()).append("**  \n\\*  \n").append(h.number()).append("\n\n");
        md.append("**").append(h.partyName()).append("**  \n*").append(h.placeAndDate()).append("*\n\n");
        md.append("# ").append(h.documentType()).append("\n\n**").append(h.subject()).append("**\n\n");
        for (Part p : d.parts()) {
            md.append("## ").append(p.label()).append("\n\n## ").append(p.title()).append("\n\n");
            for (Section s : p.sections()) {
                md.append("#".repeat(Math.min(6, s.level() + 2))).append(' ').append(s.number()).append(' ').append(s.title()).append("\n\n");
                for (Block b : s.blocks()) {
                    switch (b.kind()) {
                        case "indicator-table" -> md.append(indicatorTableMd(d));
                        case "indicator-chart" -> {
                            // a chart has no Markdown form: the table above carries the same figures
                        }
                        default -> {
                            md.append(b.kind().equals("bullet") ? "- " : "").append(escapeMd(b.text()));
                            for (String n : b.footnotes()) {
                                notes.add(n);
                                md.append("[^").append(notes.size()).append(']');
                            }
                            md.append("\n\n");
                        }
                    }
                }
            }
        }
        md.append("**").append(d.signature().onBehalfOf()).append("**  \n**").append(d.signature().title()).append("**  \n")
                .append(d.signature().name()).append("\n\n");
        md.append("*Nơi nhận:*  \n");
        d.recipients().forEach(r -> md.append("- ").append(r).append("  \n"));
        md.append("\n");
        annexMd(d, md);
        for (int i = 0; i < notes.size(); i++) {
            md.append("[^").append(i + 1).append("]: ").append(escapeMd(notes.get(i))).append('\n');
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escapeMd(String s) {
        return s.replace("|", "\\|");
    }

    private static String indicatorTableMd(ReportDocument d) {
        StringBuilder t = new StringBuilder("| Chỉ tiêu | Năm " + d.year() + " | So cùng kỳ | Năm " + (d.year() - 1)
                + " | Kế hoạch " + d.year() + " | Đánh giá |\n|---|---|---|---|---|---|\n");
        for (IndicatorRow r : d.indicators()) {
            t.append("| ").append(escapeMd(r.name())).append(" | ").append(n(r.value())).append(" | ").append(n(r.growth()))
                    .append(" | ").append(n(r.previousYearGrowth())).append(" | ")
                    .append(n(r.planGrowth() != null ? r.planGrowth() : r.planValue())).append(" | ").append(n(r.assessment()))
                    .append(" |\n");
        }
        return t.append('\n').toString();
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** indicator-service removes a resolved violation without an event: its rows are as of the last event. */
    static final String INDICATOR_RULES_NOTE = "Các dòng của quy tắc kiểm tra chỉ tiêu (indicator-service) theo lần kiểm tra gần nhất"
            + " có phát hiện sai lệch; sai lệch đã được khắc phục sau đó vẫn được liệt kê cho đến khi có lần kiểm tra mới.";

    private static void annexMd(ReportDocument d, StringBuilder md) {
        md.append("## PHỤ LỤC: SỐ LIỆU CẦN RÀ SOÁT\n\n");
        if (d.annex().isEmpty() && d.missingFigures().isEmpty()) {
            md.append("Không có số liệu cần rà soát.\n\n");
            return;
        }
        if (!d.annex().isEmpty()) {
            md.append("| Quy tắc | Số liệu nêu | Giá trị nêu | Số liệu tính | Giá trị tính | Chênh lệch | Nội dung |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (var f : d.annex()) {
                md.append("| ").append(escapeMd(f.name())).append(" | ").append(escapeMd(f.statedExpression())).append(" | ")
                        .append(f.stated()).append(" | ").append(escapeMd(f.computedExpression())).append(" | ").append(f.computed())
                        .append(" | ").append(f.difference()).append(" | ").append(escapeMd(n(f.message()))).append(" |\n");
            }
            md.append('\n');
            if (d.annex().stream().anyMatch(f -> f.rule().startsWith("indicator-service:"))) {
                md.append(INDICATOR_RULES_NOTE).append("\n\n");
            }
        }
        if (!d.missingFigures().isEmpty()) {
            md.append("Số liệu chưa có: ").append(String.join(", ", d.missingFigures())).append("\n\n");
        }
    }

    // ---- HTML

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static byte[] html(ReportDocument d) {
        StringBuilder o = new StringBuilder();
        List<String> notes = new ArrayList<>();
        var h = d.heading();
        o.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(h.documentType()))
                .append(' ').append(esc(h.subject())).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }\n")
                .append("body { font-family: 'Times New Roman', Times, serif; font-size: 14pt; line-height: 1.4; max-width: 165mm; margin: 0 auto; }\n")
                .append("table.heading { width: 100%; border: 0; } table.heading td { vertical-align: top; text-align: center; width: 50%; }\n")
                .append(".upper { text-transform: uppercase; } .party { font-weight: bold; font-size: 15pt; text-decoration: underline; }\n")
                .append(".date { font-style: italic; } h1 { text-align: center; font-size: 16pt; margin: 12pt 0 0; }\n")
                .append(".subject { text-align: center; font-weight: bold; } h2 { text-align: center; font-size: 14pt; }\n")
                .append("h3, h4, h5 { font-size: 14pt; } p { text-align: justify; text-indent: 10mm; margin: 6pt 0; }\n")
                .append("table.data { border-collapse: collapse; width: 100%; font-size: 12pt; } table.data td, table.data th { border: 1px solid #000; padding: 2pt 4pt; }\n")
                .append(".signature { margin-left: 50%; text-align: center; font-weight: bold; } .recipients { font-size: 12pt; }\n")
                .append(".notes { font-size: 11pt; border-top: 1px solid #000; margin-top: 12pt; } @media print { .annex { page-break-before: always; } }\n")
                .append("</style>\n</head>\n<body>\n");
        o.append("<table class=\"heading\"><tr><td><div class=\"upper\">").append(esc(h.superiorBody()))
                .append("</div><div class=\"upper\"><b>").append(esc(h.issuingBody())).append("</b></div><div>*</div><div>")
                .append(esc(h.number())).append("</div></td><td><div class=\"party\">").append(esc(h.partyName()))
                .append("</div><div class=\"date\">").append(esc(h.placeAndDate())).append("</div></td></tr></table>\n");
        o.append("<h1>").append(esc(h.documentType())).append("</h1>\n<div class=\"subject\">").append(esc(h.subject())).append("</div>\n");
        for (Part p : d.parts()) {
            o.append("<h2>").append(esc(p.label())).append("<br>").append(esc(p.title())).append("</h2>\n");
            for (Section s : p.sections()) {
                int level = Math.min(6, s.level() + 2);
                o.append("<h").append(level).append(" id=\"").append(esc(s.code())).append("\">").append(esc(s.number())).append(' ')
                        .append(esc(s.title())).append("</h").append(level).append(">\n");
                for (Block b : s.blocks()) {
                    switch (b.kind()) {
                        case "indicator-table" -> o.append(indicatorTableHtml(d));
                        case "indicator-chart" -> o.append(chartSvg(d, b.text()));
                        default -> {
                            o.append("<p>").append(b.kind().equals("bullet") ? "- " : "").append(esc(b.text()));
                            for (String n : b.footnotes()) {
                                notes.add(n);
                                o.append("<sup><a href=\"#fn").append(notes.size()).append("\">").append(notes.size()).append("</a></sup>");
                            }
                            o.append("</p>\n");
                        }
                    }
                }
            }
        }
        o.append("<div class=\"signature\">").append(esc(d.signature().onBehalfOf())).append("<br>").append(esc(d.signature().title()))
                .append("<br><br><br>").append(esc(d.signature().name())).append("</div>\n");
        o.append("<div class=\"recipients\"><i><b>Nơi nhận:</b></i><br>");
        d.recipients().forEach(r -> o.append("- ").append(esc(r)).append("<br>"));
        o.append("</div>\n<div class=\"annex\"><h2>PHỤ LỤC: SỐ LIỆU CẦN RÀ SOÁT</h2>\n");
        if (!d.annex().isEmpty()) {
            o.append("<table class=\"data\"><tr><th>Quy tắc</th><th>Số liệu nêu</th><th>Giá trị nêu</th><th>Số liệu tính</th>"
                    + "<th>Giá trị tính</th><th>Chênh lệch</th><th>Nội dung</th></tr>\n");
            for (var f : d.annex()) {
                o.append("<tr><td>").append(esc(f.name())).append("</td><td>").append(esc(f.statedExpression())).append("</td><td>")
                        .append(esc(f.stated())).append("</td><td>").append(esc(f.computedExpression())).append("</td><td>")
                        .append(esc(f.computed())).append("</td><td>").append(esc(f.difference())).append("</td><td>")
                        .append(esc(f.message())).append("</td></tr>\n");
            }
            o.append("</table>\n");
            if (d.annex().stream().anyMatch(f -> f.rule().startsWith("indicator-service:"))) {
                o.append("<p>").append(esc(INDICATOR_RULES_NOTE)).append("</p>\n");
            }
        } else {
            o.append("<p>Không có số liệu cần rà soát.</p>\n");
        }
        if (!d.missingFigures().isEmpty()) {
            o.append("<p>Số liệu chưa có: ").append(esc(String.join(", ", d.missingFigures()))).append("</p>\n");
        }
        o.append("</div>\n");
        if (!notes.isEmpty()) {
            o.append("<div class=\"notes\">\n");
            for (int i = 0; i < notes.size(); i++) {
                o.append("<div id=\"fn").append(i + 1).append("\"><sup>").append(i + 1).append("</sup> ").append(esc(notes.get(i)))
                        .append("</div>\n");
            }
            o.append("</div>\n");
        }
        o.append("</body>\n</html>\n");
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String indicatorTableHtml(ReportDocument d) {
        StringBuilder t = new StringBuilder("<table class=\"data\"><tr><th>Chỉ tiêu</th><th>Năm " + d.year()
                + "</th><th>So cùng kỳ</th><th>Năm " + (d.year() - 1) + "</th><th>Kế hoạch " + d.year() + "</th><th>Đánh giá</th></tr>\n");
        for (IndicatorRow r : d.indicators()) {
            t.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(esc(r.value())).append("</td><td>")
                    .append(esc(r.growth())).append("</td><td>").append(esc(r.previousYearGrowth())).append("</td><td>")
                    .append(esc(r.planGrowth() != null ? r.planGrowth() : r.planValue())).append("</td><td>")
                    .append(esc(r.assessment())).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    /** Bars of each indicator's growth next to its plan, drawn inline: no external asset. */
    static String chartSvg(ReportDocument d, String title) {
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

    static byte[] bytes(ByteArrayOutputStream out) {
        return out.toByteArray();
    }
}
