package vn.binhduong.sct.report.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.Outline;
import vn.binhduong.sct.report.domain.Rating;
import vn.binhduong.sct.report.domain.Unit;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;

/**
 * Builds the annual report from the figures, the narrative fragments and the heading data: the seed document's outline,
 * its data-bearing sentences written from the figures, the generated assessment and the data-quality annex. Pure: the
 * same inputs give the same document.
 */
public final class ReportAssembler {
    /** A 2021 rule (Hướng dẫn 21-HD/BTCTW, 2019): excellent at most 20% of those rated good or better. */
    static final BigDecimal EXCELLENT_QUOTA_PERCENT = BigDecimal.valueOf(20);
    private static final Pattern INDICATOR_KEY = Pattern.compile("indicator\\.([A-Za-z0-9_-]+)\\.(value|growth|plan-growth|plan-value)");
    private static final Set<String> NARRATIVE_FIRST = Set.of("political-tasks", "covid", "inspection", "state-inspection",
            "promotion", "limitations-objective");

    /** A narrative fragment as rendered with the live figures. */
    public record Narrative(String text, List<String> footnotes) {
    }

    private final String organization;
    private final int year;
    private final HeadingData heading;
    private final Map<String, FigureView> f;
    private final Map<String, FigureView> previous;
    private final Map<String, FigureView> next;
    private final Map<String, Narrative> narratives;
    private final BiFunction<String, String, List<String>> labels;
    private final List<String> indicatorOrder;
    private final DataQualityCheck quality;
    private final Set<String> missing;

    /**
     * @param labels (metric, category) → labels of the contributions (cells rated excellent, postponed items)
     */
    public ReportAssembler(String organization, int year, HeadingData heading, Map<String, FigureView> figures,
            Map<String, FigureView> previousYear, Map<String, FigureView> nextYear, Map<String, Narrative> narratives,
            BiFunction<String, String, List<String>> labels, List<String> indicatorOrder, DataQualityCheck quality,
            Set<String> missingInNarratives) {
        this.organization = organization;
        this.year = year;
        this.heading = heading;
        this.f = figures;
        this.previous = previousYear;
        this.next = nextYear;
        this.narratives = narratives;
        this.labels = labels;
        this.indicatorOrder = indicatorOrder;
        this.quality = quality;
        this.missing = new TreeSet<>(missingInNarratives);
    }

