package vn.binhduong.sct.report.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import vn.binhduong.sct.platform.rules.Importance;
import vn.binhduong.sct.platform.rules.MissingValueStrategy;
import vn.binhduong.sct.platform.rules.RuleEngine;
import vn.binhduong.sct.platform.rules.RuleOutcome;
import vn.binhduong.sct.platform.rules.ValidationRule;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.Unit;

/**
 * The annex rules, evaluated by the platform's rule engine: every figure stated in a source document against the same
 * figure computed from the records ({@code X.stated} against {@code X}), and the cross-domain consistency rules below.
 */
@ApplicationScoped
public class RuleEngineDataQuality implements DataQualityCheck {
    private static final List<String[]> CROSS_DOMAIN = List.of(
            new String[] { "PERMITS_TOTAL_BY_KIND", "Tổng số giấy xác nhận đã cấp bằng tổng theo loại",
                    "#{covid.permits.issued}", "=", "#{covid.permits.by-kind}" },
            new String[] { "EXCELLENT_QUOTA", "Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá số tối đa theo quy định của năm",
                    "#{evaluation.members.excellent}", "<=", "#{evaluation.members.max-excellent}" },
            new String[] { "SELF_INSPECTED_MEMBERS", "Số đảng viên tự kiểm tra không vượt số theo kế hoạch",
                    "#{party-inspection.self.members}", "<=", "#{party-inspection.self.members-planned}" },
            new String[] { "CLUSTER_BUSINESSES_OPERATING", "Doanh nghiệp CCN đang hoạt động không vượt tổng số",
                    "#{covid.clusters.businesses.operating}", "<=", "#{covid.clusters.businesses.total}" },
            new String[] { "MARKETS_OPERATING", "Chợ còn hoạt động không vượt tổng số chợ",
                    "#{covid.retail.market.operating}", "<=", "#{covid.retail.market.total}" },
            new String[] { "CONVENIENCE_STORES_INSPECTED", "Cửa hàng tiện lợi được kiểm tra không vượt số cửa hàng đang có",
                    "#{covid-inspection.visited.convenience-store}", "<=", "#{covid.retail.convenience-store.total}" },
            new String[] { "CLUSTER_BUSINESSES_INSPECTED", "Doanh nghiệp CCN được kiểm tra không vượt số doanh nghiệp trong CCN",
                    "#{covid-inspection.reported.industrial-cluster-business.max}", "<=", "#{covid.clusters.businesses.total}" },
            new String[] { "CONVENIENCE_STORES_REPORTED_INSPECTED", "Cửa hàng tiện lợi được kiểm tra không vượt số cửa hàng đang có",
                    "#{covid-inspection.reported.convenience-store.max}", "<=", "#{covid.retail.convenience-store.total}" });

    private final RuleEngine engine = new RuleEngine(RuleEngine.VIETNAMESE);

    @Override
    public List<ReportDocument.Finding> check(Map<String, FigureView> figures) {
        Map<String, BigDecimal> values = new TreeMap<>();
        figures.forEach((k, f) -> {
            if (f.value() != null) {
                values.put(k, f.value());
            }
        });
        List<ValidationRule> rules = new ArrayList<>();
        for (String key : figures.keySet()) {
            if (key.endsWith(".stated")) {
                String base = key.substring(0, key.length() - ".stated".length());
                FigureView stated = figures.get(key);
                if (figures.containsKey(base) && stated.value() != null && figures.get(base).value() != null) {
                    rules.add(ValidationRule.of("STATED_VS_COMPUTED:" + base, "Số liệu nêu so với số liệu tính: " + base,
                            "#{" + key + "}", "=", "#{" + base + "}", halfLastDigit(stated.value(), stated.unit()),
                            MissingValueStrategy.SKIP_IF_ANY_MISSING, Importance.MEDIUM, null));
                }
            }
        }
        for (String key : figures.keySet()) {
            if (key.endsWith(".max") && figures.containsKey(key.substring(0, key.length() - 4) + ".min")) {
                String base = key.substring(0, key.length() - 4);
                rules.add(ValidationRule.of("SAME_COUNT_REPORTED:" + base, "Các báo cáo nêu cùng một số liệu khác nhau: " + base,
                        "#{" + key + "}", "=", "#{" + base + ".min}", BigDecimal.ZERO, MissingValueStrategy.SKIP_IF_ANY_MISSING,
                        Importance.MEDIUM, null));
            }
        }
        for (String[] r : CROSS_DOMAIN) {
            rules.add(ValidationRule.of(r[0], r[1], r[2], r[3], r[4], BigDecimal.ZERO, MissingValueStrategy.SKIP_IF_ANY_MISSING,
                    Importance.MEDIUM, null));
        }
        List<ReportDocument.Finding> findings = new ArrayList<>();
        for (RuleOutcome o : engine.violations(rules, values)) {
            Unit unit = unitOf(figures, o.rule().left().names().iterator().next());
            findings.add(new ReportDocument.Finding(o.rule().code(), o.rule().name(), o.rule().left().text(),
                    unit.format(o.left(), null), o.rule().right().text(), unit.format(o.right(), null),
                    unit == Unit.PERCENT ? vn.binhduong.sct.platform.format.VnFormat.decimal(o.difference(), 2) + " điểm phần trăm"
                            : unit.format(o.difference(), null),
                    o.message()));
        }
        return findings;
    }

    /** A stated 0,47 agrees with anything that rounds to it: tolerance half its last digit. */
    static BigDecimal halfLastDigit(BigDecimal stated, Unit unit) {
        if (unit == Unit.COUNT) {
            return BigDecimal.ZERO;
        }
        int scale = Math.max(0, stated.stripTrailingZeros().scale());
        return BigDecimal.ONE.movePointLeft(scale).multiply(new BigDecimal("0.5"));
    }

    private static Unit unitOf(Map<String, FigureView> figures, String key) {
        FigureView f = figures.get(key);
        return f == null || f.unit() == Unit.TEXT || f.unit() == Unit.RATING ? Unit.COUNT : f.unit();
    }
}
