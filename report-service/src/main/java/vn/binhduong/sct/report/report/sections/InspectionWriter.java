package vn.binhduong.sct.report.report.sections;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;

/** II.3 Kiểm tra, giám sát: what each party body inspected and supervised, self-inspection, the programme's completion. */
public final class InspectionWriter extends SectionWriter {
    /** One body's work: "kiểm tra Chi bộ 3" and "giám sát Chi bộ 1" (the targets named, else counted). */
    public record BodyWork(String body, List<String> work) {
    }

    public record Bodies(List<BodyWork> bodies) {
    }

    public record SelfInspection(String cells, String cellsTotal, int year, String members, String membersPlanned) {
    }

    public record Completion(String rate, boolean all, String done, String planned) {
    }

    @Override
    public String section() {
        return "inspection";
    }

    static String body(String slug) {
        if (slug.startsWith("btv") || slug.equals("standing-committee")) {
            return "Ban Thường vụ Đảng ủy";
        }
        if (slug.startsWith("ubkt") || slug.equals("inspection-committee")) {
            return "Ủy ban kiểm tra Đảng ủy";
        }
        return slug.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public List<Block> write(Figures f) {
        List<Block> out = new ArrayList<>();
        f.used();
        Map<String, List<String>> byBody = new TreeMap<>();
        for (String kind : List.of("inspection", "supervision")) {
            String word = kind.equals("inspection") ? "kiểm tra" : "giám sát";
            for (Map.Entry<String, FigureView> e : f.under("party-inspection." + kind + ".").entrySet()) {
                BigDecimal n = e.getValue().value();
                if (n != null && n.signum() > 0) {
                    // the cells (or members) the concluded items targeted, as the seed names them; else the count
                    List<String> targets = f.labels("party-inspection." + kind, e.getKey());
                    boolean named = targets.size() == n.intValue();
                    byBody.computeIfAbsent(e.getKey(), b -> new ArrayList<>()).add(word + " "
                            + (named ? String.join(", ", targets) : e.getValue().formatted() + " cuộc"));
                }
            }
        }
        if (!byBody.isEmpty()) {
            List<BodyWork> bodies = new ArrayList<>();
            byBody.forEach((body, work) -> bodies.add(new BodyWork(body(body), work)));
            out.add(sentence(f, "bodies", new Bodies(bodies)));
        }
        f.used();
        String selfCells = f.fmt("party-inspection.self.cells");
        if (selfCells != null) {
            out.add(sentence(f, "self_inspection", new SelfInspection(selfCells, f.fmt("party.cells.count"), f.year(),
                    f.fmt("party-inspection.self.members"), f.fmt("party-inspection.self.members-planned"))));
        }
        f.used();
        String rate = f.fmt("party-inspection.plan.completion-rate");
        if (rate != null) {
            BigDecimal done = f.num("party-inspection.plan.items.completed");
            BigDecimal planned = f.num("party-inspection.plan.items");
            boolean all = f.num("party-inspection.plan.completion-rate").compareTo(BigDecimal.valueOf(100)) >= 0;
            out.add(sentence(f, "completion", new Completion(rate, all, done == null || planned == null ? null : Figures.count(done),
                    done == null || planned == null ? null : Figures.count(planned))));
        }
        return out;
    }
}
