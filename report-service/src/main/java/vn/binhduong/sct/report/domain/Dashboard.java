package vn.binhduong.sct.report.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The internal dashboard of one organisation and year: tiles grouped by domain, each read from the figures. */
@Schema(description = "Dashboard of one organisation and year: groups of tiles read from the projection figures (no personal data)")
public record Dashboard(
        @Schema(description = "organisation code", examples = "DB-SCT") String organization,
        @Schema(description = "year", examples = "2021") int year,
        @Schema(description = "groups in a fixed order: membership, evaluation, party-inspection, covid, indicators,"
                + " data-quality; a group whose figures are absent has no tiles") List<Group> groups) {

    @Schema(description = "A group of tiles of one domain")
    public record Group(
            @Schema(description = "stable code", examples = "membership") String code,
            @Schema(description = "Vietnamese title", examples = "Đảng viên") String title,
            @Schema(description = "tiles, in a fixed order; a tile whose figure does not exist is left out") List<Tile> tiles) {
    }

    @Schema(description = "One number of the dashboard, with where it comes from and, for a target, how far from it")
    public record Tile(
            @Schema(description = "stable code of the tile", examples = "membership.total") String code,
            @Schema(description = "Vietnamese label", examples = "Tổng số đảng viên") String label,
            @Schema(description = "figure key the value is read from (GET /api/v1/figures); for a value computed here, the key"
                    + " it stands for; null for the count of annex rows", examples = "member.count.total") String key,
            @Schema(description = "the value in its unit (money in whole VND or USD, rates and growth in percent)",
                    examples = "60") BigDecimal value,
            @Schema(description = "unit: count, percent, VND, USD, kWh, index", examples = "count") String unit,
            @Schema(description = "the value written the Vietnamese way, as the report writes it", examples = "60") String text,
            @Schema(description = "date the value holds at, when the source states one", examples = "2021-12-04") LocalDate asOf,
            @Schema(description = "target or plan the value is held against (same unit); null without one", examples = "9.2")
            BigDecimal target,
            @Schema(description = "the target written the Vietnamese way", examples = "tăng 9,2%") String targetText,
            @Schema(description = "value minus target (percentage points for growth and shares)", examples = "-4.69")
            BigDecimal gap,
            @Schema(description = "the comparison in words", examples = "Chưa đạt kế hoạch, thấp hơn 4,69 điểm phần trăm")
            String gapText,
            @Schema(description = "true when the target is met (a quota: not exceeded), false when not, null without target",
                    examples = "false") Boolean met,
            @Schema(description = "figure keys a computed value is derived from; empty for a figure read as it is")
            List<String> sources,
            @Schema(description = "what the count is made of, when the dashboard names it (postponed items, rules broken)")
            List<String> items) {

        public Tile {
            value = plain(value);
            target = plain(target);
            gap = plain(gap);
            sources = sources == null ? List.of() : List.copyOf(sources);
            items = items == null ? List.of() : List.copyOf(items);
        }

        public static Tile of(String code, String label, FigureView f) {
            return new Tile(code, label, f.key(), f.value(), f.unit().code(), f.formatted(), f.asOf(), null, null, null, null,
                    null, List.of(), List.of());
        }
    }

    @Schema(description = "One figure across years, for a chart")
    public record Series(
            @Schema(description = "organisation code", examples = "DB-SCT") String organization,
            @Schema(description = "figure key", examples = "indicator.IIP.growth") String key,
            @Schema(description = "unit of the values (of the latest point); null without points", examples = "percent") String unit,
            @Schema(description = "first year of the series; null when the figure exists in no year", examples = "2019") Integer from,
            @Schema(description = "last year of the series", examples = "2021") Integer to,
            @Schema(description = "one point per year from..to; value and text null in a year without the figure")
            List<Point> points) {
    }

    @Schema(description = "The figure in one year")
    public record Point(
            @Schema(description = "year", examples = "2021") int year,
            @Schema(description = "value, null when the figure does not exist that year", examples = "4.51") BigDecimal value,
            @Schema(description = "the value written the Vietnamese way", examples = "4,51%") String text,
            @Schema(description = "organisation whose figure it is (a related organisation's for department figures)",
                    examples = "SCT-BD") String organization,
            @Schema(description = "date the value holds at", examples = "2021-12-04") LocalDate asOf) {
        public Point {
            value = plain(value);
        }
    }

    /** 1E+1 (a stripped 10) is written as 10: dashboards read plain numbers. */
    static BigDecimal plain(BigDecimal v) {
        return v == null || v.scale() >= 0 ? v : v.setScale(0);
    }
}
