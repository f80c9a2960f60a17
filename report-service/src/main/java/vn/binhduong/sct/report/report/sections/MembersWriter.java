package vn.binhduong.sct.report.report.sections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.Rating;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** II.2.2 Công tác đảng viên: confirmations, the year's ratings and the excellent quota of the year's rule. */
public final class MembersWriter extends SectionWriter {
    public record Confirmed(String members, String candidates) {
    }

    public record OrganisationRating(String rating) {
    }

    public record Cells(String good, String rated, String excellentCells, String excellentMembers) {
    }

    /**
     * The quota statement. {@code withinQuota}: excellent ≤ the maximum the year's rule allows
     * ({@code evaluation.members.max-excellent}); {@code quota}: the rule's cap as a percentage, or null when the rule
     * set is not one the report knows (then the maximum is printed as a count).
     */
    public record Quota(int year, String organisation, String rated, String onRoll, String goodOrBetter, String excellent,
            String share, boolean withinQuota, String quota, String maxExcellent) {
    }

    @Override
    public String section() {
        return "members";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        if (f.positive("member.confirmed.count")) {
            out.add(sentence(f, "confirmed", new Confirmed(f.fmt("member.confirmed.count"),
                    f.fmt("training.awareness-class.candidates"))));
        }
        f.used();
        String rated = f.fmt("evaluation.cells");
        String good = f.fmt("evaluation.cells.good-or-better");
        if (rated != null && good != null) {
            List<String> excellent = f.labels("evaluation.cells", Rating.EXCELLENT);
            out.add(sentence(f, "cells", new Cells(good, rated, excellent.isEmpty() ? null : String.join(", ", excellent),
                    f.fmt("evaluation.members.excellent"))));
        }
        f.used();
        String orgRating = f.text("evaluation.organization.rating");
        if (orgRating != null) {
            out.add(sentence(f, "organisation_rating", new OrganisationRating(Rating.label(orgRating))));
        }
        f.used();
        Quota q = quota(f);
        if (q != null) {
            out.add(sentence(f, "quota", q));
        }
        return out;
    }

    /** "12 đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ 20% ..., đạt chỉ tiêu không vượt quá 20%)". */
    static Quota quota(Figures f) {
        BigDecimal excellent = f.num("evaluation.members.excellent");
        BigDecimal goodOrBetter = f.num("evaluation.members.good-or-better");
        if (excellent == null || goodOrBetter == null || goodOrBetter.signum() == 0) {
            return null;
        }
        BigDecimal rated = f.num("evaluation.members.rated") != null ? f.num("evaluation.members.rated") : f.num("evaluation.members");
        BigDecimal onRoll = f.num("evaluation.members.on-roll") != null ? f.num("evaluation.members.on-roll")
                : f.num("evaluation.members.eligible") != null ? f.num("evaluation.members.eligible") : f.num("member.count.total");
        BigDecimal max = f.num("evaluation.members.max-excellent");
        Integer percent = QuotaRule.percent(f.text("evaluation.rule-set"));
        BigDecimal share = Figures.percent(excellent, goodOrBetter);
        boolean within = max != null ? excellent.compareTo(max) <= 0
                : percent != null && share.compareTo(BigDecimal.valueOf(percent)) <= 0;
        String name = f.text("organization.name") != null ? f.text("organization.name") : "Đảng bộ";
        return new Quota(f.year(), name, rated == null || onRoll == null ? null : Figures.count(rated),
                rated == null || onRoll == null ? null : Figures.count(onRoll), Figures.count(goodOrBetter), Figures.count(excellent),
                VnFormat.percent(share, 2), within, percent == null ? null : VnFormat.percent(BigDecimal.valueOf(percent), 0),
                max == null ? null : Figures.count(max));
    }
}
