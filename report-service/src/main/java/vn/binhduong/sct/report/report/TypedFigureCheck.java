package vn.binhduong.sct.report.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.binhduong.sct.report.domain.Placeholders;
import vn.binhduong.sct.report.report.ReportDocument.TypedFigure;

/**
 * Lists the numbers typed into narrative text ("số liệu nhập tay"): what is left of a fragment once placeholders,
 * identifiers of documents (2050/KH-SCT, Chỉ thị 12, Nghị quyết Trung ương 4, 6, 7), dates, years and year ranges,
 * list labels (1., (2)), names in quotation marks (“03 xanh”), "100%" (meaning all) and the configured fixed terms
 * ("27 biểu hiện") are taken out. A figure typed by hand goes stale and no rule can check it: it belongs in data.
 *
 * <p>The answer depends on the text alone, and the texts are the narratives' sources, which change when someone edits a
 * narrative, not per report: each answer is kept (the {@value #REMEMBERED} texts used last), so a report generation
 * scans only what was edited since the last one. (The scan was a fifth of report-service's CPU per generation in the
 * national-scale benchmark's profile.)
 */
public final class TypedFigureCheck {
    /** The words that name the number after them (a document, an article): Chỉ thị 12, Quyết định số 919. */
    private static final List<String> NAMING_WORDS = List.of("chỉ thị", "nghị quyết", "nghị định", "quyết định", "quy định",
            "kế hoạch", "chương trình", "công văn", "thông tư", "luật", "trung ương", "điều", "khoản", "số");
    private static final Pattern NAMED_NUMBER = Pattern.compile("(?iu)(?:" + String.join("|", NAMING_WORDS)
            + ")\\s+\\d+(?:\\s*(?:,|và)\\s*\\d+)*");
    private static final int[] NAMING_WORD_LENGTHS = NAMING_WORDS.stream().mapToInt(String::length).distinct().sorted().toArray();
    private static final Pattern LETTERS_DIGITS = Pattern.compile("\\p{L}+-\\d+|\\p{L}\\d+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*(?:\\s*%)?");
    private static final List<Pattern> NOT_FIGURES = List.of(
            Placeholders.PLACEHOLDER,
            Pattern.compile("“[^”]*”|\"[^\"]*\""),
            // document identifiers: 06-CTr/ĐUSCT, 90/QĐ-SCT, 2218/UBND-NC, 213-QĐ/TW
            Pattern.compile("\\d+(?:[-/][\\p{L}\\p{N}&]*\\p{L}[\\p{L}\\p{N}&]*)+"),
            // a number named by what precedes it: Chỉ thị 12, Nghị quyết Trung ương 4, 6, 7, 8, Quyết định số 919
            TypedFigureCheck.NAMED_NUMBER,
            // dates: 04/12/2021, 22/8, 15.5.1941
            Pattern.compile("\\b\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{4})?\\b"),
            // years and year ranges: 2021, 2020 - 2025, 2018-2021
            Pattern.compile("\\b(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)\\d{2})?\\b"),
            // list labels at the start of a line or after a semicolon: "1. ", "; 5. ", "(2)"
            Pattern.compile("(?m)(?:^|;\\s*)\\d{1,2}\\.\\s"), Pattern.compile("\\(\\d{1,2}\\)"),
            // words with digits: Covid-19, F0, Khóa XII stays Roman
            TypedFigureCheck.LETTERS_DIGITS,
            Pattern.compile("(?<![\\d.,])100\\s*%"));

    /** How many answers are kept: several times the texts of all narratives of a report (a source and its footnotes). */
    static final int REMEMBERED = 1024;

    private record Asked(String section, String sectionNumber, String text) {
    }

    private final List<String> fixedTerms;
    private final Map<Asked, List<TypedFigure>> answers = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Asked, List<TypedFigure>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** @param fixedTerms names whose number is part of the name ("27 biểu hiện" of Nghị quyết Trung ương 4 khóa XII) */
    public TypedFigureCheck(List<String> fixedTerms) {
        this.fixedTerms = List.copyOf(fixedTerms);
    }

    public static final TypedFigureCheck NONE_FIXED = new TypedFigureCheck(List.of());

