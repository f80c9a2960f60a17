package vn.binhduong.sct.indicator.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

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
    static final List<String> CSV_COLUMNS = List.of("indicator", "organization", "period", "kind", "value", "growth",
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

    /** Parses CSV with a header naming some of {@link #CSV_COLUMNS}; quotes with "" escapes; decimal point '.'. */
    public static List<Parsed> parseCsv(String text) {
        List<List<String>> records = csvRecords(Nfc.of(text == null ? "" : text));
        if (records.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV is empty: a header line is needed: " + String.join(",", CSV_COLUMNS));
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = header.stream().filter(h -> !CSV_COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty() || !header.containsAll(List.of("indicator", "organization", "period", "kind"))) {
            throw ProblemException.invalid("body", "the CSV header must name indicator, organization, period, kind and "
                    + "some of value, growth, unit, source, note" + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        List<Parsed> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            int line = i + 1;
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            Map<String, String> f = new HashMap<>();
            for (int c = 0; c < header.size() && c < rec.size(); c++) {
                String v = rec.get(c).strip();
                f.put(header.get(c), v.isEmpty() ? null : v);
            }
            try {
                rows.add(new Parsed(line, new ValueRequest(f.get("indicator"), f.get("organization"), f.get("period"),
                        f.get("kind") == null ? null : ValueKind.valueOf(f.get("kind").toUpperCase(Locale.ROOT)),
                        number(f.get("value")), number(f.get("growth")),
                        f.get("unit") == null ? null : Unit.valueOf(f.get("unit").toUpperCase(Locale.ROOT)),
                        f.get("source"), f.get("note"), null), null));
            } catch (IllegalArgumentException e) {
                rows.add(new Parsed(line, null, "cannot read the row: " + e.getMessage()));
            }
        }
        return rows;
    }

    private static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number (use a decimal point, no grouping)");
        }
    }

    private static List<List<String>> csvRecords(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
            } else if (c != '\uFEFF') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !current.isEmpty()) {
            current.add(field.toString());
            records.add(current);
        }
        return records;
    }
}
