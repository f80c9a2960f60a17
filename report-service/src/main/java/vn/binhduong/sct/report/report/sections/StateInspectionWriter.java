package vn.binhduong.sct.report.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** III.4 Thanh tra: the department's own delegations, the inter-agency ones it joined, the penalties decided. */
public final class StateInspectionWriter extends SectionWriter {
    static final Map<String, String> OFFENDERS = Map.of("individual", "cá nhân", "organization", "tổ chức",
            "business", "doanh nghiệp", "enterprise", "doanh nghiệp", "company", "doanh nghiệp");

    public record Delegations(String delegations, List<String> joined) {
    }

    public record Penalties(List<String> offenders, String amount) {
    }

    @Override
    public String section() {
        return "state-inspection";
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        // the department's own delegations; those led by another agency that it joined are named apart
        List<String> joined = f.labels("state-inspection.inter-agency-delegations", null);
        String delegations = f.fmt("state-inspection.delegations");
        if (delegations != null || !joined.isEmpty()) {
            out.add(sentence(f, "delegations", new Delegations(delegations, joined)));
        }
        f.used();
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.under("state-inspection.penalties.").entrySet()) {
            if (e.getValue().value() != null && e.getValue().value().signum() > 0) {
                offenders.add(e.getValue().formatted() + " " + OFFENDERS.getOrDefault(e.getKey(), e.getKey()));
            }
        }
        if (!offenders.isEmpty()) {
            out.add(sentence(f, "penalties", new Penalties(offenders, f.fmt("state-inspection.penalties-amount"))));
        }
        f.used();
        return out;
    }
}
