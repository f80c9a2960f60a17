package vn.binhduong.sct.report.report.sections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.Wording;

/**
 * IV. Đánh giá chung, generated: an indicator that met its plan is a strength ({@code strengths}), one below plan and
 * the work postponed are limitations ({@code limitations-objective}).
 */
public final class AssessmentWriter extends SectionWriter {
    private final List<IndicatorRow> rows;
    private final boolean strengths;

    public record Judged(String name, String evidence) {
    }

    public record GrowthEvidence(String growth, String value, String planGrowth, boolean met, String gap) {
    }

    public record ValueEvidence(String value, String planValue, boolean met, String share) {
    }

    public record Postponed(String item) {
    }

    private AssessmentWriter(List<IndicatorRow> rows, boolean strengths) {
        this.rows = rows;
        this.strengths = strengths;
    }

    public static AssessmentWriter strengths(List<IndicatorRow> rows) {
        return new AssessmentWriter(rows, true);
    }

    public static AssessmentWriter limitations(List<IndicatorRow> rows) {
        return new AssessmentWriter(rows, false);
    }

    @Override
    public String section() {
        return strengths ? "strengths" : "limitations-objective";
    }

    @Override
    protected String template() {
        return "indicators";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        for (IndicatorRow r : rows) {
            if (Boolean.valueOf(strengths).equals(r.met())) {
                out.add(new Block("bullet", "generated", Wording.say(template(), strengths ? "strength" : "limitation",
                        new Judged(r.name(), evidence(f, r))), List.of(), PoliticalTasksWriter.keys(r)));
            }
        }
        f.used();
        if (!strengths) {
            List<String> postponed = new ArrayList<>(f.labels("planned-work.items", "POSTPONED"));
            postponed.addAll(f.labels("party-inspection.items", "POSTPONED"));
            for (String item : postponed) {
                out.add(new Block("bullet", "generated", Wording.say(template(), "postponed", new Postponed(item)), List.of(),
                        List.of("planned-work.items.postponed")));
            }
        }
        f.used();
        return out;
    }

    private String evidence(Figures f, IndicatorRow r) {
        boolean met = Boolean.TRUE.equals(r.met());
        if (r.growth() != null && r.planGrowth() != null) {
            BigDecimal gap = r.growthValue().subtract(r.planGrowthValue()).abs();
            return Wording.say(template(), "evidence_growth", new GrowthEvidence(r.growth(), r.value(), r.planGrowth(), met,
                    VnFormat.decimal(gap, 2)));
        }
        String p = "indicator." + r.code() + ".";
        BigDecimal share = Figures.percent(f.num(p + "value"), f.num(p + "plan-value"));
        return Wording.say(template(), "evidence_value", new ValueEvidence(f.fmt(p + "value"), f.fmt(p + "plan-value"), met,
                VnFormat.percent(share, 2)));
    }
}
