package vn.binhduong.sct.covid.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.binhduong.sct.platform.problem.ProblemException;

/** Cross-field rules shared by the API and the bulk upload; each refusal names the numbers behind it. */
public final class Rules {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Rules() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The reason a row breaks a rule, or null; the bulk upload lists it, the API turns it into a 422. */
    public static String testCountsProblem(LocalDate date, long tests, long positives) {
        if (tests < 0 || positives < 0) {
            return "counts may not be negative (tests " + tests + ", positives " + positives + ")";
        }
        if (positives > tests) {
            return "positives (" + positives + ") exceed tests performed (" + tests + ")";
        }
        if (date.isAfter(today())) {
            return "date " + date + " is in the future";
        }
        return null;
    }

    public static void requireNotFuture(String field, LocalDate date) {
        if (date.isAfter(today())) {
            throw ProblemException.ruleViolated("date-in-future", field + " " + date + " is after today (" + today() + ")",
                    Map.of("field", field, "date", date.toString(), "today", today().toString()));
        }
    }

    public static void requireAtMost(String partField, long part, String wholeField, long whole) {
        if (part > whole) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put(partField, part);
            ext.put(wholeField, whole);
            throw ProblemException.ruleViolated(slug(partField) + "-exceed-" + slug(wholeField),
                    partField + " (" + part + ") may not exceed " + wholeField + " (" + whole + ")", ext);
        }
    }

    private static String slug(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
