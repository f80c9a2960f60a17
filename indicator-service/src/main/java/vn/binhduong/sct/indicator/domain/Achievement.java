package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.binhduong.sct.platform.format.VnFormat;


/**
 * How a value stands against its plan target. Against a target value: achievement in percent of the plan and the
 * variance in the indicator's unit (1.730,9 of 1.711,1 tỷ is 101,16%, "vượt 1,16%"). Against a target growth: the
 * variance in percentage points (IIP +4,51% against +9,2%: −4,69 points, not met).
 */
@Schema(description = "Achievement of a plan target")
public record Achievement(
        @Schema(description = "VALUE when measured against a target value, GROWTH against a target growth", examples = "GROWTH") String basis,
        @Schema(description = "the actual figure compared (value in base unit, or growth in percent)", examples = "4.51") BigDecimal actual,
        @Schema(description = "the target figure (value in base unit, or growth in percent)", examples = "9.2") BigDecimal target,
        @Schema(description = "actual − target (base unit, or percentage points)", examples = "-4.69") BigDecimal variance,
        @Schema(description = "actual ÷ target × 100, for a target value", examples = "101.16") BigDecimal achievementPercent,
        @Schema(description = "whether the target is met, given the indicator's direction", examples = "false") boolean met,
        @Schema(description = "the sentence the report prints", examples = "tăng 4,51% so với kế hoạch tăng 9,2%: chưa đạt") String summary) {

    public static Achievement of(Indicator indicator, BigDecimal value, BigDecimal growth, PlanTarget target) {
        if (target == null) {
            return null;
        }
        boolean up = indicator.direction != Direction.LOWER_IS_BETTER;
        if (target.targetValue != null && value != null) {
            BigDecimal variance = value.subtract(target.targetValue);
            BigDecimal pct = target.targetValue.signum() == 0 ? null
                    : value.multiply(BigDecimal.valueOf(100)).divide(target.targetValue, MathContext.DECIMAL64)
                            .setScale(2, RoundingMode.HALF_UP);
            boolean met = up ? value.compareTo(target.targetValue) >= 0 : value.compareTo(target.targetValue) <= 0;
            BigDecimal display = indicator.scale.factor();
            String summary = "đạt " + VnFormat.decimal(value.divide(display, MathContext.DECIMAL64), 2) + "/"
                    + VnFormat.decimal(target.targetValue.divide(display, MathContext.DECIMAL64), 2) + " "
                    + indicator.displayUnit();
            if (pct != null) {
                BigDecimal over = pct.subtract(BigDecimal.valueOf(100));
                summary += ", " + VnFormat.percent(pct, 2) + " kế hoạch"
                        + (over.signum() > 0 ? ", vượt " + VnFormat.percent(over, 2)
                                : over.signum() < 0 ? ", còn thiếu " + VnFormat.percent(over.negate(), 2) : "");
            }
            return new Achievement("VALUE", value, target.targetValue, variance, pct, met,
                    summary + (met ? ": đạt kế hoạch" : ": chưa đạt kế hoạch"));
        }
        if (target.targetGrowth != null && growth != null) {
            BigDecimal variance = growth.subtract(target.targetGrowth);
            boolean met = up ? growth.compareTo(target.targetGrowth) >= 0 : growth.compareTo(target.targetGrowth) <= 0;
            String summary = change(growth) + " so với kế hoạch " + change(target.targetGrowth)
                    + (met ? ": đạt kế hoạch" : ": chưa đạt kế hoạch");
            return new Achievement("GROWTH", growth, target.targetGrowth, variance, null, met, summary);
        }
        return null;
    }

    /** "tăng 4,51%" / "giảm 1,6%". */
    public static String change(BigDecimal growth) {
        return (growth.signum() < 0 ? "giảm " : "tăng ") + VnFormat.percent(growth.abs(), 2);
    }
}
