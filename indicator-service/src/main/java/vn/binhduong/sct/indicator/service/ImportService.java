package vn.binhduong.sct.indicator.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.binhduong.sct.indicator.api.ValueApi.ImportRow;
import vn.binhduong.sct.indicator.api.ValueApi.ImportSummary;
import vn.binhduong.sct.indicator.api.ValueApi.ValueRequest;
import vn.binhduong.sct.indicator.domain.Unit;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.text.Nfc;

/**
 * Bulk import of values. Every row goes through the checks of a single recording; rows that fail are rejected with
 * their reason and the others are stored (or, in a dry run, only counted). Importing the same file again changes
 * nothing: identical rows are ignored.
 */
@ApplicationScoped
public class ImportService {
    public static final List<String> CSV_COLUMNS = List.of("indicator", "organization", "period", "kind", "value", "growth",
            "unit", "source", "note");

    private final ValueService values;
    private final Validator validator;
    private final AuditLog audit;

    public ImportService(ValueService values, Validator validator, AuditLog audit) {
        this.values = values;
        this.validator = validator;
        this.audit = audit;
    }

    /** A parsed row: its line (or position) and either a request or the reason it could not be read. */
    public record Parsed(int line, ValueRequest request, String error) {
    }

    @Transactional
    public ImportSummary run(List<Parsed> rows, boolean dryRun) {
        List<ImportRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        int ignored = 0;
        int rejected = 0;
        for (Parsed p : rows) {
            ValueRequest r = p.request();
            String error = p.error();
            if (error == null) {
                error = beanErrors(r);
            }
            if (error == null) {
                String key = r.indicator() + "|" + r.organization() + "|" + r.period();
                Integer first = seen.putIfAbsent(key, p.line());
                if (first != null) {
                    error = "the same indicator, organisation and period as line " + first;
                }
            }
            String outcome;
            if (error != null) {
                outcome = "REJECTED";
            } else {
                try {
                    ValueService.Plan plan = values.plan(r);
                    outcome = switch (plan.outcome()) {
                        case CREATED -> "CREATED";
                        case UPDATED -> "UPDATED";
                        case UNCHANGED -> "IGNORED";
                    };
                    if (!dryRun) {
                        values.apply(r, plan);
                    }
                } catch (ProblemException e) {
                    outcome = "REJECTED";
                    error = e.getMessage();
                }
            }
            switch (outcome) {
                case "CREATED" -> created++;
                case "UPDATED" -> updated++;
                case "IGNORED" -> ignored++;
                default -> rejected++;
            }
            out.add(new ImportRow(p.line(), r == null ? null : r.indicator(), r == null ? null : r.organization(),
                    r == null ? null : r.period(), outcome, outcome.equals("IGNORED") ? "identical to the stored value" : error));
        }
        if (!dryRun && created + updated > 0) {
            audit.record("VALUES_IMPORTED", null, null, null, created + " created, " + updated + " updated, " + ignored
                    + " ignored, " + rejected + " rejected", null);
        }
        return new ImportSummary(dryRun, rows.size(), created, updated, ignored, rejected, out);
    }

    private String beanErrors(ValueRequest r) {
        var errors = validator.validate(r);
        if (errors.isEmpty()) {
            return null;
        }
        return errors.stream().map(ConstraintViolation::getPropertyPath).map(Object::toString).sorted().distinct()
                .map(f -> f + ": " + errors.stream().filter(v -> v.getPropertyPath().toString().equals(f)).findFirst()
                        .get().getMessage())
                .reduce((a, b) -> a + "; " + b).orElse("invalid");
    }

    /** Most rows one file may hold, as for a JSON import. */
    public static final int MAX_ROWS = 10000;

    /** RFC 4180: comma, double quotes with "" escapes, a quoted field may hold commas and line breaks; LF or CRLF. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /**
     * Parses CSV (RFC 4180, through commons-csv) with a header naming some of {@link #CSV_COLUMNS}; decimal point '.'.
     * A byte-order mark is dropped only as the very first character (U+FEFF anywhere else is data). Each row carries
     * the physical line it starts on (the header is line 1; a quoted line break makes a record span lines), read
     * from the stream record by record.
     */
    public static List<Parsed> parseCsv(Reader input) {
        try (CSVParser parser = CSVParser.parse(withoutBom(input), FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!next(it, 1)) {
                throw ProblemException.invalid("body", "the CSV is empty: a header line is needed: " + String.join(",", CSV_COLUMNS));
            }
            CSVRecord head = it.next();
            long nextStart = parser.getCurrentLineNumber() + 1;
            List<String> header = new ArrayList<>();
            head.forEach(h -> header.add(Nfc.of(h).strip().toLowerCase(Locale.ROOT)));
            List<String> unknown = header.stream().filter(h -> !CSV_COLUMNS.contains(h)).toList();
            if (!unknown.isEmpty() || !header.containsAll(List.of("indicator", "organization", "period", "kind"))) {
                throw ProblemException.invalid("body", "the CSV header must name indicator, organization, period, kind and "
                        + "some of value, growth, unit, source, note" + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
            }
            List<Parsed> rows = new ArrayList<>();
            while (next(it, nextStart)) {
                CSVRecord rec = it.next();
                int line = (int) nextStart;
                nextStart = parser.getCurrentLineNumber() + 1;
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows a file: split it");
                }
                rows.add(row(line, header, rec));
            }
            return rows;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the CSV could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** {@code it.hasNext()}, turning a malformed record into a 400 that names the line it starts on. */
    private static boolean next(Iterator<CSVRecord> it, long line) {
        try {
            return it.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ProblemException.invalid("body", "malformed CSV in the record from line " + line
                    + ": a quoted field must end with a quote followed by a comma or a line break, and every quote "
                    + "inside it must be doubled");
        }
    }

    private static Parsed row(int line, List<String> header, CSVRecord rec) {
        if (rec.size() > header.size()) {
            return new Parsed(line, null, "cannot read the row: " + rec.size() + " fields, the header names "
                    + header.size());
        }
        Map<String, String> f = new HashMap<>();
        for (int c = 0; c < header.size() && c < rec.size(); c++) {
            String v = Nfc.of(rec.get(c)).strip();
            f.put(header.get(c), v.isEmpty() ? null : v);
        }
        try {
            return new Parsed(line, new ValueRequest(f.get("indicator"), f.get("organization"), f.get("period"),
                    f.get("kind") == null ? null : ValueKind.valueOf(f.get("kind").toUpperCase(Locale.ROOT)),
                    number(f.get("value")), number(f.get("growth")),
                    f.get("unit") == null ? null : Unit.valueOf(f.get("unit").toUpperCase(Locale.ROOT)),
                    f.get("source"), f.get("note"), null), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(line, null, "cannot read the row: " + e.getMessage());
        }
    }

    /** Drops one U+FEFF if it is the very first character; every later one is left in the data. */
    static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in instanceof BufferedReader ? in : new BufferedReader(in, 65536), 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    private static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() > 60) {
            throw new IllegalArgumentException("'" + s.substring(0, 20) + "...' is not a number of a sane length");
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number (use a decimal point, no grouping)");
        }
    }
}
