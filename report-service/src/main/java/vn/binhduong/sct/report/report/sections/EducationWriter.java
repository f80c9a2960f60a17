package vn.binhduong.sct.report.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** II.1 Giáo dục chính trị tư tưởng: the members sent to each training programme. */
public final class EducationWriter extends SectionWriter {
    /**
     * The Vietnamese name of every {@code TrainingProgramme} of member-service (by its key, {@code INTERMEDIATE_POLITICAL_THEORY}
     * → {@code intermediate-political-theory}), and the older keys some events still carry.
     */
    public static final Map<String, String> PROGRAMMES = Map.ofEntries(
            Map.entry("intermediate-political-theory", "lớp Trung cấp chính trị"),
            Map.entry("advanced-political-theory", "lớp Cao cấp chính trị"),
            Map.entry("elementary-political-theory", "lớp Sơ cấp chính trị"),
            Map.entry("new-member-course", "lớp bồi dưỡng đảng viên mới"),
            Map.entry("party-work-course", "lớp tập huấn nghiệp vụ công tác xây dựng Đảng"),
            Map.entry("political-intermediate", "lớp Trung cấp chính trị"),
            Map.entry("trung-cap-chinh-tri", "lớp Trung cấp chính trị"),
            Map.entry("political-advanced", "lớp Cao cấp chính trị"));
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

    public static String label(String programme) {
        return PROGRAMMES.getOrDefault(programme, OTHER_PROGRAMME);
    }
}
