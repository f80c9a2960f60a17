package vn.binhduong.sct.indicator.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * A reporting period in the platform's notation: {@code 2021} (year), {@code 2021Q4} (quarter), {@code 2021-12}
 * (month, ISO 8601 year-month). DHIS2 writes the month without the dash ({@code 202112}); {@link #dhis2()} and
 * {@link #parseDhis2} convert at the DHIS2 exchange only. Months sit in quarters, quarters in years.
 */
public record Period(String code, PeriodType type, int year, int index, LocalDate start, LocalDate end) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern DHIS2_MONTH = Pattern.compile("(\\d{4})(0[1-9]|1[0-2])");

    public static final String DHIS2_FORMAT = "DHIS2 period: a year 2021, a quarter 2021Q4 or a month 202112";

    public static final String FORMAT = "a year 2021, a quarter 2021Q4 or a month 2021-12";

    /** Parses a period code; refuses anything else with a 400 naming {@code field}. */
    public static Period parse(String code, String field) {
        if (code == null) {
            throw ProblemException.invalid(field, "is required: " + FORMAT);
        }
        String c = code.strip();
        Matcher m;
        if ((m = YEAR.matcher(c)).matches()) {
            return year(check(Integer.parseInt(m.group(1)), field));
        }
        if ((m = QUARTER.matcher(c)).matches()) {
            return quarter(check(Integer.parseInt(m.group(1)), field), Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH.matcher(c)).matches()) {
            return month(check(Integer.parseInt(m.group(1)), field), Integer.parseInt(m.group(2)));
        }
        throw ProblemException.invalid(field, "'" + code + "' is not a period: " + FORMAT);
    }

    public static Period parse(String code) {
        return parse(code, "period");
    }

    /** The period in DHIS2's notation: {@code 2021}, {@code 2021Q4}, {@code 202112}. */
    public String dhis2() {
        return type == PeriodType.MONTH ? String.format("%d%02d", year, index) : code;
    }

    /** Reads DHIS2's notation ({@code 2021}, {@code 2021Q4}, {@code 202112}); anything else is a 400 naming {@code field}. */
    public static Period parseDhis2(String code, String field) {
        if (code == null) {
            throw ProblemException.invalid(field, "is required: " + DHIS2_FORMAT);
        }
        String c = code.strip();
        Matcher m;
        if ((m = YEAR.matcher(c)).matches()) {
            return year(check(Integer.parseInt(m.group(1)), field));
        }
        if ((m = QUARTER.matcher(c)).matches()) {
            return quarter(check(Integer.parseInt(m.group(1)), field), Integer.parseInt(m.group(2)));
        }
        if ((m = DHIS2_MONTH.matcher(c)).matches()) {
            return month(check(Integer.parseInt(m.group(1)), field), Integer.parseInt(m.group(2)));
        }
        throw ProblemException.invalid(field, "'" + code + "' is not a " + DHIS2_FORMAT);
    }

    private static int check(int year, String field) {
        if (year < 1975 || year > 2100) {
            throw ProblemException.invalid(field, "year " + year + " is outside 1975..2100");
        }
        return year;
    }

    public static Period year(int y) {
        return new Period(String.valueOf(y), PeriodType.YEAR, y, 1, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    public static Period quarter(int y, int q) {
        LocalDate start = LocalDate.of(y, (q - 1) * 3 + 1, 1);
        return new Period(y + "Q" + q, PeriodType.QUARTER, y, q, start, start.plusMonths(3).minusDays(1));
    }

    public static Period month(int y, int m) {
        LocalDate start = LocalDate.of(y, m, 1);
        return new Period(String.format("%d-%02d", y, m), PeriodType.MONTH, y, m, start, start.plusMonths(1).minusDays(1));
    }

    /** The same period one year earlier ("cùng kỳ"). */
    public Period sameLastYear() {
        return shiftYears(-1);
    }

    public Period sameNextYear() {
        return shiftYears(1);
    }

    private Period shiftYears(int years) {
        return switch (type) {
            case YEAR -> year(year + years);
            case QUARTER -> quarter(year + years, index);
            case MONTH -> month(year + years, index);
        };
    }

    /** The period that directly contains this one, or null for a year. */
    public Period parent() {
        return switch (type) {
            case YEAR -> null;
            case QUARTER -> year(year);
            case MONTH -> quarter(year, (index - 1) / 3 + 1);
        };
    }

    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
