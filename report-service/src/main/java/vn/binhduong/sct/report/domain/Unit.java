package vn.binhduong.sct.report.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.binhduong.sct.platform.format.VnFormat;

/** The unit of a figure, and how the report writes a value of it. Money is stored in whole units (VND, USD). */
public enum Unit {
    COUNT("count"),
    PERCENT("percent"),
    VND("VND"),
    USD("USD"),
    KWH("kWh"),
    INDEX("index"),
    RATING("rating"),
    TEXT("text");

    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);

    private final String code;

    Unit(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Unit of(String code) {
        for (Unit u : values()) {
            if (u.code.equalsIgnoreCase(code) || u.name().equalsIgnoreCase(code)) {
                return u;
            }
        }
        if ("%".equals(code)) {
            return PERCENT;
        }
        throw new IllegalArgumentException("unknown unit " + code);
    }

    /** The value as the seed document writes it: {@code 01}, {@code 0,57%}, {@code 231.578 tỷ đồng}, {@code 31,5 tỷ USD}. */
    public String format(BigDecimal value, String text) {
        if (value == null && this != TEXT && this != RATING) {
            return "";
        }
        switch (this) {
            case TEXT:
                return text == null ? "" : text;
            case RATING:
                return Rating.label(text);
            case COUNT:
                return VnFormat.count(value.setScale(0, RoundingMode.HALF_UP).longValueExact());
            case PERCENT:
                return VnFormat.percent(value, 2);
            case VND:
                if (value.abs().compareTo(BILLION) >= 0) {
                    return VnFormat.decimal(value.divide(BILLION, 6, RoundingMode.HALF_UP), 1) + " tỷ đồng";
                }
                // millions when that is exact to one decimal (100 triệu đồng); else every đồng (10.325.000 đồng)
                if (value.abs().compareTo(MILLION) >= 0
                        && value.divide(MILLION, 6, RoundingMode.HALF_UP).stripTrailingZeros().scale() <= 1) {
                    return VnFormat.decimal(value.divide(MILLION, 6, RoundingMode.HALF_UP), 1) + " triệu đồng";
                }
                return VnFormat.integer(value.setScale(0, RoundingMode.HALF_UP).longValueExact()) + " đồng";
            case USD:
                if (value.abs().compareTo(BILLION) >= 0) {
                    return VnFormat.decimal(value.divide(BILLION, 6, RoundingMode.HALF_UP), 2) + " tỷ USD";
                }
                if (value.abs().compareTo(MILLION) >= 0) {
                    return VnFormat.decimal(value.divide(MILLION, 6, RoundingMode.HALF_UP), 1) + " triệu USD";
                }
                return VnFormat.integer(value.setScale(0, RoundingMode.HALF_UP).longValueExact()) + " USD";
            case INDEX:
                return VnFormat.decimal(value, 2);
            case KWH:
                if (value.abs().compareTo(BILLION) >= 0) {
                    return VnFormat.decimal(value.divide(BILLION, 6, RoundingMode.HALF_UP), 2) + " tỷ kWh";
                }
                return VnFormat.decimal(value, 2) + " kWh";
            default:
                throw new IllegalStateException();
        }
    }
}