    /** The typed figures of one text of section {@code section}, each with a few words around it (an unmodifiable list). */
    public List<TypedFigure> find(String section, String sectionNumber, String text) {
        if (text == null) {
            return List.of();
        }
        Asked asked = new Asked(section, sectionNumber, text);
        List<TypedFigure> known = answers.get(asked);
        if (known != null) {
            return known;
        }
        // computed outside the lock: two threads asking the same new text both scan it and keep equal answers
        List<TypedFigure> found = List.copyOf(scan(section, sectionNumber, text));
        answers.put(asked, found);
        return found;
    }

    /** How many answers are kept now (at most {@link #REMEMBERED}). */
    int remembered() {
        return answers.size();
    }

    private List<TypedFigure> scan(String section, String sectionNumber, String text) {
        StringBuilder masked = new StringBuilder(text);
        for (String term : fixedTerms) {
            for (int i = masked.indexOf(term); i >= 0; i = masked.indexOf(term, i + 1)) {
                blank(masked, i, i + term.length());
            }
        }
        for (Pattern p : NOT_FIGURES) {
            // Every later pattern only blanks, and a figure has a digit: with no digit left, nothing is found. (Scanning
            // Vietnamese prose with the case-insensitive naming words at every position was most of a report's CPU.)
            if (!hasDigit(masked)) {
                return new ArrayList<>();
            }
            if (p == NAMED_NUMBER) {
                blankNamedNumbers(masked);
                continue;
            }
            if (p == LETTERS_DIGITS && !letterBeforeDigit(masked)) {
                continue;
            }
            Matcher m = p.matcher(masked.toString());
            while (m.find()) {
                blank(masked, m.start(), m.end());
            }
        }
        List<TypedFigure> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(masked.toString());
        while (m.find()) {
            found.add(new TypedFigure(section, sectionNumber, m.group().strip(), context(text, m.start(), m.end())));
        }
        return found;
    }

    /**
     * What {@code NAMED_NUMBER.matcher(text).find()} blanks, without trying the naming words at every position. A match
     * is a naming word (ending in a letter), spaces, a digit: it starts one naming word's length before the run of spaces
     * that precedes some digit. Only those positions are tried, leftmost first, each as the matcher would try it.
     */
    private static void blankNamedNumbers(StringBuilder masked) {
        String text = masked.toString();
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
        for (int d = 1; d < text.length(); d++) {
            if (isDigit(text.charAt(d)) && isSpace(text.charAt(d - 1))) {
                int w = d - 1;
                while (w > 0 && isSpace(text.charAt(w - 1))) {
                    w--;
                }
                for (int length : NAMING_WORD_LENGTHS) {
                    if (w - length >= 0) {
                        starts.add(w - length);
                    }
                }
            }
        }
        Matcher m = NAMED_NUMBER.matcher(text);
        int from = 0;
        for (int start : starts) {
            if (start >= from && m.region(start, text.length()).lookingAt()) {
                blank(masked, m.start(), m.end());
                from = m.end();
            }
        }
    }

    /** Whether a letter stands right before a digit or before a hyphen and a digit (what LETTERS_DIGITS needs). */
    private static boolean letterBeforeDigit(CharSequence s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            int digit = isDigit(c) ? i : c == '-' && i + 1 < s.length() && isDigit(s.charAt(i + 1)) ? i : -1;
            if (digit > 0 && Character.isLetter(Character.codePointBefore(s, digit))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code \\d} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \\s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void blank(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '\n') {
                s.setCharAt(i, ' ');
            }
        }
    }

    /** The words around a figure: up to four words before and six after, within its sentence. */
    static String context(String text, int from, int to) {
        int start = from;
        int words = 0;
        while (start > 0 && words < 4 && ".;:\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
            if (text.charAt(start) == ' ' && start < from - 1) {
                words++;
            }
        }
        int end = to;
        words = 0;
        while (end < text.length() && words < 6 && ".;:\n,(".indexOf(text.charAt(end)) < 0) {
            if (text.charAt(end) == ' ' && end > to) {
                words++;
            }
            end++;
        }
        return text.substring(start, end).strip();
    }
}
