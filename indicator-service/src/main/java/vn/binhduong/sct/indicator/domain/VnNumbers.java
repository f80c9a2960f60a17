package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Vietnamese number text ({@code 1.730,9}) for any value the columns hold. The platform's {@code VnFormat.decimal}
 * groups the whole part through a {@code long}, so a value of 2^63 or more (which NUMERIC(38, 6) stores) threw
 * NumberFormatException and the request answered 500; this groups the digits as text instead, same output otherwise.
 */
public final class VnNumbers {
    private VnNumbers() {
    }

    /** Rounded half-up to at most {@code maxDecimals}, trailing zeros dropped: {@code 1730.9} → {@code 1.730,9}. */
    public static String decimal(BigDecimal value, int maxDecimals) {
        BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder sb = new StringBuilder();
        int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        sb.append(whole, 0, first);
        for (int i = first; i < whole.length(); i += 3) {
            sb.append('.').append(whole, i, i + 3);
        }
        return (rounded.signum() < 0 ? "-" : "") + sb + (fraction.isEmpty() ? "" : "," + fraction);
    }

    /** A value already in percent: {@code 4.51} → {@code 4,51%}. */
    public static String percent(BigDecimal percentValue, int maxDecimals) {
        return decimal(percentValue, maxDecimals) + "%";
    }
}
