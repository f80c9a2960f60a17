package vn.binhduong.sct.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.report.domain.Dashboard;
import vn.binhduong.sct.report.domain.Dashboard.Group;
import vn.binhduong.sct.report.domain.Dashboard.Tile;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.Unit;
import vn.binhduong.sct.report.report.DataQualityCheck;
import vn.binhduong.sct.report.report.ReportDocument;

/**
 * The internal dashboards: the figures of one organisation and year grouped into tiles, and one figure across years.
 * Everything is read through {@link FigureQuery}, the same figures the annual report prints, so a tile and the report
 * never disagree. Counts and rates only: no tile carries personal data.
 */
@ApplicationScoped
public class DashboardService {
    /** A 2021 rule (Hướng dẫn 21-HD/BTCTW, 2019): excellent at most 20% of those rated good or better. */
    static final int MAX_SERIES_YEARS = 50;

    private static final String[][] MEMBERSHIP = { { "membership.total", "member.count.total", "Tổng số đảng viên" },
            { "membership.probationary", "member.count.probationary", "Đảng viên dự bị" },
            { "membership.official", "member.count.official", "Đảng viên chính thức" },
            { "membership.admitted", "member.admitted.count", "Kết nạp đảng viên mới trong năm" },
            { "membership.confirmed", "member.confirmed.count", "Chuyển đảng chính thức trong năm" },
            { "membership.cells", "party.cells.count", "Chi bộ trực thuộc" } };
    private static final String[][] RATINGS = { { "excellent", "hoàn thành xuất sắc nhiệm vụ" },
            { "good", "hoàn thành tốt nhiệm vụ" }, { "completed", "hoàn thành nhiệm vụ" },
            { "not-completed", "không hoàn thành nhiệm vụ" } };
    private static final String[][] COVID = { { "covid.tests.cumulative", "covid.tests.cumulative", "Lượt xét nghiệm (lũy kế)" },
            { "covid.tests.positive", "covid.tests.positive", "Ca dương tính" },
            { "covid.tests.positive-rate", "covid.tests.positive-rate", "Tỷ lệ dương tính (tính từ số lượt)" },
            { "covid.vaccination.doses", "covid.vaccination.doses", "Liều vắc-xin đã tiêm" },
            { "covid.permits.issued", "covid.permits.issued", "Giấy xác nhận nhân viên thiết yếu đã cấp" } };
    private static final Map<String, String> PERMIT_KINDS = Map.of("delivery-worker", "nhân viên giao hàng (shipper)",
            "import-export-staff", "nhân viên xuất nhập khẩu");

    private final FigureQuery figures;
    private final DataQualityCheck quality;
    private final List<String> indicatorOrder;

    public DashboardService(FigureQuery figures, DataQualityCheck quality,
            @ConfigProperty(name = "sct.report.indicator-order") Optional<List<String>> indicatorOrder) {
        this.figures = figures;
        this.quality = quality;
        this.indicatorOrder = indicatorOrder.orElse(List.of());
    }

