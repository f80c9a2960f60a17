package vn.binhduong.sct.report.report.sections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.contract.common.EstablishmentType;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** II.7, continued: production in the industrial clusters, mobile health units, retail still open, the inspections. */
public final class CovidEconomyWriter extends SectionWriter {
    static final Map<String, String> RETAIL = new LinkedHashMap<>();
    static final Map<String, String> HEALTH_UNITS = Map.of("station", "Trạm y tế lưu động", "mobile-station",
            "Trạm y tế lưu động", "team", "Tổ y tế lưu động", "mobile-team", "Tổ y tế lưu động");
    static final Map<String, String> SCOPES = Map.of("industrial-cluster-businesses", "Đoàn kiểm tra doanh nghiệp trong CCN",
            "retail-distribution", "Tổ kiểm tra công tác phòng chống dịch và cung ứng hàng hoá");

    static {
        RETAIL.put("market", "chợ truyền thống");
        RETAIL.put("supermarket", "siêu thị");
        RETAIL.put("convenience-store", "cửa hàng tiện lợi");
        RETAIL.put("shopping-centre", "trung tâm thương mại");
        RETAIL.put("shopping-center", "trung tâm thương mại");
        RETAIL.put("industrial-cluster-business", "doanh nghiệp trong CCN");
        RETAIL.put("cluster-business", "doanh nghiệp trong CCN");
    }

    public record Clusters(String total, String threeGreen, String threeGreenShare, String operating, String workers,
            String converted, String f0, String f0AsOf) {
    }

    public record Lists(List<String> items) {
    }

    public record Inspections(List<String> teams, List<String> inspected) {
    }

    @Override
    public String section() {
        return "covid";
    }

    @Override
    protected String template() {
        return "covid-economy";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        String total = f.fmt("covid.clusters.businesses.total");
        if (total != null) {
            String green = f.fmt("covid.clusters.businesses.three-green");
            String share = green == null || f.num("covid.clusters.businesses.total").signum() == 0 ? null
                    : VnFormat.percent(Figures.percent(f.num("covid.clusters.businesses.three-green"),
                            f.num("covid.clusters.businesses.total")), 2);
            out.add(sentence(f, "clusters", new Clusters(total, green, share, f.fmt("covid.clusters.businesses.operating"),
                    f.fmt("covid.clusters.workers"), f.fmt("covid.clusters.businesses.converted-to-three-green"),
                    f.fmt("covid.clusters.f0.cumulative"), f.date("covid.clusters.f0.cumulative"))));
        }
        f.used();
        List<String> units = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.under("covid.health-units.").entrySet()) {
            if (e.getValue().value() != null && e.getValue().value().signum() > 0) {
                units.add(e.getValue().formatted() + " " + HEALTH_UNITS.getOrDefault(e.getKey(), e.getKey()));
            }
        }
        if (!units.isEmpty()) {
            out.add(sentence(f, "health_units", new Lists(units)));
        }
        f.used();
        List<String> retail = new ArrayList<>();
        for (Map.Entry<String, String> r : RETAIL.entrySet()) {
            String op = f.fmt("covid.retail." + r.getKey() + ".operating");
            BigDecimal tot = f.num("covid.retail." + r.getKey() + ".total");
            if (op != null && tot != null) {
                String s = op + "/" + f.fmt("covid.retail." + r.getKey() + ".total") + " " + r.getValue() + " còn hoạt động";
                if (r.getKey().equals("market") && tot.signum() > 0) {
                    s += " (" + VnFormat.percent(Figures.percent(f.num("covid.retail.market.operating"), tot), 0) + ")";
                }
                retail.add(s);
            }
        }
        if (!retail.isEmpty()) {
            out.add(sentence(f, "retail", new Lists(retail)));
        }
        f.used();
        Inspections inspections = inspections(f);
        if (!inspections.inspected().isEmpty()) {
            out.add(sentence(f, "inspections", inspections));
        }
        f.used();
        return out;
    }

    private static Inspections inspections(Figures f) {
        List<String> teams = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.under("covid-inspection.").entrySet()) {
            String k = e.getKey();
            if (k.endsWith(".teams") && !k.equals("teams") && !k.startsWith("reported.") && !k.startsWith("visited.")) {
                String scope = k.substring(0, k.length() - ".teams".length());
                teams.add(e.getValue().formatted() + " " + SCOPES.getOrDefault(scope, scope));
            }
        }
        List<String> inspected = new ArrayList<>();
        boolean reported = f.all().keySet().stream().anyMatch(k -> k.startsWith("covid-inspection.reported."));
        String prefix = reported ? "covid-inspection.reported." : "covid-inspection.visited.";
        for (Map.Entry<String, FigureView> e : f.under(prefix).entrySet()) {
            String k = e.getKey();
            if (!reported || k.endsWith(".max")) {
                String type = reported ? k.substring(0, k.length() - ".max".length()) : k;
                EstablishmentType t = EstablishmentType.fromWire(type);
                inspected.add(e.getValue().formatted() + " " + (t != null ? t.label() : RETAIL.getOrDefault(type, type)));
            }
        }
        return new Inspections(teams, inspected);
    }
}
