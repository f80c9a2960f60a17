package vn.binhduong.sct.report.report.sections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.Unit;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.Wording;

/** The indicators against plan, in the report's order: section III's sentences and table, IV's assessment, the dashboard. */
public final class IndicatorRows {
    static final Pattern INDICATOR_KEY = Pattern.compile("indicator\\.([A-Za-z0-9_-]+)\\.(value|growth|plan-growth|plan-value)");

    /** The gap to plan as the table's last column words it. */
    public record Assessment(boolean met, boolean growth, String gap) {
    }

    private IndicatorRows() {
    }

    /** The codes with a figure matching {@code kinds}, the configured order first, then alphabetically. */
    static List<String> codes(Set<String> keys, List<String> order, Set<String> kinds) {
        Set<String> codes = new TreeSet<>();
        for (String k : keys) {
            Matcher m = INDICATOR_KEY.matcher(k);
            if (m.matches() && kinds.contains(m.group(2))) {
                codes.add(m.group(1));
            }
        }
        List<String> ordered = new ArrayList<>();
        order.stream().filter(codes::contains).forEach(ordered::add);
        codes.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    public static List<IndicatorRow> of(Figures f) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (String code : codes(f.all().keySet(), f.indicatorOrder(), Set.of("value", "growth", "plan-growth", "plan-value"))) {
            String p = "indicator." + code + ".";
            String name = f.text(p + "name") != null ? f.text(p + "name") : code;
            FigureView value = f.all().get(p + "value");
            BigDecimal growth = f.num(p + "growth");
            BigDecimal plan = f.num(p + "plan-growth");
            BigDecimal planValue = f.num(p + "plan-value");
            boolean printableValue = value != null && value.value() != null
                    && (value.unit() != Unit.PERCENT && value.unit() != Unit.INDEX || growth == null);
            FigureView prev = f.previousYear().get(p + "growth");
            Boolean met = null;
            String assessment = null;
            if (growth != null && plan != null) {
                met = growth.compareTo(plan) >= 0;
                assessment = Wording.say("indicators", "assessment", new Assessment(met, true,
                        VnFormat.decimal(growth.subtract(plan).abs(), 2)));
            } else if (value != null && value.value() != null && planValue != null && planValue.signum() != 0) {
                met = value.value().compareTo(planValue) >= 0;
                assessment = Wording.say("indicators", "assessment", new Assessment(met, false,
                        VnFormat.percent(Figures.percent(value.value(), planValue), 2)));
            }
            if (plan == null && planValue == null && !f.indicatorOrder().contains(code)) {
                // the main indicators are the configured ones and those with a plan for the year; a count without a plan
                // is not one of them (markets by class...), even once indicator-service computes its growth on the year
                // before (documents received, study sessions: every count of a second year)
                continue;
            }
            rows.add(new IndicatorRow(code, name, printableValue ? value.formatted() : null,
                    growth == null ? null : change(growth), prev == null || prev.value() == null ? null : change(prev.value()),
                    plan == null ? null : change(plan), planValue == null ? null : f.fmt(p + "plan-value"), met, assessment,
                    growth, plan));
        }
        f.used();
        return rows;
    }

    /** "tăng 4,51%" / "giảm 1,6%". */
    public static String change(BigDecimal growth) {
        return (growth.signum() < 0 ? "giảm " : "tăng ") + VnFormat.percent(growth.abs(), 2);
    }
}
