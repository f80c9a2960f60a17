package vn.binhduong.sct.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Vietnamese number and date formats: 1.646; 0,57; 04/12/2021; 14:05 04/12/2021 (Asia/Ho_Chi_Minh). */
public final class Vn {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    private Vn() {
    }

    /** Grouped by '.', decimals after ',', at most {@code decimals} of them, trailing zeros dropped. */
    public static String number(BigDecimal v, int decimals) {
        if (v == null) {
            return "–";
        }
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setGroupingSeparator('.');
        s.setDecimalSeparator(',');
        s.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "#".repeat(decimals) : "#,##0", s);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    public static String number(BigDecimal v) {
        return number(v, 2);
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t.atZone(ZONE));
    }
}
