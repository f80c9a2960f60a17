package vn.binhduong.sct.report.report.sections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/**
 * II.7 Phòng, chống dịch Covid-19, the department's own work: testing, vaccination, permits, oxygen supply and the
 * support of the wards under lockdown. The clusters, retail and inspections follow ({@link CovidEconomyWriter}).
 */
public final class CovidWriter extends SectionWriter {
    static final Map<String, String> PERMIT_KINDS = Map.of("shipper", "Shipper", "delivery-worker", "Shipper",
            "import-export", "nhân viên XNK", "import-export-staff", "nhân viên XNK");

    public record Tests(String asOf, String tests, String positives, String rate) {
    }

    public record Vaccination(String doses) {
    }

    public record Permits(String total, List<String> byKind) {
    }

    public record Oxygen(String team, String decision, String decidedOn, String issuedBy, String suppliers, List<String> capacity,
            String coordinated) {
    }

    public record Lockdown(String staff, String wards, String districts, String from, String to, String workingGroups) {
    }

    @Override
    public String section() {
        return "covid";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        // the totals as reported at a date; without them, the sessions recorded one by one
        boolean reported = f.fig("covid.tests.cumulative") != null;
        String testsKey = reported ? "covid.tests.cumulative" : "covid.tests.recorded";
        String positivesKey = reported ? "covid.tests.positive" : "covid.tests.recorded-positive";
        f.used();
        String tests = f.fmt(testsKey);
        if (tests != null) {
            String positives = f.fmt(positivesKey);
            String rate = positives == null || f.num(testsKey).signum() == 0 ? null
                    : VnFormat.percentOf(f.num(positivesKey).longValue(), f.num(testsKey).longValue(), 2);
            out.add(sentence(f, "tests", new Tests(f.date(testsKey), tests, positives, rate)));
        }
        f.used();
        if (f.fmt("covid.vaccination.doses") != null) {
            out.add(sentence(f, "vaccination", new Vaccination(f.fmt("covid.vaccination.doses"))));
        }
        f.used();
        String permits = f.fmt("covid.permits.issued") != null ? f.fmt("covid.permits.issued") : f.fmt("covid.permits.recorded");
        if (permits != null) {
            List<String> kinds = new ArrayList<>();
            String prefix = f.fmt("covid.permits.issued") != null ? "covid.permits.by-kind." : "covid.permits.recorded.";
            for (Map.Entry<String, FigureView> e : f.under(prefix).entrySet()) {
                if (!e.getKey().endsWith(".stated")) {
                    kinds.add(PERMIT_KINDS.getOrDefault(e.getKey(), e.getKey()) + ": " + e.getValue().formatted() + " giấy");
                }
            }
            out.add(withFootnote(f, "permits", new Permits(permits, kinds), "permits_note"));
        }
        f.used();
        Oxygen oxygen = oxygen(f);
        if (oxygen != null) {
            out.add(sentence(f, "oxygen", oxygen));
        }
        f.used();
        String staff = f.fmt("covid.lockdown.staff");
        String wards = f.fmt("covid.lockdown.wards");
        if (staff != null && wards != null) {
            List<String> districts = f.labels("covid.lockdown.operations", null);
            out.add(sentence(f, "lockdown", new Lockdown(staff, wards, districts.isEmpty() ? null : String.join("; ", districts),
                    isoDate(f.text("covid.lockdown.started")), isoDate(f.text("covid.lockdown.ended")),
                    f.fmt("covid.lockdown.working-groups"))));
        }
        f.used();
        return out;
    }

    private static Oxygen oxygen(Figures f) {
        String suppliers = f.fmt("covid.oxygen.suppliers");
        String decision = f.fmt("covid.oxygen.team.decision");
        if (suppliers == null && decision == null) {
            return null;
        }
        List<String> capacity = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.under("covid.oxygen.capacity.").entrySet()) {
            if (e.getValue().value() != null) {
                capacity.add(e.getValue().formatted() + (e.getKey().startsWith("kg") ? " kg/ngày" : " m³/ngày"));
            }
        }
        return new Oxygen(f.fmt("covid.oxygen.team.name"), decision, decision == null ? null : f.date("covid.oxygen.team.decision"),
                f.fmt("covid.oxygen.team.issued-by"), suppliers, capacity,
                f.positive("covid.oxygen.coordination") ? f.fmt("covid.oxygen.coordination") : null);
    }

    private static String isoDate(String iso) {
        try {
            return iso == null ? null : VnFormat.date(LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
