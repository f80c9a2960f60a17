package vn.binhduong.sct.report.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.Wording;

/** PHẦN THỨ HAI, III.1 Về các chỉ tiêu chủ yếu: the next year's plan of each indicator. */
public final class TargetsWriter extends SectionWriter {
    public record Target(String name, int year, String growth, String value) {
    }

    @Override
    public String section() {
        return "targets";
    }

    @Override
    protected String template() {
        return "indicators";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        var next = f.nextYear();
        for (String code : IndicatorRows.codes(next.keySet(), f.indicatorOrder(), Set.of("plan-growth", "plan-value"))) {
            String p = "indicator." + code + ".";
            FigureView nameFig = next.get(p + "name") != null ? next.get(p + "name") : f.all().get(p + "name");
            String name = nameFig != null && nameFig.text() != null ? nameFig.text() : code;
            FigureView growth = next.get(p + "plan-growth");
            if (growth != null && growth.value() != null) {
                out.add(new Block("bullet", "generated", Wording.say(template(), "target_growth", new Target(name, f.year() + 1,
                        IndicatorRows.change(growth.value()), null)), List.of(), List.of(p + "plan-growth")));
            } else if (next.get(p + "plan-value") != null) {
                out.add(new Block("bullet", "generated", Wording.say(template(), "target_value", new Target(name, f.year() + 1, null,
                        next.get(p + "plan-value").formatted())), List.of(), List.of(p + "plan-value")));
            }
        }
        return out;
    }
}
