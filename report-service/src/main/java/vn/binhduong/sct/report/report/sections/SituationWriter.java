package vn.binhduong.sct.report.report.sections;

import java.util.ArrayList;
import java.util.List;

import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** I. ĐẶC ĐIỂM TÌNH HÌNH: the committees and the organisation's cells and members. */
public final class SituationWriter extends SectionWriter {
    /** The size of each committee (seats filled, else seats), null when unknown. */
    public record Committees(String executive, String standing, String inspection) {
    }

    public record Organisation(String cells, String total, String probationary, String religious) {
    }

    @Override
    public String section() {
        return "situation";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        Committees c = new Committees(size(f, "executive"), size(f, "standing"), size(f, "inspection"));
        if (c.executive() != null || c.standing() != null || c.inspection() != null) {
            out.add(sentence(f, "committees", c));
        }
        String total = f.fmt("member.count.total");
        if (total != null) {
            out.add(sentence(f, "organisation", new Organisation(f.fmt("party.cells.count"), total,
                    f.fmt("member.count.probationary"), f.positive("member.count.religious") ? f.fmt("member.count.religious") : null)));
        }
        return out;
    }

    private static String size(Figures f, String committee) {
        String size = f.fmt("committee." + committee + ".size");
        return size != null ? size : f.fmt("committee." + committee + ".seats");
    }
}
