package vn.binhduong.sct.indicator.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.indicator.domain.Achievement;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Unit;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.indicator.domain.ValueRevision;
import vn.binhduong.sct.indicator.events.IndicatorEvents.ValueRecorded;
import vn.binhduong.sct.indicator.service.ValueFacts;

/** Request and response records of values and their import. */
public final class ValueApi {
    public record ValueRequest(
            @Schema(description = "indicator code (not a derived one)", examples = "EXPORT") @NotBlank @Size(max = 40) String indicator,
            @Schema(description = "organisation the figure belongs to", examples = "SCT-BD") @NotBlank @Size(max = 40) @Pattern(regexp = CatalogueApi.CODE, message = CatalogueApi.CODE_MESSAGE) String organization,
            @Schema(description = "period: 2021, 2021Q4 or 2021-12", examples = "2021") @NotBlank @Size(max = 10) String period,
            @Schema(description = "ESTIMATE (ước), PRELIMINARY, ACTUAL or FINAL", examples = "ESTIMATE") @NotNull ValueKind kind,
            @Schema(description = "value in the indicator's base unit (31,5 tỷ USD is 31500000000); omit when only the growth is published", examples = "31500000000") BigDecimal value,
            @Schema(description = "growth versus the same period last year as published, in percent", examples = "13.5") BigDecimal growth,
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
            @Schema(description = "CREATED, UPDATED or UNCHANGED, on a write") String outcome) {
        public static ValueView of(IndicatorValue v, String outcome) {
            ValueRecorded f = ValueFacts.of(v);
            return new ValueView(v.id, f.indicatorCode(), f.indicatorName(), f.organization(), f.period(),
                    f.periodType(), v.kind, f.value(), f.unit(), f.displayValue(), f.displayUnit(), f.displayText(),
                    f.growth(), f.growthBasis(), f.publishedGrowth(), f.baseValue(), v.derived, f.formula(), f.inputs(),
                    v.source, v.note, f.targetValue(), f.targetGrowth(), f.planDocument(), f.achievement(), v.revision,
                    v.version, v.recordedAt, outcome);
        }
    }

    public record RevisionView(int revision, ValueKind kind, BigDecimal value, BigDecimal publishedGrowth,
            Map<String, BigDecimal> inputs, String source, String note, OffsetDateTime recordedAt, String recordedBy) {
        public static RevisionView of(ValueRevision r) {
            return new RevisionView(r.revision, r.kind, ValueFacts.plain(r.value), ValueFacts.plain(r.publishedGrowth), ValueFacts.plain(r.inputs), r.source, r.note,
                    r.recordedAt, r.recordedBy);
        }
    }

    public record ImportRequest(@Schema(description = "rows, each like a single value request") @NotEmpty @Size(max = 10000) List<@NotNull ValueRequest> rows) {
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
