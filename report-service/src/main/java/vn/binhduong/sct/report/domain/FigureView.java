package vn.binhduong.sct.report.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One figure of the projections: a value under a stable key, per organisation and year")
public record FigureView(
        @Schema(description = "stable key", examples = "covid.tests.cumulative") String key,
        @Schema(description = "organisation the figure belongs to", examples = "SCT-BD") String organization,
        @Schema(description = "year; 0 for a current-state figure (cells, committee seats)", examples = "2021") int year,
        @Schema(description = "numeric value in the unit (money in whole VND or USD, rates in percent)", examples = "69180") BigDecimal value,
        @Schema(description = "text value for text and rating figures", examples = "EXCELLENT") String text,
        @Schema(description = "unit", examples = "COUNT") Unit unit,
        @Schema(description = "the date the value holds at", examples = "2021-12-04") LocalDate asOf,
        @Schema(description = "id of the event that last set it") String eventId,
        @Schema(description = "type of that event", examples = "testing-total.reported") String eventType,
        @Schema(description = "the value as the report writes it", examples = "69.180") String formatted) {
}
