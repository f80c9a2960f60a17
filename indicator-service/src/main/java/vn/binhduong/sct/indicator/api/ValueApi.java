package vn.binhduong.sct.indicator.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.indicator.domain.Achievement;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.PlanTarget;
import vn.binhduong.sct.indicator.domain.Unit;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.indicator.domain.ValueRevision;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads.ValueRecorded;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.indicator.service.PeriodRollup;
import vn.binhduong.sct.indicator.service.ValueFacts;
import vn.binhduong.sct.platform.format.VnFormat;

/** Request and response records of values and their import. */
public final class ValueApi {
    /** What the NUMERIC(38, 6) value columns hold: a larger number is refused before it reaches PostgreSQL. */
    public static final int VALUE_DIGITS = 32;
    public static final int VALUE_FRACTION = 6;
    public static final String VALUE_MESSAGE = "out of range: at most 32 digits before the decimal point and 6 after";
    /** What the NUMERIC(14, 4) growth columns hold. */
    public static final int GROWTH_DIGITS = 10;
    public static final int GROWTH_FRACTION = 4;
    public static final String GROWTH_MESSAGE = "out of range: at most 10 digits before the decimal point and 4 after";

    public record ValueRequest(
            @Schema(description = "indicator code (not a derived one)", examples = "EXPORT") @NotBlank @Size(max = 40) String indicator,
            @Schema(description = "organisation the figure belongs to", examples = "SCT-BD") @NotBlank @Size(max = 40) @Pattern(regexp = CatalogueApi.CODE, message = CatalogueApi.CODE_MESSAGE) String organization,
            @Schema(description = "period: 2021, 2021Q4 or 2021-12", examples = "2021") @NotBlank @Size(max = 10) String period,
            @Schema(description = "ESTIMATE (ước), PRELIMINARY, ACTUAL or FINAL", examples = "ESTIMATE") @NotNull ValueKind kind,
            @Schema(description = "value in the indicator's base unit (31,5 tỷ USD is 31500000000); omit when only the growth is published; "
                    + "at most 32 digits before the decimal point and 6 after", examples = "31500000000") @Digits(integer = VALUE_DIGITS, fraction = VALUE_FRACTION, message = VALUE_MESSAGE) BigDecimal value,
            @Schema(description = "growth versus the same period last year as published, in percent; at most 10 digits "
                    + "before the decimal point and 4 after", examples = "13.5") @Digits(integer = GROWTH_DIGITS, fraction = GROWTH_FRACTION, message = GROWTH_MESSAGE) BigDecimal growth,
            @Schema(description = "unit of the value, checked against the indicator's when given", examples = "USD") Unit unit,
            @Schema(description = "where the figure comes from", examples = "Báo cáo 25-BC/ĐU, phần III") @Size(max = 300) String source,
            @Schema(description = "note") @Size(max = 4000) String note,
            @Schema(description = "the version read, to refuse overwriting a newer revision", examples = "0") Integer version) {
    }