    @Transactional
    public Dashboard dashboard(String organization, int year) {
        Map<String, FigureView> f = figures.figures(organization, year);
        if (f.values().stream().noneMatch(v -> v.year() == year)) {
            throw ProblemException.notFound("figures of organisation and year", organization + "/" + year);
        }
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("membership", "Đảng viên", plain(f, MEMBERSHIP)));
        groups.add(new Group("evaluation", "Đánh giá, xếp loại", evaluation(f)));
        groups.add(new Group("party-inspection", "Kiểm tra, giám sát", inspection(f, organization, year)));
        groups.add(new Group("covid", "Phòng, chống dịch COVID-19", covid(f)));
        groups.add(new Group("indicators", "Chỉ tiêu so với kế hoạch", indicators(f, organization, year)));
        groups.add(new Group("data-quality", "Số liệu cần rà soát", dataQuality(f, organization, year)));
        return new Dashboard(organization, year, groups);
    }

    private static List<Tile> plain(Map<String, FigureView> f, String[][] tiles) {
        List<Tile> out = new ArrayList<>();
        for (String[] t : tiles) {
            FigureView v = f.get(t[1]);
            if (v != null && v.value() != null) {
                out.add(Tile.of(t[0], t[2], v));
            }
        }
        return out;
    }

    private static List<Tile> evaluation(Map<String, FigureView> f) {
        List<Tile> out = new ArrayList<>();
        for (String who : new String[] { "members", "cells" }) {
            String noun = who.equals("members") ? "Đảng viên " : "Chi bộ ";
            FigureView rated = f.get("evaluation." + who);
            if (rated != null && rated.value() != null) {
                out.add(Tile.of("evaluation." + who, noun + "được đánh giá, xếp loại", rated));
            }
            for (String[] r : RATINGS) {
                FigureView v = f.get("evaluation." + who + "." + r[0]);
                if (v != null && v.value() != null) {
                    out.add(Tile.of("evaluation." + who + "." + r[0], noun + r[1], v));
                }
            }
        }
        Tile quota = quota(f);
        if (quota != null) {
            out.add(quota);
        }
        return out;
    }

    /**
     * Members rated excellent as a share of those rated good or better, against the cap of the rule set the year is
     * evaluated under; within it when no more than the maximum member-service computed for the year.
     */
    private static Tile quota(Map<String, FigureView> f) {
        FigureView excellent = f.get("evaluation.members.excellent");
        FigureView goodOrBetter = f.get("evaluation.members.good-or-better");
        if (excellent == null || goodOrBetter == null || excellent.value() == null || goodOrBetter.value() == null
                || goodOrBetter.value().signum() == 0) {
            return null;
        }
        FigureView ruleSet = f.get("evaluation.rule-set");
        Integer percent = vn.binhduong.sct.report.report.sections.QuotaRule.percent(ruleSet == null ? null : ruleSet.text());
        if (percent == null) {
            return null;
        }
        BigDecimal quota = BigDecimal.valueOf(percent);
        FigureView max = f.get("evaluation.members.max-excellent");
        FigureView stored = f.get("evaluation.members.excellent-share");
        BigDecimal share = stored != null && stored.value() != null ? stored.value()
                : excellent.value().multiply(BigDecimal.valueOf(100)).divide(goodOrBetter.value(), 6, RoundingMode.HALF_UP);
        boolean within = max != null && max.value() != null ? excellent.value().compareTo(max.value()) <= 0
                : share.compareTo(quota) <= 0;
        BigDecimal gap = share.subtract(quota);
        String limit = VnFormat.percent(quota, 0);
        return new Tile("evaluation.members.excellent-share",
                "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ trên số hoàn thành tốt nhiệm vụ trở lên",
                "evaluation.members.excellent-share", share.stripTrailingZeros(), Unit.PERCENT.code(), VnFormat.percent(share, 2),
                null, quota, "không vượt quá " + limit, gap.stripTrailingZeros(),
                within ? "Đạt chỉ tiêu không vượt quá " + limit
                        : "Vượt chỉ tiêu không quá " + limit + ", cao hơn " + VnFormat.decimal(gap, 2) + " điểm phần trăm",
                within, List.of("evaluation.members.excellent", "evaluation.members.good-or-better"), List.of());
    }

    private List<Tile> inspection(Map<String, FigureView> f, String organization, int year) {
        List<Tile> out = new ArrayList<>();
        FigureView rate = f.get("party-inspection.plan.completion-rate");
        if (rate != null && rate.value() != null) {
            out.add(new Tile("party-inspection.plan.completion-rate", "Tỷ lệ hoàn thành chương trình kiểm tra, giám sát",
                    rate.key(), rate.value(), rate.unit().code(), rate.formatted(), rate.asOf(), BigDecimal.valueOf(100), "100%",
                    rate.value().subtract(BigDecimal.valueOf(100)), null, rate.value().compareTo(BigDecimal.valueOf(100)) >= 0,
                    List.of("party-inspection.plan.items.completed", "party-inspection.plan.items"), List.of()));
        }
        out.addAll(plain(f, new String[][] {
                { "party-inspection.plan.items", "party-inspection.plan.items", "Nội dung theo chương trình" },
                { "party-inspection.plan.items.completed", "party-inspection.plan.items.completed", "Nội dung đã hoàn thành" },
                { "party-inspection.items.concluded", "party-inspection.items.concluded", "Cuộc kiểm tra, giám sát đã kết luận" } }));
        postponed(f, "party-inspection.items.postponed", "Nội dung kiểm tra, giám sát phải dời thời gian",
                figures.labels(organization, year, "party-inspection.items", "POSTPONED")).ifPresent(out::add);
        postponed(f, "planned-work.items.postponed", "Công việc theo kế hoạch phải dời thời gian",
                figures.labels(organization, year, "planned-work.items", "POSTPONED")).ifPresent(out::add);
        return out;
    }

    private static Optional<Tile> postponed(Map<String, FigureView> f, String key, String label, List<String> items) {
        FigureView v = f.get(key);
        if (v == null || v.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new Tile(key, label, key, v.value(), v.unit().code(), v.formatted(), v.asOf(), null, null, null, null,
                null, List.of(), items));
    }

    private static List<Tile> covid(Map<String, FigureView> f) {
        List<Tile> out = plain(f, COVID);
        f.forEach((key, v) -> {
            if (key.startsWith("covid.permits.by-kind.") && v.value() != null) {
                String kind = key.substring("covid.permits.by-kind.".length());
                out.add(Tile.of(key, "Giấy xác nhận " + PERMIT_KINDS.getOrDefault(kind, kind), v));
            }
        });
        f.forEach((key, v) -> {
            if (key.startsWith("covid.oxygen.") && (v.value() != null || v.text() != null)) {
                out.add(Tile.of(key, "Oxy y tế: " + key.substring("covid.oxygen.".length()), v));
            }
        });
        return out;
    }

    private List<Tile> indicators(Map<String, FigureView> f, String organization, int year) {
        List<ReportDocument.IndicatorRow> rows = vn.binhduong.sct.report.report.sections.IndicatorRows.of(
                new vn.binhduong.sct.report.report.Figures(organization, year, f, Map.of(), Map.of(), (metric, category) -> List.of(),
                        indicatorOrder));
        List<Tile> out = new ArrayList<>();
        for (ReportDocument.IndicatorRow r : rows) {
            String p = "indicator." + r.code() + ".";
            if (r.growthValue() != null && r.planGrowthValue() != null) {
                BigDecimal gap = r.growthValue().subtract(r.planGrowthValue());
                out.add(new Tile("indicator." + r.code(), r.name(), p + "growth", r.growthValue(), Unit.PERCENT.code(), r.growth(),
                        asOf(f, p + "growth"), r.planGrowthValue(), r.planGrowth(), gap.stripTrailingZeros(), r.assessment(),
                        r.met(), List.of(p + "growth", p + "plan-growth"), List.of()));
                continue;
            }
            FigureView value = f.get(p + "value");
            FigureView plan = f.get(p + "plan-value");
            if (value != null && value.value() != null) {
                BigDecimal target = plan == null ? null : plan.value();
                out.add(new Tile("indicator." + r.code(), r.name(), value.key(), value.value(), value.unit().code(),
                        value.formatted(), value.asOf(), target, target == null ? null : plan.formatted(),
                        target == null ? null : value.value().subtract(target), r.assessment(), r.met(),
                        target == null ? List.of() : List.of(p + "value", p + "plan-value"), List.of()));
            } else if (r.growthValue() != null) {
                out.add(new Tile("indicator." + r.code(), r.name(), p + "growth", r.growthValue(), Unit.PERCENT.code(), r.growth(),
                        asOf(f, p + "growth"), null, null, null, null, null, List.of(), List.of()));
            }
        }
        return out;
    }

    private static java.time.LocalDate asOf(Map<String, FigureView> f, String key) {
        return f.get(key) == null ? null : f.get(key).asOf();
    }

    /** The rows of the report's annex: this service's rules over the figures, then indicator-service's violations. */
    private List<Tile> dataQuality(Map<String, FigureView> f, String organization, int year) {
        List<ReportDocument.Finding> findings = new ArrayList<>(quality.check(f));
        findings.addAll(figures.indicatorViolations(organization, year));
        return List.of(new Tile("data-quality.findings", "Số liệu cần rà soát (phụ lục của báo cáo)", null,
                BigDecimal.valueOf(findings.size()), Unit.COUNT.code(), VnFormat.count(findings.size()), null, null, null, null,
                null, null, List.of(), findings.stream().map(ReportDocument.Finding::name).toList()));
    }

    /** One figure across years; without bounds, every year it exists in. */
    @Transactional
    public Dashboard.Series series(String organization, String key, Integer from, Integer to) {
        if (from != null && to != null && from > to) {
            throw ProblemException.invalid("from", "must not be after to (from " + from + ", to " + to + ")");
        }
        if (from != null && to != null && to - from + 1 > MAX_SERIES_YEARS) {
            throw ProblemException.invalid("to", "a series spans at most " + MAX_SERIES_YEARS + " years (from " + from + " to "
                    + to + " is " + (to - from + 1) + ")");
        }
        if (!figures.hasFigures(organization)) {
            throw ProblemException.notFound("figures of organisation", organization);
        }
        Optional<int[]> range = figures.seriesRange(organization, key);
        Integer first = from != null ? from : range.map(r -> to != null ? Math.min(r[0], to) : r[0]).orElse(null);
        Integer last = to != null ? to : range.map(r -> from != null ? Math.max(r[1], from) : r[1]).orElse(null);
        if (first == null || last == null) {
            return new Dashboard.Series(organization, key, null, from, to, List.of());
        }
        if (last - first + 1 > MAX_SERIES_YEARS) {
            first = last - MAX_SERIES_YEARS + 1; // an open-ended series keeps its latest years
        }
        Map<Integer, FigureView> byYear = new java.util.TreeMap<>();
        figures.series(organization, key, first, last).forEach(v -> byYear.put(v.year(), v));
        List<Dashboard.Point> points = new ArrayList<>();
        String unit = null;
        for (int y = first; y <= last; y++) {
            FigureView v = byYear.get(y);
            points.add(v == null ? new Dashboard.Point(y, null, null, null, null)
                    : new Dashboard.Point(y, v.value(), v.formatted(), v.organization(), v.asOf()));
            if (v != null) {
                unit = v.unit().code();
            }
        }
        return new Dashboard.Series(organization, key, unit, first, last, points);
    }
}