    public ReportDocument assemble() {
        List<IndicatorRow> indicators = indicators();
        Map<String, List<Block>> generated = new LinkedHashMap<>();
        generated.put("situation", situation());
        generated.put("education", education());
        generated.put("members", members());
        generated.put("inspection", inspection());
        generated.put("covid", covid());
        generated.put("political-tasks", politicalTasks(indicators));
        generated.put("state-inspection", stateInspection());
        generated.put("strengths", strengths(indicators));
        generated.put("limitations-objective", limitations(indicators));
        generated.put("targets", targets());

        List<ReportDocument.Section> part1 = new ArrayList<>();
        List<ReportDocument.Section> part2 = new ArrayList<>();
        for (Outline.Node node : Outline.NODES) {
            List<Block> blocks = new ArrayList<>();
            List<Block> gen = generated.getOrDefault(node.code(), List.of());
            Narrative n = narratives.get(node.code());
            List<Block> prose = n == null ? List.of() : prose(n);
            if (NARRATIVE_FIRST.contains(node.code())) {
                blocks.addAll(prose);
                blocks.addAll(gen);
            } else {
                blocks.addAll(gen);
                blocks.addAll(prose);
            }
            (node.part() == 1 ? part1 : part2).add(new ReportDocument.Section(node.code(), node.level(), node.number(),
                    node.title(), blocks));
        }
        List<ReportDocument.Part> parts = List.of(
                new ReportDocument.Part("PHẦN THỨ NHẤT", "KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM " + year, part1),
                new ReportDocument.Part("PHẦN THỨ HAI", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM " + (year + 1), part2));
        List<ReportDocument.Finding> annex = new ArrayList<>(quality.check(f));
        return new ReportDocument(organization, year, headingBlock(), parts, indicators, annex,
                List.copyOf(missing), new ReportDocument.Signature("T/M BAN CHẤP HÀNH", upper(heading.signerTitle()),
                        heading.signerName()),
                heading.recipients());
    }

    private ReportDocument.Heading headingBlock() {
        String date = heading.issuedOn() == null ? "ngày      tháng      năm " + year : VnFormat.longDate(heading.issuedOn());
        return new ReportDocument.Heading("ĐẢNG CỘNG SẢN VIỆT NAM", upper(heading.superiorBody()), upper(heading.issuingBody()),
                heading.documentNumber(), heading.place() + ", " + date, "BÁO CÁO", heading.subject());
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(new Locale("vi"));
    }

    private List<Block> prose(Narrative n) {
        List<Block> blocks = new ArrayList<>();
        String[] paragraphs = n.text().split("\\n\\s*\\n|\\n");
        for (int i = 0; i < paragraphs.length; i++) {
            String p = paragraphs[i].strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean last = i == paragraphs.length - 1;
            blocks.add(new Block(p.startsWith("- ") ? "bullet" : "paragraph", "narrative", p.startsWith("- ") ? p.substring(2) : p,
                    last ? n.footnotes() : List.of(), List.of()));
        }
        return blocks;
    }

    // ---- figure access

    private FigureView fig(String key) {
        FigureView v = f.get(key);
        return v != null ? v : f.get(key + ".stated");
    }

    private String fmt(String key) {
        FigureView v = fig(key);
        return v == null || v.formatted() == null || v.formatted().isEmpty() ? null : v.formatted();
    }

    private BigDecimal num(String key) {
        FigureView v = fig(key);
        return v == null ? null : v.value();
    }

    private static boolean all(String... values) {
        for (String v : values) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }

    private static Block sentence(String text, String... keys) {
        return new Block("paragraph", "generated", text, List.of(), List.of(keys));
    }

    private static Block bullet(String text, String... keys) {
        return new Block("bullet", "generated", text, List.of(), List.of(keys));
    }

    private String date(String key) {
        FigureView v = fig(key);
        return v == null || v.asOf() == null ? null : VnFormat.date(v.asOf());
    }

    // ---- PHẦN THỨ NHẤT

    private List<Block> situation() {
        List<Block> out = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String[] c : new String[][] { { "executive", "Ban Chấp hành (BCH) gồm " }, { "standing", "Ban Thường vụ gồm " },
                { "inspection", "Ủy ban kiểm tra gồm " } }) {
            String size = fmt("committee." + c[0] + ".size") != null ? fmt("committee." + c[0] + ".size")
                    : fmt("committee." + c[0] + ".seats");
            if (size != null) {
                parts.add(c[1] + size + " đồng chí");
            }
        }
        if (!parts.isEmpty()) {
            out.add(sentence(String.join("; ", parts) + ".", "committee.executive.size", "committee.standing.size",
                    "committee.inspection.size"));
        }
        String cells = fmt("party.cells.count");
        String total = fmt("member.count.total");
        String prob = fmt("member.count.probationary");
        if (total != null) {
            String s = "Đảng bộ có " + (cells != null ? cells + " chi bộ trực thuộc với " : "") + total + " đảng viên"
                    + (prob != null ? " (bao gồm " + prob + " đảng viên dự bị)" : "");
            BigDecimal religious = num("member.count.religious");
            if (religious != null && religious.signum() > 0) {
                s += ", " + fmt("member.count.religious") + " đảng viên tham gia tôn giáo";
            }
            out.add(sentence(s + ".", "party.cells.count", "member.count.total", "member.count.probationary",
                    "member.count.religious"));
        }
        return out;
    }

    private static final Map<String, String> PROGRAMMES = Map.of("political-intermediate", "lớp Trung cấp chính trị",
            "intermediate-political-theory", "lớp Trung cấp chính trị", "trung-cap-chinh-tri", "lớp Trung cấp chính trị",
            "political-advanced", "lớp Cao cấp chính trị");

    private List<Block> education() {
        List<Block> out = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("training.members.") && e.getValue().value() != null && e.getValue().value().signum() > 0) {
                String programme = k.substring("training.members.".length());
                out.add(sentence("Trong năm " + year + ", đã cử " + e.getValue().formatted() + " đảng viên tham gia "
                        + PROGRAMMES.getOrDefault(programme, "lớp " + programme) + ".", k));
            }
        }
        return out;
    }

    private List<Block> members() {
        List<Block> out = new ArrayList<>();
        String confirmed = fmt("member.confirmed.count");
        String candidates = fmt("training.awareness-class.candidates");
        if (confirmed != null && num("member.confirmed.count").signum() > 0) {
            out.add(sentence("Chuyển Đảng chính thức cho " + confirmed + " đảng viên"
                    + (candidates != null ? "; chọn cử " + candidates + " quần chúng tham gia lớp cảm tình Đảng" : "") + ".",
                    "member.confirmed.count", "training.awareness-class.candidates"));
        }
        // the cells and the organisation
        String cellsRated = fmt("evaluation.cells");
        String cellsGood = fmt("evaluation.cells.good-or-better");
        if (cellsRated != null && cellsGood != null) {
            String s = "Kết quả đánh giá chất lượng tổ chức cơ sở đảng và đảng viên cuối năm: có " + cellsGood + "/" + cellsRated
                    + " chi bộ trực thuộc hoàn thành tốt nhiệm vụ";
            List<String> excellentCells = labels.apply("evaluation.cells", Rating.EXCELLENT);
            if (!excellentCells.isEmpty()) {
                s += "; trong đó, " + String.join(", ", excellentCells) + " được đánh giá xếp loại hoàn thành xuất sắc nhiệm vụ";
            }
            if (fmt("evaluation.members.excellent") != null) {
                s += ", toàn đảng bộ có " + fmt("evaluation.members.excellent")
                        + " đảng viên được đánh giá xếp loại là hoàn thành xuất sắc nhiệm vụ";
            }
            out.add(sentence(s + ".", "evaluation.cells", "evaluation.cells.good-or-better", "evaluation.members.excellent"));
        }
        FigureView orgRating = f.get("evaluation.organization.rating");
        if (orgRating != null) {
            out.add(sentence("Đảng bộ tự đánh giá xếp loại đạt tiêu chuẩn " + Rating.label(orgRating.text()) + ".",
                    "evaluation.organization.rating"));
        }
        Block quota = quotaStatement();
        if (quota != null) {
            out.add(quota);
        }
        return out;
    }

    /** "12 đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ 20% ..., đạt chỉ tiêu không vượt quá 20%)". */
    Block quotaStatement() {
        BigDecimal excellent = num("evaluation.members.excellent");
        BigDecimal goodOrBetter = num("evaluation.members.good-or-better");
        if (excellent == null || goodOrBetter == null || goodOrBetter.signum() == 0) {
            return null;
        }
        BigDecimal rated = num("evaluation.members.rated") != null ? num("evaluation.members.rated") : num("evaluation.members");
        BigDecimal onRoll = num("evaluation.members.on-roll") != null ? num("evaluation.members.on-roll")
                : num("evaluation.members.eligible") != null ? num("evaluation.members.eligible") : num("member.count.total");
        BigDecimal share = excellent.multiply(BigDecimal.valueOf(100)).divide(goodOrBetter, 6, RoundingMode.HALF_UP);
        boolean withinQuota = share.compareTo(EXCELLENT_QUOTA_PERCENT) <= 0;
        String name = f.get("organization.name") != null ? f.get("organization.name").text() : "Đảng bộ";
        StringBuilder s = new StringBuilder("Kết quả xếp loại đảng viên năm " + year + ": " + name + " có ");
        if (rated != null && onRoll != null) {
            s.append(count(rated)).append("/").append(count(onRoll))
                    .append(" đảng viên đủ điều kiện và được tổ chức đánh giá xếp loại theo quy định; trong đó, ");
        }
        s.append(count(goodOrBetter)).append(" đảng viên xếp loại hoàn thành tốt nhiệm vụ, ").append(count(excellent))
                .append(" đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ ").append(VnFormat.percent(share, 2))
                .append(" đảng viên hoàn thành tốt nhiệm vụ, ")
                .append(withinQuota ? "đạt chỉ tiêu không vượt quá " : "vượt chỉ tiêu không quá ")
                .append(VnFormat.percent(EXCELLENT_QUOTA_PERCENT, 0)).append(").");
        return sentence(s.toString(), "evaluation.members.rated", "evaluation.members.good-or-better",
                "evaluation.members.excellent", "evaluation.members.excellent-share");
    }

    private static String count(BigDecimal v) {
        return VnFormat.count(v.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static final Map<String, String> BODIES = Map.of("btv", "Ban Thường vụ Đảng ủy", "standing-committee",
            "Ban Thường vụ Đảng ủy", "ubkt", "Ủy ban kiểm tra Đảng ủy", "inspection-committee", "Ủy ban kiểm tra Đảng ủy");

    private static String body(String slug) {
        if (slug.startsWith("btv")) {
            return "Ban Thường vụ Đảng ủy";
        }
        if (slug.startsWith("ubkt")) {
            return "Ủy ban kiểm tra Đảng ủy";
        }
        return BODIES.getOrDefault(slug, slug.toUpperCase(Locale.ROOT));
    }

    private List<Block> inspection() {
        List<Block> out = new ArrayList<>();
        Map<String, List<String>> byBody = new java.util.TreeMap<>();
        for (String kind : List.of("inspection", "supervision")) {
            String word = kind.equals("inspection") ? "kiểm tra" : "giám sát";
            for (Map.Entry<String, FigureView> e : f.entrySet()) {
                String prefix = "party-inspection." + kind + ".";
                if (e.getKey().startsWith(prefix) && e.getValue().value() != null && e.getValue().value().signum() > 0) {
                    String body = e.getKey().substring(prefix.length());
                    // the cells (or members) the concluded items targeted, as the seed names them; else the count
                    List<String> targets = labels.apply("party-inspection." + kind, body);
                    boolean named = targets.size() == e.getValue().value().intValue();
                    byBody.computeIfAbsent(body, b -> new ArrayList<>()).add(word + " "
                            + (named ? String.join(", ", targets) : e.getValue().formatted() + " cuộc"));
                }
            }
        }
        if (!byBody.isEmpty()) {
            List<String> parts = new ArrayList<>();
            byBody.forEach((body, what) -> parts.add(body(body) + " đã tiến hành "
                    + String.join(" và ", what)));
            out.add(sentence("Trong năm, " + String.join("; ", parts) + ".", "party-inspection.inspection", "party-inspection.supervision"));
        }
        String selfCells = fmt("party-inspection.self.cells");
        String cells = fmt("party.cells.count");
        String selfMembers = fmt("party-inspection.self.members");
        String planned = fmt("party-inspection.self.members-planned");
        if (selfCells != null) {
            out.add(sentence(selfCells + (cells != null ? "/" + cells : "") + " chi bộ trực thuộc đã xây dựng và triển khai Kế hoạch tự"
                    + " kiểm tra, giám sát năm " + year + (selfMembers != null ? " và đã tổ chức việc tự kiểm tra đảng viên chấp hành cho "
                            + selfMembers + (planned != null ? "/" + planned : "") + " đảng viên" : "") + ".",
                    "party-inspection.self.cells", "party.cells.count", "party-inspection.self.members",
                    "party-inspection.self.members-planned"));
        }
        String rate = fmt("party-inspection.plan.completion-rate");
        if (rate != null) {
            BigDecimal done = num("party-inspection.plan.items.completed");
            BigDecimal plannedItems = num("party-inspection.plan.items");
            out.add(sentence(num("party-inspection.plan.completion-rate").compareTo(BigDecimal.valueOf(100)) >= 0
                    ? "Đến nay, " + rate + " chương trình, kế hoạch kiểm tra giám sát trong năm đều được hoàn thành."
                    : "Đến nay, đã hoàn thành " + rate + " chương trình, kế hoạch kiểm tra giám sát trong năm"
                            + (done != null && plannedItems != null ? " (" + count(done) + "/" + count(plannedItems) + " cuộc)" : "") + ".",
                    "party-inspection.plan.completion-rate", "party-inspection.plan.items.completed", "party-inspection.plan.items"));
        }
        return out;
    }

    private static final Map<String, String> RETAIL = new LinkedHashMap<>();
    private static final Map<String, String> HEALTH_UNITS = Map.of("station", "Trạm y tế lưu động", "mobile-station",
            "Trạm y tế lưu động", "team", "Tổ y tế lưu động", "mobile-team", "Tổ y tế lưu động");
    private static final Map<String, String> PERMIT_KINDS = Map.of("shipper", "Shipper", "delivery-worker", "Shipper",
            "import-export", "nhân viên XNK", "import-export-staff", "nhân viên XNK");
    private static final Map<String, String> SCOPES = Map.of("industrial-cluster-businesses", "Đoàn kiểm tra doanh nghiệp trong CCN",
            "retail-distribution", "Tổ kiểm tra công tác phòng chống dịch và cung ứng hàng hoá");

    static {
        RETAIL.put("market", "chợ truyền thống");
        RETAIL.put("supermarket", "siêu thị");
        RETAIL.put("convenience-store", "cửa hàng tiện lợi");
        RETAIL.put("shopping-centre", "trung tâm thương mại");
        RETAIL.put("shopping-center", "trung tâm thương mại");
    }

    private List<Block> covid() {
        List<Block> out = new ArrayList<>();
        // the totals as reported at a date; without them, the sessions recorded one by one
        String testsKey = fig("covid.tests.cumulative") != null ? "covid.tests.cumulative" : "covid.tests.recorded";
        String positivesKey = fig("covid.tests.cumulative") != null ? "covid.tests.positive" : "covid.tests.recorded-positive";
        String tests = fmt(testsKey);
        String positives = fmt(positivesKey);
        String rate = tests == null || positives == null || num(testsKey).signum() == 0 ? null
                : VnFormat.percentOf(num(positivesKey).longValue(), num(testsKey).longValue(), 2);
        if (tests != null) {
            String asOf = date(testsKey);
            out.add(sentence((asOf != null ? "Luỹ kế đến ngày " + asOf + ", " : "Luỹ kế, ")
                    + "Sở đã tổ chức test nhanh và giám sát kết quả test (doanh nghiệp tự test) cho " + tests + " lượt người"
                    + (positives != null ? ", số ca dương tính là " + positives + " ca F0" + (rate != null ? " (tỷ lệ " + rate + ")" : "") : "")
                    + ".", "covid.tests.cumulative", "covid.tests.positive", "covid.tests.positive-rate"));
        }
        if (fmt("covid.vaccination.doses") != null) {
            out.add(sentence("Công tác tiêm vắc xin: lũy kế đến nay đã tiêm được " + fmt("covid.vaccination.doses") + " liều.",
                    "covid.vaccination.doses"));
        }
        String permits = fmt("covid.permits.issued") != null ? fmt("covid.permits.issued") : fmt("covid.permits.recorded");
        if (permits != null) {
            List<String> kinds = new ArrayList<>();
            String kindMetric = fmt("covid.permits.issued") != null ? "covid.permits.by-kind." : "covid.permits.recorded.";
            for (Map.Entry<String, FigureView> e : f.entrySet()) {
                if (e.getKey().startsWith(kindMetric) && !e.getKey().endsWith(".stated")) {
                    String kind = e.getKey().substring(kindMetric.length());
                    kinds.add(PERMIT_KINDS.getOrDefault(kind, kind) + ": " + e.getValue().formatted() + " giấy");
                }
            }
            String note = "Luỹ kế, đã cấp " + permits + " Giấy xác nhận (có mã QR) cho nhân viên giao hàng hoá thiết yếu và nhân viên"
                    + " xuất nhập khẩu hoạt động trên địa bàn tỉnh" + (kinds.isEmpty() ? "" : " (" + String.join("; ", kinds) + ")") + ".";
            out.add(new Block("paragraph", "generated", "Sở Công Thương thực hiện cấp “Giấy xác nhận nhân viên giao hàng thiết yếu” cho"
                    + " các shipper đáp ứng đủ các điều kiện.", List.of(note), List.of("covid.permits.issued")));
        }
        String suppliers = fmt("covid.oxygen.suppliers");
        String decision = fmt("covid.oxygen.team.decision");
        if (suppliers != null || decision != null) {
            StringBuilder s = new StringBuilder("Công tác cung ứng nguồn Oxy y tế:");
            if (decision != null) {
                String team = fmt("covid.oxygen.team.name");
                String issuedBy = fmt("covid.oxygen.team.issued-by");
                String on = date("covid.oxygen.team.decision");
                s.append(" Sở Công Thương là thành viên của ").append(team != null ? team : "Tổ điều phối Oxy").append(" theo ")
                        .append(decision).append(on != null ? " ngày " + on : "").append(issuedBy != null ? " của " + issuedBy : "")
                        .append(";");
            }
            if (suppliers != null) {
                s.append(" trên địa bàn tỉnh có ").append(suppliers)
                        .append(" doanh nghiệp cung ứng khí Oxy thuộc lĩnh vực quản lý của Sở Công Thương");
            }
            List<String> capacity = new ArrayList<>();
            for (Map.Entry<String, FigureView> e : f.entrySet()) {
                if (e.getKey().startsWith("covid.oxygen.capacity.") && e.getValue().value() != null) {
                    String unit = e.getKey().substring("covid.oxygen.capacity.".length());
                    capacity.add(e.getValue().formatted() + (unit.startsWith("kg") ? " kg/ngày" : " m³/ngày"));
                }
            }
            if (!capacity.isEmpty()) {
                s.append("; tổng năng lực cung cấp ").append(String.join(" và ", capacity));
            }
            if (fmt("covid.oxygen.coordination") != null && num("covid.oxygen.coordination").signum() > 0) {
                s.append("; đã kết nối ").append(fmt("covid.oxygen.coordination")).append(" yêu cầu cung cấp khí Oxy của các đơn vị điều trị");
            }
            s.setLength(s.charAt(s.length() - 1) == ';' ? s.length() - 1 : s.length());
            out.add(sentence(s.append(".").toString(), "covid.oxygen.suppliers", "covid.oxygen.team.decision",
                    "covid.oxygen.capacity", "covid.oxygen.coordination"));
        }
        String total = fmt("covid.clusters.businesses.total");
        if (total != null) {
            String green = fmt("covid.clusters.businesses.three-green");
            StringBuilder s = new StringBuilder("Về tình hình sản xuất của các doanh nghiệp trong Cụm công nghiệp: hiện có ");
            if (green != null) {
                BigDecimal pct = num("covid.clusters.businesses.three-green").multiply(BigDecimal.valueOf(100))
                        .divide(num("covid.clusters.businesses.total"), 6, RoundingMode.HALF_UP);
                s.append(green).append("/").append(total).append(" doanh nghiệp (đạt ").append(VnFormat.percent(pct, 2))
                        .append(") đang hoạt động theo mô hình sản xuất “03 xanh”");
            } else {
                s.append(fmt("covid.clusters.businesses.operating")).append("/").append(total).append(" doanh nghiệp đang hoạt động");
            }
            if (fmt("covid.clusters.workers") != null) {
                s.append(" với tổng số lao động là ").append(fmt("covid.clusters.workers")).append(" công nhân");
            }
            if (fmt("covid.clusters.businesses.converted-to-three-green") != null) {
                s.append(", trong đó số doanh nghiệp “03 tại chỗ” chuyển sang mô hình “03 xanh” là ")
                        .append(fmt("covid.clusters.businesses.converted-to-three-green")).append(" doanh nghiệp");
            }
            s.append(".");
            if (fmt("covid.clusters.f0.cumulative") != null) {
                String d = date("covid.clusters.f0.cumulative");
                s.append(" Lũy kế ").append(d != null ? "đến ngày " + d + " " : "").append("đã có ")
                        .append(fmt("covid.clusters.f0.cumulative")).append(" ca F0 tại các CCN.");
            }
            out.add(sentence(s.toString(), "covid.clusters.businesses.total", "covid.clusters.businesses.three-green",
                    "covid.clusters.workers", "covid.clusters.businesses.converted-to-three-green", "covid.clusters.f0.cumulative"));
        }
        List<String> units = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.entrySet()) {
            if (e.getKey().startsWith("covid.health-units.") && e.getValue().value() != null && e.getValue().value().signum() > 0) {
                String kind = e.getKey().substring("covid.health-units.".length());
                units.add(e.getValue().formatted() + " " + HEALTH_UNITS.getOrDefault(kind, kind));
            }
        }
        if (!units.isEmpty()) {
            out.add(sentence("Thành lập Trạm y tế lưu động: đến nay, đã thành lập " + String.join(", ", units) + " tại các CCN.",
                    "covid.health-units"));
        }
        List<String> retail = new ArrayList<>();
        for (Map.Entry<String, String> r : RETAIL.entrySet()) {
            String op = fmt("covid.retail." + r.getKey() + ".operating");
            BigDecimal tot = num("covid.retail." + r.getKey() + ".total");
            if (op != null && tot != null) {
                String s = op + "/" + fmt("covid.retail." + r.getKey() + ".total") + " " + r.getValue() + " còn hoạt động";
                if (r.getKey().equals("market") && tot.signum() > 0) {
                    s += " (" + VnFormat.percent(num("covid.retail.market.operating").multiply(BigDecimal.valueOf(100))
                            .divide(tot, 6, RoundingMode.HALF_UP), 0) + ")";
                }
                retail.add(s);
            }
        }
        if (!retail.isEmpty()) {
            out.add(sentence("Trên địa bàn tỉnh hiện có " + String.join(", ", retail) + ".", "covid.retail.market.operating",
                    "covid.retail.market.total"));
        }
        List<String> teams = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("covid-inspection.") && k.endsWith(".teams") && !k.equals("covid-inspection.teams")) {
                String scope = k.substring("covid-inspection.".length(), k.length() - ".teams".length());
                teams.add(e.getValue().formatted() + " " + SCOPES.getOrDefault(scope, scope));
            }
        }
        List<String> inspected = new ArrayList<>();
        boolean reported = f.keySet().stream().anyMatch(k -> k.startsWith("covid-inspection.reported."));
        String prefix = reported ? "covid-inspection.reported." : "covid-inspection.visited.";
        for (Map.Entry<String, FigureView> e : f.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(prefix) && (!reported || k.endsWith(".max"))) {
                String type = k.substring(prefix.length(), reported ? k.length() - ".max".length() : k.length());
                inspected.add(e.getValue().formatted() + " " + RETAIL.getOrDefault(type,
                        type.contains("cluster-business") ? "doanh nghiệp trong CCN" : type));
            }
        }
        if (!inspected.isEmpty()) {
            out.add(sentence("Thành lập " + (teams.isEmpty() ? "các Đoàn, Tổ kiểm tra" : String.join(" và ", teams))
                    + " kiểm tra công tác phòng chống dịch tại " + String.join(", ", inspected) + ".", "covid-inspection.teams"));
        }
        return out;
    }

    // ---- indicators

    /** The indicators against plan as section III prints them, in the report's order (the dashboard shows the same rows). */
    public List<IndicatorRow> indicatorRows() {
        return indicators();
    }

    private List<IndicatorRow> indicators() {
        Set<String> codes = new java.util.TreeSet<>();
        for (String k : f.keySet()) {
            Matcher m = INDICATOR_KEY.matcher(k);
            if (m.matches()) {
                codes.add(m.group(1));
            }
        }
        List<String> ordered = new ArrayList<>();
        indicatorOrder.stream().filter(codes::contains).forEach(ordered::add);
        codes.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        List<IndicatorRow> rows = new ArrayList<>();
        for (String code : ordered) {
            String p = "indicator." + code + ".";
            FigureView nameFig = f.get(p + "name");
            String name = nameFig != null && nameFig.text() != null ? nameFig.text() : code;
            FigureView value = f.get(p + "value");
            boolean printableValue = value != null && value.value() != null
                    && (value.unit() != Unit.PERCENT && value.unit() != Unit.INDEX || num(p + "growth") == null);
            BigDecimal growth = num(p + "growth");
            BigDecimal plan = num(p + "plan-growth");
            BigDecimal planValue = num(p + "plan-value");
            FigureView prev = previous.get(p + "growth");
            Boolean met = null;
            String assessment = null;
            if (growth != null && plan != null) {
                met = growth.compareTo(plan) >= 0;
                BigDecimal diff = growth.subtract(plan).abs();
                assessment = met ? "Đạt kế hoạch, vượt " + VnFormat.decimal(diff, 2) + " điểm phần trăm"
                        : "Chưa đạt kế hoạch, thấp hơn " + VnFormat.decimal(diff, 2) + " điểm phần trăm";
            } else if (value != null && value.value() != null && planValue != null && planValue.signum() != 0) {
                met = value.value().compareTo(planValue) >= 0;
                BigDecimal pct = value.value().multiply(BigDecimal.valueOf(100)).divide(planValue, 6, RoundingMode.HALF_UP);
                assessment = (met ? "Đạt kế hoạch, bằng " : "Chưa đạt kế hoạch, chỉ bằng ") + VnFormat.percent(pct, 2) + " kế hoạch";
            }
            if (growth == null && plan == null && planValue == null && !indicatorOrder.contains(code)) {
                continue; // counts without growth or plan (markets by class...) are not among the main indicators
            }
            rows.add(new IndicatorRow(code, name, printableValue ? value.formatted() : null,
                    growth == null ? null : change(growth), prev == null || prev.value() == null ? null : change(prev.value()),
                    plan == null ? null : change(plan), planValue == null ? null : fmt(p + "plan-value"), met, assessment,
                    growth, plan));
        }
        return rows;
    }

    /** "tăng 4,51%" / "giảm 1,6%". */
    static String change(BigDecimal growth) {
        return (growth.signum() < 0 ? "giảm " : "tăng ") + VnFormat.percent(growth.abs(), 2);
    }

    private List<Block> politicalTasks(List<IndicatorRow> indicators) {
        List<Block> out = new ArrayList<>();
        for (IndicatorRow r : indicators) {
            StringBuilder s = new StringBuilder(r.name()).append(" năm ").append(year);
            if (r.value() != null) {
                s.append(" ước đạt ").append(r.value());
                if (r.growth() != null) {
                    s.append(", ").append(r.growth()).append(" so với cùng kỳ");
                }
            } else if (r.growth() != null) {
                s.append(" ước ").append(r.growth()).append(" so cùng kỳ");
            } else {
                continue;
            }
            List<String> context = new ArrayList<>();
            if (r.previousYearGrowth() != null) {
                context.add("năm " + (year - 1) + " " + r.previousYearGrowth());
            }
            if (r.planGrowth() != null) {
                context.add("KH " + year + " " + r.planGrowth());
            } else if (r.planValue() != null) {
                context.add("KH " + year + " " + r.planValue());
            }
            if (!context.isEmpty()) {
                s.append(" (").append(String.join(", ", context)).append(")");
            }
            out.add(bullet(s + ".", "indicator." + r.code() + ".value", "indicator." + r.code() + ".growth",
                    "indicator." + r.code() + ".plan-growth"));
        }
        if (!indicators.isEmpty()) {
            out.add(new Block("indicator-table", "generated", "Các chỉ tiêu chủ yếu năm " + year + " so với kế hoạch", List.of(), List.of()));
            if (indicators.stream().anyMatch(r -> r.growthValue() != null && r.planGrowthValue() != null)) {
                out.add(new Block("indicator-chart", "generated", "Tăng trưởng so cùng kỳ và kế hoạch năm " + year + " (%)",
                        List.of(), List.of()));
            }
        }
        return out;
    }

    private static final Map<String, String> OFFENDERS = Map.of("individual", "cá nhân", "organization", "tổ chức",
            "business", "doanh nghiệp", "enterprise", "doanh nghiệp", "company", "doanh nghiệp");

    private List<Block> stateInspection() {
        List<Block> out = new ArrayList<>();
        // the department's own delegations; those led by another agency that it joined are named apart
        List<String> joined = labels.apply("state-inspection.inter-agency-delegations", null);
        if (fmt("state-inspection.delegations") != null) {
            out.add(sentence("Thực hiện " + fmt("state-inspection.delegations")
                    + " Đoàn thanh tra chấp hành pháp luật hoạt động trong lĩnh vực ngành Công Thương"
                    + (joined.isEmpty() ? "" : " và tham gia " + String.join("; ", joined)) + ".", "state-inspection.delegations",
                    "state-inspection.inter-agency-delegations"));
        } else if (!joined.isEmpty()) {
            out.add(sentence("Tham gia " + String.join("; ", joined) + ".", "state-inspection.inter-agency-delegations"));
        }
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, FigureView> e : f.entrySet()) {
            if (e.getKey().startsWith("state-inspection.penalties.") && e.getValue().value() != null && e.getValue().value().signum() > 0) {
                String kind = e.getKey().substring("state-inspection.penalties.".length());
                offenders.add(e.getValue().formatted() + " " + OFFENDERS.getOrDefault(kind, kind));
            }
        }
        if (!offenders.isEmpty()) {
            String amount = fmt("state-inspection.penalties-amount");
            out.add(sentence("Xử lý vi phạm hành chính: đã ra quyết định xử phạt " + String.join(" và ", offenders)
                    + (amount != null ? " với tổng số tiền " + amount : "") + ".", "state-inspection.penalties",
                    "state-inspection.penalties-amount"));
        }
        return out;
    }

    // ---- IV. ĐÁNH GIÁ CHUNG: generated from the indicators against plan and the postponed work

    private List<Block> strengths(List<IndicatorRow> indicators) {
        List<Block> out = new ArrayList<>();
        for (IndicatorRow r : indicators) {
            if (Boolean.TRUE.equals(r.met())) {
                out.add(bullet(r.name() + " đạt và vượt kế hoạch đề ra (" + evidence(r) + ").", "indicator." + r.code() + ".growth",
                        "indicator." + r.code() + ".plan-growth"));
            }
        }
        return out;
    }

    private List<Block> limitations(List<IndicatorRow> indicators) {
        List<Block> out = new ArrayList<>();
        for (IndicatorRow r : indicators) {
            if (Boolean.FALSE.equals(r.met())) {
                out.add(bullet(r.name() + " chưa đạt kế hoạch đề ra (" + evidence(r) + ").", "indicator." + r.code() + ".growth",
                        "indicator." + r.code() + ".plan-growth"));
            }
        }
        List<String> postponed = new ArrayList<>();
        postponed.addAll(labels.apply("planned-work.items", "POSTPONED"));
        postponed.addAll(labels.apply("party-inspection.items", "POSTPONED"));
        for (String item : postponed) {
            out.add(bullet("Chưa thực hiện được theo kế hoạch, phải dời thời gian: " + item + ".", "planned-work.items.postponed"));
        }
        return out;
    }

    private String evidence(IndicatorRow r) {
        if (r.growth() != null && r.planGrowth() != null) {
            BigDecimal diff = r.growthValue().subtract(r.planGrowthValue()).abs();
            return "kết quả thực hiện ước " + r.growth() + (r.value() != null ? ", đạt " + r.value() : "")
                    + ", trong khi kế hoạch đề ra là " + r.planGrowth() + "; "
                    + (Boolean.TRUE.equals(r.met()) ? "vượt " : "thấp hơn ") + VnFormat.decimal(diff, 2) + " điểm phần trăm";
        }
        String p = "indicator." + r.code() + ".";
        BigDecimal value = num(p + "value");
        BigDecimal plan = num(p + "plan-value");
        BigDecimal pct = value.multiply(BigDecimal.valueOf(100)).divide(plan, 6, RoundingMode.HALF_UP);
        return "thực hiện " + fmt(p + "value") + "/" + fmt(p + "plan-value") + ", "
                + (Boolean.TRUE.equals(r.met()) ? "đạt " : "chỉ đạt ") + VnFormat.percent(pct, 2) + " so với kế hoạch";
    }

    // ---- PHẦN THỨ HAI: the next year's targets

    private List<Block> targets() {
        List<Block> out = new ArrayList<>();
        Set<String> codes = new java.util.TreeSet<>();
        for (String k : next.keySet()) {
            Matcher m = INDICATOR_KEY.matcher(k);
            if (m.matches() && (m.group(2).equals("plan-growth") || m.group(2).equals("plan-value"))) {
                codes.add(m.group(1));
            }
        }
        List<String> ordered = new ArrayList<>();
        indicatorOrder.stream().filter(codes::contains).forEach(ordered::add);
        codes.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        for (String code : ordered) {
            String p = "indicator." + code + ".";
            FigureView nameFig = next.get(p + "name") != null ? next.get(p + "name") : f.get(p + "name");
            String name = nameFig != null && nameFig.text() != null ? nameFig.text() : code;
            FigureView growth = next.get(p + "plan-growth");
            if (growth != null && growth.value() != null) {
                out.add(bullet(name + " " + change(growth.value()) + " so cùng kỳ.", p + "plan-growth"));
            } else if (next.get(p + "plan-value") != null) {
                out.add(bullet(name + ": kế hoạch năm " + (year + 1) + " là " + next.get(p + "plan-value").formatted() + ".",
                        p + "plan-value"));
            }
        }
        return out;
    }
}
