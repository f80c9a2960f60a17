package vn.binhduong.sct.dashboard;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The API's JSON turned into what the templates print: texts already written the Vietnamese way. */
public final class Views {
    public record TileView(String code, String label, String key, String unit, BigDecimal value, String text, String asOf,
            BigDecimal target, String targetText, String gapText, Boolean met, List<String> items, String historyUrl) {
        public String metText() {
            return met == null ? null : met ? "Đạt" : "Chưa đạt";
        }

        /** A tile that names many items takes two columns. */
        public String width() {
            return items.size() > 2 ? "wide" : "";
        }

        public String metClass() {
            return met == null ? "" : met ? "met" : "unmet";
        }
    }

    public record GroupView(String code, String title, List<TileView> tiles, String chart, String chartTitle) {
    }

    public record VersionView(int version, String generatedAt, String contentHash, List<Map.Entry<String, String>> hashes) {
        /** The first 12 hex digits, for a narrow screen. */
        public String shortHash() {
            return contentHash == null || contentHash.length() < 12 ? contentHash : contentHash.substring(0, 12) + "…";
        }
    }

    public record Freshness(String stamp, String lastEvent, long applied, Long lag, Boolean caughtUp) {
        public String text() {
            StringBuilder s = new StringBuilder();
            if (lastEvent != null && !lastEvent.isEmpty()) {
                s.append("Sự kiện mới nhất đã áp dụng xảy ra lúc ").append(lastEvent).append(" (")
                        .append(Vn.number(BigDecimal.valueOf(applied), 0)).append(" sự kiện)");
            } else {
                s.append("Chưa áp dụng sự kiện nào");
            }
            if (lag != null) {
                s.append(lag == 0 ? "; đã cập nhật đủ, không còn sự kiện chờ"
                        : "; còn " + Vn.number(BigDecimal.valueOf(lag), 0) + " sự kiện chờ áp dụng");
            }
            return s.append('.').toString();
        }
    }

    /** Units whose tiles a group's chart draws. */
    private static final Set<String> COUNTABLE = Set.of("count");

    private Views() {
    }

    static List<GroupView> groups(JsonNode dashboard, String org) {
        List<GroupView> out = new ArrayList<>();
        for (JsonNode g : dashboard.path("groups")) {
            List<TileView> tiles = new ArrayList<>();
            for (JsonNode t : g.path("tiles")) {
                tiles.add(tile(t, org));
            }
            if (tiles.isEmpty()) {
                continue;
            }
            String code = g.path("code").asText();
            String chartTitle = chartTitle(code);
            List<Svg.Bar> bars = chartBars(code, tiles);
            out.add(new GroupView(code, g.path("title").asText(), tiles,
                    bars.size() >= 2 ? Svg.bars(chartTitle, bars) : null, chartTitle));
        }
        return out;
    }

    static TileView tile(JsonNode t, String org) {
        String key = text(t, "key");
        List<String> items = new ArrayList<>();
        t.path("items").forEach(i -> items.add(i.asText()));
        String asOf = t.hasNonNull("asOf") ? Vn.date(LocalDate.parse(t.get("asOf").asText())) : null;
        Boolean met = t.hasNonNull("met") ? t.get("met").asBoolean() : null;
        String history = key == null ? null
                : "/o/" + org + "/history?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        return new TileView(text(t, "code"), label(text(t, "code"), text(t, "label")), key, text(t, "unit"), decimal(t, "value"), text(t, "text"),
                asOf, decimal(t, "target"), text(t, "targetText"), text(t, "gapText"), met, items, history);
    }

    /** The API labels oxygen tiles by their key's tail; say it in Vietnamese. */
    static final Map<String, String> LABELS = Map.of(
            "covid.oxygen.suppliers", "Doanh nghiệp cung ứng khí oxy y tế",
            "covid.oxygen.team.name", "Tổ điều phối oxy y tế",
            "covid.oxygen.team.decision", "Quyết định thành lập Tổ điều phối oxy",
            "covid.oxygen.team.issued-by", "Cơ quan ban hành quyết định",
            "covid.oxygen.coordination", "Lượt điều phối oxy y tế");

    static String label(String code, String label) {
        return code == null ? label : LABELS.getOrDefault(code, label);
    }

    private static String chartTitle(String group) {
        return switch (group) {
            case "membership" -> "Đảng viên: cơ cấu và biến động trong năm";
            case "evaluation" -> "Kết quả đánh giá, xếp loại đảng viên";
            case "party-inspection" -> "Chương trình kiểm tra, giám sát";
            case "covid" -> "Giấy xác nhận nhân viên thiết yếu";
            case "indicators" -> "Chỉ tiêu: thực hiện so với kế hoạch (%)";
            default -> "";
        };
    }

    /** What each group's chart draws: a composition or the indicators against their targets. */
    private static List<Svg.Bar> chartBars(String group, List<TileView> tiles) {
        List<Svg.Bar> bars = new ArrayList<>();
        for (TileView t : tiles) {
            boolean take = switch (group) {
                case "membership" -> Set.of("membership.probationary", "membership.official", "membership.admitted",
                        "membership.confirmed").contains(t.code());
                case "evaluation" -> t.code().startsWith("evaluation.members.") && COUNTABLE.contains(t.unit())
                        && !t.code().endsWith("good-or-better");
                case "party-inspection" -> t.code().startsWith("party-inspection.plan.items");
                case "covid" -> t.code().startsWith("covid.permits.");
                default -> false;
            };
            if (take && t.value() != null) {
                bars.add(new Svg.Bar(t.label(), t.value(), t.text(), null, null));
            }
            if ("indicators".equals(group) && "percent".equals(t.unit()) && t.value() != null && t.target() != null) {
                bars.add(new Svg.Bar(t.label(), t.value(), t.text(), targetValue(t), t.targetText()));
            }
        }
        return bars;
    }

    private static BigDecimal targetValue(TileView t) {
        return t.target();
    }

    static List<VersionView> versions(JsonNode page) {
        List<VersionView> out = new ArrayList<>();
        for (JsonNode v : page.path("items")) {
            List<Map.Entry<String, String>> hashes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.path("hashes").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                hashes.add(Map.entry(e.getKey(), e.getValue().asText()));
            }
            String at = v.hasNonNull("generatedAt") ? Vn.dateTime(Instant.parse(v.get("generatedAt").asText())) : "";
            out.add(new VersionView(v.path("version").asInt(), at, text(v, "contentHash"), hashes));
        }
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isNumber() && !v.isTextual() ? null : new BigDecimal(v.asText());
    }
}
