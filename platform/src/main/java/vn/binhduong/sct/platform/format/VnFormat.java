package vn.binhduong.sct.platform.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Vietnamese number and date formatting as the department's reports write them: {@code .} groups thousands,
 * {@code ,} separates decimals ({@code 69.180}, {@code 0,47%}, {@code 1.730,9}), dates as day/month/year with a
 * two-digit day ({@code 02/9/2021}, {@code 04/12/2021}), small counts with a leading zero ({@code 01 đảng viên}).
 */
public final class VnFormat {
    private VnFormat() {
    }

    /** {@code 69180} → {@code 69.180}. */
    public static String integer(long value) {
        return (value < 0 ? "-" : "") + group(Long.toString(value).replace("-", ""));
    }

    /** Digits in groups of three ({@code 69180} → {@code 69.180}), as text, so no value is too large to print. */
    private static String group(String digits) {
        StringBuilder sb = new StringBuilder();
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            sb.append('.').append(digits, i, i + 3);
        }
        return sb.toString();
    }

    /**
     * A decimal rounded half-up to at most {@code maxDecimals}, trailing zeros dropped: {@code 1730.9} →
     * {@code 1.730,9}, {@code 31.50} → {@code 31,5}, {@code 14.0} → {@code 14}.
     */
    public static String decimal(BigDecimal value, int maxDecimals) {
        BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        BigDecimal abs = rounded.abs();
        String plain = abs.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        String grouped = group(whole);
        return (rounded.signum() < 0 ? "-" : "") + grouped + (fraction.isEmpty() ? "" : "," + fraction);
    }

    /** A decimal with exactly {@code decimals} places: {@code fixed(0.4666, 2)} → {@code 0,47}. */
    public static String fixed(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        return (rounded.signum() < 0 ? "-" : "") + group(whole) + (fraction.isEmpty() ? "" : "," + fraction);
    }

    /** A value already in percent: {@code percent(4.51, 2)} → {@code 4,51%}; trailing zeros dropped. */
    public static String percent(BigDecimal percentValue, int maxDecimals) {
        return decimal(percentValue, maxDecimals) + "%";
    }

    /** {@code part / whole} as a percentage with exactly {@code decimals} places: 392 of 69.180 → {@code 0,57%}. */
    public static String percentOf(long part, long whole, int decimals) {
        if (whole == 0) {
            throw new ArithmeticException("percentage of zero");
        }
        BigDecimal pct = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), decimals + 4, RoundingMode.HALF_UP);
        return fixed(pct, decimals) + "%";
    }

    /** Counts below ten with a leading zero, as party documents write them: 1 → {@code 01}, 60 → {@code 60}. */
    public static String count(long value) {
        return value >= 0 && value < 10 ? "0" + value : integer(value);
    }

    /** {@code 2021-09-02} → {@code 02/9/2021}. */
    public static String date(LocalDate date) {
        return String.format("%02d/%d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** {@code 2021-12-04} → {@code ngày 04 tháng 12 năm 2021}, the form of a document's date line. */
    public static String longDate(LocalDate date) {
        return String.format("ngày %02d tháng %02d năm %d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