    @Schema(description = "A value with its growth, target and achievement")
    public record ValueView(UUID id, String indicator, String indicatorName, String organization, String period,
            String periodType, ValueKind kind,
            @Schema(description = "value in base unit", examples = "31500000000") BigDecimal value, String unit,
            @Schema(description = "value in the display scale", examples = "31.5") BigDecimal displayValue,
            @Schema(examples = "tỷ USD") String displayUnit, @Schema(examples = "31,5 tỷ USD") String displayText,
            @Schema(description = "growth vs same period last year, percent", examples = "13.5") BigDecimal growth,
            @Schema(description = "COMPUTED from last year's stored value, or PUBLISHED", examples = "PUBLISHED") String growthBasis,
            BigDecimal publishedGrowth,
            @Schema(description = "last year's value the growth was computed from") BigDecimal baseValue,
            boolean derived, String formula,
            @Schema(description = "for a derived value: the inputs it was computed from") Map<String, BigDecimal> inputs,
            String source, String note, BigDecimal targetValue, BigDecimal targetGrowth, String planDocument,
            Achievement achievement, int revision, int version, OffsetDateTime recordedAt,
            @Schema(description = "CREATED, UPDATED or UNCHANGED, on a write") String outcome,
            @Schema(description = "true when the value is not stored but computed on read from its sub-periods "
                    + "(values query with aggregate=true); false for a stored value", examples = "false") boolean aggregated,
            @Schema(description = "for an aggregated value: how it was made, from which stored periods, and its coverage") AggregateInfo aggregate) {
        public static ValueView of(IndicatorValue v, String outcome) {
            ValueRecorded f = ValueFacts.of(v);
            return new ValueView(v.id, f.indicatorCode(), f.indicatorName(), f.organization(), f.period(),
                    f.periodType().name(), v.kind, f.value(), f.unit().name(), f.displayValue(), f.displayUnit(), f.displayText(),
                    f.growth(), f.growthBasis() == null ? null : f.growthBasis().name(), f.publishedGrowth(), f.baseValue(), v.derived, f.formula(), f.inputs(),
                    v.source, v.note, f.targetValue(), f.targetGrowth(), f.planDocument(), IndicatorEvents.achievement(f.achievement()), v.revision,
                    v.version, v.recordedAt, outcome, false, null);
        }

        /** A value computed on read from sub-periods; it has no id, revision or history, and is never published. */
        public static ValueView of(PeriodRollup.Rolled r, PeriodRollup.Rolled lastYear) {
            Indicator ind = r.indicator();
            BigDecimal growth = null;
            BigDecimal base = null;
            if (lastYear != null && r.complete() && lastYear.complete() && lastYear.value().signum() != 0) {
                base = lastYear.value();
                growth = r.value().divide(base, java.math.MathContext.DECIMAL64).subtract(BigDecimal.ONE)
                        .multiply(BigDecimal.valueOf(100)).setScale(2, java.math.RoundingMode.HALF_UP);
            }
            BigDecimal value = ValueFacts.plain(r.value());
            BigDecimal display = ValueFacts.display(ind, r.value());
            PlanTarget target = PlanTarget.find(ind.id, r.organization(), r.period().code());
            String source = (r.method().equals(PeriodRollup.FORMULA) ? "tính từ " + ind.formula + " trên số tổng hợp"
                    : "tổng hợp (" + r.method() + ") từ " + String.join(", ", r.sourcePeriods()))
                    + (r.complete() ? "" : ", chưa đủ kỳ: " + r.coveredMonths() + "/" + r.expectedMonths() + " tháng");
            return new ValueView(null, ind.code, ind.name, r.organization(), r.period().code(), r.period().type().name(),
                    r.kind(), value, ind.unit.name(), display, ind.displayUnit(),
                    (VnFormat.decimal(display, 4) + " " + ind.displayUnit()).strip(), growth,
                    growth == null ? null : "COMPUTED", null, ValueFacts.plain(base),
                    ind.derived(), ind.formula, ValueFacts.plain(r.inputs()), source, null,
                    target == null ? null : ValueFacts.plain(target.targetValue),
                    target == null ? null : ValueFacts.plain(target.targetGrowth),
                    target == null ? null : target.planDocument,
                    r.complete() ? Achievement.of(ind, r.value(), growth, target) : null, 0, 0, null, null, true,
                    new AggregateInfo(r.method(), r.sourcePeriods(), r.coveredMonths(), r.expectedMonths(),
                            r.complete()));
        }
    }

    @Schema(description = "How an aggregated value was made from the stored values of its sub-periods")
    public record AggregateInfo(
            @Schema(description = "the indicator's aggregation SUM, LAST or AVERAGE; FORMULA for a derived indicator "
                    + "computed from the aggregated values of its inputs", examples = "SUM") String method,
            @Schema(description = "the stored periods whose values were used (for LAST: the latest one)",
                    examples = "[\"2021-10\", \"2021-11\"]") List<String> sourcePeriods,
            @Schema(description = "months of the period covered by stored values (a stored quarter covers 3)", examples = "2") int coveredMonths,
            @Schema(description = "months in the period: 3 for a quarter, 12 for a year", examples = "3") int expectedMonths,
            @Schema(description = "true when every month of the period is covered", examples = "false") boolean complete) {
    }

    public record RevisionView(int revision, ValueKind kind, BigDecimal value, BigDecimal publishedGrowth,
            Map<String, BigDecimal> inputs, String source, String note, OffsetDateTime recordedAt, String recordedBy) {
        public static RevisionView of(ValueRevision r) {
            return new RevisionView(r.revision, r.kind, ValueFacts.plain(r.value), ValueFacts.plain(r.publishedGrowth), ValueFacts.plain(r.inputs), r.source, r.note,
                    r.recordedAt, r.recordedBy);
        }
    }

    public record ImportRequest(@Schema(description = "rows, each like a single value request; an invalid row is reported as REJECTED with its reason") @NotEmpty @Size(max = 10000) List<@NotNull ValueRequest> rows) {
    }

    public record ImportRow(@Schema(description = "CSV line (header is 1) or JSON position (from 1)") int line,
            String indicator, String organization, String period,
            @Schema(description = "CREATED, UPDATED, IGNORED or REJECTED", examples = "REJECTED") String outcome,
            @Schema(description = "why it was rejected or ignored") String reason) {
    }

    public record ImportSummary(boolean dryRun, int rows, int created, int updated, int ignored, int rejected,
            List<ImportRow> details) {
    }

    private ValueApi() {
    }
}
