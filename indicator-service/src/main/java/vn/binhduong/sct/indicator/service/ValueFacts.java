package vn.binhduong.sct.indicator.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import vn.binhduong.sct.indicator.domain.Achievement;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PlanTarget;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads.ValueRecorded;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.platform.format.VnFormat;

/** What a stored value means: its growth (computed or published), display form, target and achievement. */
public final class ValueFacts {
    private ValueFacts() {
    }

    public static ValueRecorded of(IndicatorValue v) {
        Indicator ind = v.indicator;
        Period period = v.periodValue();
        IndicatorValue base = IndicatorValue.find(ind.id, v.organization, period.sameLastYear().code());
        BigDecimal baseValue = base == null ? null : base.value;
        BigDecimal growth = null;
        String basis = null;
        if (v.value != null && baseValue != null && baseValue.signum() != 0) {
            growth = v.value.divide(baseValue, MathContext.DECIMAL64).subtract(BigDecimal.ONE)
                    .multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
            basis = "COMPUTED";
        } else if (v.publishedGrowth != null) {
            growth = v.publishedGrowth;
            basis = "PUBLISHED";
        }
        PlanTarget target = PlanTarget.find(ind.id, v.organization, v.period);
        BigDecimal display = v.value == null ? null : display(ind, v.value);
        String text = display == null ? null
                : (VnFormat.decimal(display, 4) + " " + ind.displayUnit()).strip();
        return new ValueRecorded(ind.code, ind.name, v.organization, v.period,
                Labelled.map(period.type(), vn.binhduong.sct.contract.indicator.PeriodType.class),
                Labelled.map(v.kind, vn.binhduong.sct.contract.indicator.ValueKind.class), plain(v.value),
                Labelled.map(ind.unit, vn.binhduong.sct.contract.indicator.Unit.class),
                Labelled.map(ind.scale, vn.binhduong.sct.contract.indicator.Scale.class), ind.displayUnit(),
                display, text, growth, basis == null ? null : vn.binhduong.sct.contract.indicator.GrowthBasis.valueOf(basis),
                plain(v.publishedGrowth), basis != null && basis.equals("COMPUTED") ? plain(baseValue) : null,
                v.derived, ind.formula, plain(v.inputs), v.source, v.note, v.revision, target == null ? null : plain(target.targetValue),
                target == null ? null : plain(target.targetGrowth), target == null ? null : target.planDocument,
                IndicatorEvents.achievement(Achievement.of(ind, v.value, growth, target)));
    }

    /** 107.000000 from the database is 107 to a reader. */
    public static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static java.util.Map<String, BigDecimal> plain(java.util.Map<String, BigDecimal> m) {
        if (m == null) {
            return null;
        }
        java.util.Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        m.forEach((k, x) -> out.put(k, plain(x)));
        return out;
    }

    public static BigDecimal display(Indicator ind, BigDecimal value) {
        return plain(value.divide(ind.scale.factor(), MathContext.DECIMAL64));
    }
}
