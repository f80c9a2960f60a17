package vn.binhduong.sct.report.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.FigureView;

/**
 * The figures one report is written from: the year's, the previous year's and the next year's, with the labels of the
 * contributions (cells rated excellent, postponed items). Every key a section writer reads with a value is remembered
 * until {@link #used()} hands them over: the figure keys of the passage being written.
 */
public final class Figures {
    private final String organization;
    private final int year;
    private final Map<String, FigureView> f;
    private final Map<String, FigureView> previous;
    private final Map<String, FigureView> next;
    private final BiFunction<String, String, List<String>> labels;
    private final List<String> indicatorOrder;
    private final Set<String> used = new LinkedHashSet<>();

    public Figures(String organization, int year, Map<String, FigureView> figures, Map<String, FigureView> previousYear,
            Map<String, FigureView> nextYear, BiFunction<String, String, List<String>> labels, List<String> indicatorOrder) {
        this.organization = organization;
        this.year = year;
        this.f = figures;
        this.previous = previousYear;
        this.next = nextYear;
        this.labels = labels;
        this.indicatorOrder = indicatorOrder;
    }

    /** Figures of one year only (unit tests of the section writers): no previous or next year, no labels. */
    public static Figures of(int year, Map<String, FigureView> figures) {
        return new Figures("T", year, figures, Map.of(), Map.of(), (m, c) -> List.of(), List.of());
    }

    public String organization() {
        return organization;
    }

    public int year() {
        return year;
    }

    public List<String> indicatorOrder() {
        return indicatorOrder;
    }

    public Map<String, FigureView> all() {
        return f;
    }

    public Map<String, FigureView> previousYear() {
        return previous;
    }

    public Map<String, FigureView> nextYear() {
        return next;
    }

    /** The figure under {@code key}, else the figure a source document stated under it ({@code key.stated}). */
    public FigureView fig(String key) {
        FigureView v = f.get(key);
        if (v != null) {
            used.add(key);
            return v;
        }
        v = f.get(key + ".stated");
        if (v != null) {
            used.add(key + ".stated");
        }
        return v;
    }

    public String fmt(String key) {
        FigureView v = fig(key);
        return v == null || v.formatted() == null || v.formatted().isEmpty() ? null : v.formatted();
    }

    public BigDecimal num(String key) {
        FigureView v = fig(key);
        return v == null ? null : v.value();
    }

    public String text(String key) {
        FigureView v = fig(key);
        return v == null ? null : v.text();
    }

    /** The date the figure holds at, the Vietnamese way ({@code 04/12/2021}). */
    public String date(String key) {
        FigureView v = fig(key);
        return v == null || v.asOf() == null ? null : VnFormat.date(v.asOf());
    }

    public boolean positive(String key) {
        BigDecimal v = num(key);
        return v != null && v.signum() > 0;
    }

    /** Every figure under a key prefix, in key order, by the rest of its key. */
    public Map<String, FigureView> under(String prefix) {
        Map<String, FigureView> out = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                used.add(k);
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    public List<String> labels(String metric, String category) {
        List<String> l = labels.apply(metric, category);
        if (!l.isEmpty()) {
            used.add(metric);
        }
        return l;
    }

    /** The keys read with a value since the last call. */
    public List<String> used() {
        List<String> keys = new ArrayList<>(used);
        used.clear();
        return keys;
    }

    public void mark(String key) {
        used.add(key);
    }

    /** {@code part} in percent of {@code whole}, six decimals (printed with two at most). */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 6, RoundingMode.HALF_UP);
    }

    public static String count(BigDecimal v) {
        return VnFormat.count(v.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
