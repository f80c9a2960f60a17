package vn.binhduong.sct.report.domain;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.platform.format.VnFormat;

/**
 * {@code {{figure.key}}} in narrative text prints the live figure as the report writes it; {@code {{figure.key|asOf}}}
 * prints the date it holds at ({@code 04/12/2021}); {@code {{figure.key|next}}} the next year's figure. A figure without a value prints as a visible gap.
 */
public final class Placeholders {
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}|\\s]+)\\s*(?:\\|\\s*([A-Za-z]+)\\s*)?}}");

    private Placeholders() {
    }

    /** Every placeholder as written ({@code key} or {@code key|modifier}), in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(2) == null ? m.group(1) : m.group(1) + "|" + m.group(2));
        }
        return found;
    }

    public static String render(String text, Map<String, FigureView> figures, Set<String> missing) {
        return render(text, figures, Map.of(), missing);
    }

    /** {@code {{key|next}}} reads {@code nextYear}: the plan for the year after the report's. */
    public static String render(String text, Map<String, FigureView> yearFigures, Map<String, FigureView> nextYear, Set<String> missing) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Map<String, FigureView> figures = "next".equalsIgnoreCase(m.group(2)) ? nextYear : yearFigures;
            FigureView f = figures.get(m.group(1)) != null ? figures.get(m.group(1)) : figures.get(m.group(1) + ".stated");
            String value;
            if (f == null) {
                missing.add(m.group(1));
                value = "[chưa có số liệu]";
            } else if ("asOf".equalsIgnoreCase(m.group(2))) {
                value = f.asOf() == null ? "" : VnFormat.date(f.asOf());
            } else {
                value = f.formatted();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
