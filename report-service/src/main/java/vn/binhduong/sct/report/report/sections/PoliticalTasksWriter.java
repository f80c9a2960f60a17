package vn.binhduong.sct.report.report.sections;

import java.util.ArrayList;
import java.util.List;

import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.Wording;

/** III. Lãnh đạo thực hiện nhiệm vụ chính trị: each main indicator in a sentence, then the table and the chart. */
public final class PoliticalTasksWriter extends SectionWriter {
    private final List<IndicatorRow> rows;

    public record Indicator(String name, int year, String value, String growth, int previousYear, String previousGrowth,
            String planGrowth, String planValue) {
    }

    public record Caption(int year) {
    }

    public PoliticalTasksWriter(List<IndicatorRow> rows) {
        this.rows = rows;
    }

    @Override
    public String section() {
        return "political-tasks";
    }

    @Override
    protected String template() {
        return "indicators";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        for (IndicatorRow r : rows) {
            if (r.value() == null && r.growth() == null) {
                continue;
            }
            out.add(new Block("bullet", "generated", Wording.say(template(), "indicator", new Indicator(r.name(), f.year(), r.value(),
                    r.growth(), f.year() - 1, r.previousYearGrowth(), r.planGrowth(), r.planValue())), List.of(), keys(r)));
        }
        if (!rows.isEmpty()) {
            out.add(new Block("indicator-table", "generated", Wording.say(template(), "table_caption", new Caption(f.year())),
                    List.of(), List.of()));
            if (rows.stream().anyMatch(r -> r.growthValue() != null && r.planGrowthValue() != null)) {
                out.add(new Block("indicator-chart", "generated", Wording.say(template(), "chart_caption", new Caption(f.year())),
                        List.of(), List.of()));
            }
        }
        return out;
    }

    static List<String> keys(IndicatorRow r) {
        String p = "indicator." + r.code() + ".";
        return List.of(p + "value", p + "growth", p + "plan-growth");
    }
}
