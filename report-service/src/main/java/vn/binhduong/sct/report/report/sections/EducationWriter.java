package vn.binhduong.sct.report.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.contract.member.TrainingProgramme;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** II.1 Giáo dục chính trị tư tưởng: the members sent to each training programme. */
public final class EducationWriter extends SectionWriter {
    /** A programme no label names yet is still printed as Vietnamese, never as its key. */
    static final String OTHER_PROGRAMME = "lớp đào tạo, bồi dưỡng lý luận chính trị";

    public record Training(int year, String members, String programme) {
    }

    @Override
    public String section() {
        return "education";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        for (Map.Entry<String, FigureView> e : f.under("training.members.").entrySet()) {
            f.used();
            FigureView v = e.getValue();
            if (v.value() != null && v.value().signum() > 0) {
                f.mark("training.members." + e.getKey());
                out.add(sentence(f, "training", new Training(f.year(), v.formatted(), label(e.getKey()))));
            }
        }
        f.used();
        return out;
    }

    /**
     * The Vietnamese name of a programme key ({@code advanced-political-theory}, or an older key some events still
     * carry), from the contract's {@link TrainingProgramme} labels.
     */
    public static String label(String programme) {
        TrainingProgramme p = TrainingProgramme.fromWire(programme);
        return p == null ? OTHER_PROGRAMME : p.label();
    }
}
