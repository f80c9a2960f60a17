package vn.binhduong.sct.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * Charts as SVG written on the server: no script, no font or style from anywhere, only presentation attributes (the
 * page's CSP forbids inline styles). Each chart is an {@code <svg role="img">} with a title and a description that
 * says in words what the bars show; the numbers are printed beside the bars, the way the tiles write them.
 */
public final class Svg {
    /** One bar: its label, value, the value as written, and the target it is held against (null without one). */
    public record Bar(String label, BigDecimal value, String text, BigDecimal target, String targetText) {
    }

    /** One year of a history chart: the value and, when there is one, the target it was held against. */
    public record Point(String label, BigDecimal value, String text, BigDecimal target, String targetText) {
    }

    static final String BAR = "#1f5f99";
    static final String TARGET = "#8c4a00";
    static final String INK = "#1b1b1b";
    static final String GRID = "#767676";

    private Svg() {
    }

    /** Horizontal bars, one per item, each labelled with its name and its value; for compositions and counts. */
    public static String bars(String title, List<Bar> bars) {
        int labelW = 300, barW = 260, valueW = 110, rowH = 30, top = 8;
        int width = labelW + barW + valueW, height = top + rowH * bars.size() + 6;
        BigDecimal max = bars.stream().flatMap(b -> java.util.stream.Stream.of(b.value(), b.target())).filter(v -> v != null)
                .map(BigDecimal::abs).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        boolean targets = bars.stream().anyMatch(b -> b.target() != null);
        if (targets) {
            valueW = 190;
            width = labelW + barW + valueW;
        }
        if (max.signum() == 0) {
            max = BigDecimal.ONE;
        }
        StringBuilder desc = new StringBuilder();
        StringBuilder s = open(width, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + i * rowH;
            double w = b.value() == null ? 0 : barW * b.value().abs().doubleValue() / max.doubleValue();
            s.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 19)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"").append(INK).append("\">")
                    .append(esc(clip(b.label(), 42))).append("</text>");
            s.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 5).append("\" width=\"")
                    .append(fmt(Math.max(w, b.value() == null ? 0 : 1.5))).append("\" height=\"19\" fill=\"").append(BAR)
                    .append("\"/>");
            double tx = 0;
            if (b.target() != null) {
                tx = barW * b.target().abs().doubleValue() / max.doubleValue();
                s.append("<line x1=\"").append(fmt(labelW + tx)).append("\" x2=\"").append(fmt(labelW + tx)).append("\" y1=\"")
                        .append(y + 1).append("\" y2=\"").append(y + 28).append("\" stroke=\"").append(TARGET)
                        .append("\" stroke-width=\"3\" stroke-dasharray=\"4 2\"/>");
            }
            String label = b.target() == null ? b.text() : b.text() + " / KH " + b.targetText();
            s.append("<text x=\"").append(fmt(labelW + Math.max(w, tx) + 6)).append("\" y=\"").append(y + 19)
                    .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"").append(INK).append("\">")
                    .append(esc(label)).append("</text>");
            desc.append(b.label()).append(": ").append(b.text());
            if (b.target() != null) {
                desc.append(", kế hoạch ").append(b.targetText());
            }
            desc.append(". ");
        }
        return close(s, desc);
    }

    /**
     * One bar per year with its value written above it, and the target of the year as a dashed mark with its value
     * when there is one. Negative values go below the zero line.
     */
    public static String history(String title, List<Point> points) {
        int left = 16, colW = 120, top = 30, plotH = 220, bottom = 34;
        int width = Math.max(left * 2 + colW * points.size(), 300), height = top + plotH + bottom;
        double max = 0, min = 0;
        for (Point p : points) {
            for (BigDecimal v : new BigDecimal[] { p.value(), p.target() }) {
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                    min = Math.min(min, v.doubleValue());
                }
            }
        }
        if (max == min) {
            max = min + 1;
        }
        double scale = plotH / (max - min);
        double zero = top + max * scale;
        StringBuilder desc = new StringBuilder();
        StringBuilder s = open(width, height, title);
        s.append("<line x1=\"").append(left).append("\" x2=\"").append(width - left).append("\" y1=\"").append(fmt(zero))
                .append("\" y2=\"").append(fmt(zero)).append("\" stroke=\"").append(GRID).append("\" stroke-width=\"1\"/>");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = left + i * colW + 22;
            double bw = colW - 44;
            double ty = p.target() == null ? Double.NaN : zero - p.target().doubleValue() * scale;
            if (p.value() != null) {
                double v = p.value().doubleValue();
                double y = v >= 0 ? zero - v * scale : zero;
                double h = Math.max(Math.abs(v) * scale, 1.5);
                s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(bw))
                        .append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(BAR).append("\"/>");
                // the value above the bar; inside its top, in white, when the plan's value is written there
                boolean inside = !Double.isNaN(ty) && Math.abs(ty - y) < 18 && h > 24 && v >= 0;
                double vy = inside ? y + 17 : v >= 0 ? y - 6 : y + h + 14;
                s.append("<text x=\"").append(fmt(x + bw / 2)).append("\" y=\"").append(fmt(Math.max(vy, 12)))
                        .append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"")
                        .append(inside ? "#ffffff" : INK).append("\">").append(esc(p.text())).append("</text>");
            } else if (p.target() == null) {
                s.append("<text x=\"").append(fmt(x + bw / 2)).append("\" y=\"").append(fmt(zero - 6))
                        .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"").append(INK).append("\">không có</text>");
            }
            if (p.target() != null) {
                s.append("<line x1=\"").append(fmt(x - 8)).append("\" x2=\"").append(fmt(x + bw + 8)).append("\" y1=\"")
                        .append(fmt(ty)).append("\" y2=\"").append(fmt(ty)).append("\" stroke=\"").append(TARGET)
                        .append("\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/>");
                s.append("<text x=\"").append(fmt(x + bw / 2)).append("\" y=\"").append(fmt(Math.max(ty - 6, 12)))
                        .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"").append(TARGET)
                        .append("\">KH ").append(esc(p.targetText())).append("</text>");
            }
            s.append("<text x=\"").append(fmt(x + bw / 2)).append("\" y=\"").append(height - 12)
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"").append(INK).append("\">")
                    .append(esc(p.label())).append("</text>");
            desc.append(p.label()).append(": ").append(p.value() == null ? "không có số liệu" : p.text());
            if (p.target() != null) {
                desc.append(" (kế hoạch ").append(p.targetText()).append(")");
            }
            desc.append(". ");
        }
        return close(s, desc);
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"sans-serif\"><title>").append(esc(title))
                .append("</title>");
        return s;
    }

    private static String close(StringBuilder s, StringBuilder desc) {
        int at = s.indexOf("</title>") + "</title>".length();
        s.insert(at, "<desc>" + esc(desc.toString().trim()) + "</desc>");
        return s.append("</svg>").toString();
    }

    private static String clip(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
