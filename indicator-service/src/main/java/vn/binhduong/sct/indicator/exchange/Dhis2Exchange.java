package vn.binhduong.sct.indicator.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import vn.binhduong.sct.indicator.api.ValueApi.ImportRow;
import vn.binhduong.sct.indicator.api.ValueApi.ImportSummary;
import vn.binhduong.sct.indicator.api.ValueApi.ValueRequest;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.indicator.exchange.Dhis2Api.Conflict;
import vn.binhduong.sct.indicator.exchange.Dhis2Api.DataValue;
import vn.binhduong.sct.indicator.exchange.Dhis2Api.DataValueSet;
import vn.binhduong.sct.indicator.service.ImportService;
import vn.binhduong.sct.indicator.service.Organizations;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * Indicator values as DHIS2 {@code dataValueSets}: the data element is the indicator, the org unit the organisation,
 * the period in DHIS2's notation ({@code 202112}, {@code 2021Q4}, {@code 2021}), the value a decimal string in the
 * indicator's base unit. With {@code idScheme=UID} (DHIS2's default) ids go through the configured mapping
 * ({@link Dhis2Config}); with {@code idScheme=CODE} the platform's codes are the DHIS2 codes. An import runs every
 * value through the checks of a single recording (as the CSV and JSON imports do) and reports each value it did not
 * import as a conflict, with its index, the way DHIS2's import summary does.
 */
@ApplicationScoped
public class Dhis2Exchange {
    public static final String SOURCE = "DHIS2 dataValueSets";

    public enum IdScheme {
        UID, CODE
    }

    private final Map<String, String> elementOf;
    private final Map<String, String> indicatorOf = new HashMap<>();
    private final Map<String, String> unitOf;
    private final Map<String, String> organizationOf = new HashMap<>();
    private final ImportService imports;
    private final Organizations organizations;

    public Dhis2Exchange(Dhis2Config config, ImportService imports, Organizations organizations) {
        this.imports = imports;
        this.organizations = organizations;
        this.elementOf = Map.copyOf(config.dataElements());
        this.unitOf = Map.copyOf(config.orgUnits());
        invert(elementOf, indicatorOf, "sct.dhis2.data-elements");
        invert(unitOf, organizationOf, "sct.dhis2.org-units");
    }

    private static void invert(Map<String, String> forward, Map<String, String> inverse, String property) {
        forward.forEach((code, uid) -> {
            String previous = inverse.put(uid.strip(), code);
            if (previous != null) {
                throw new IllegalStateException(property + ": " + uid + " is mapped from both " + previous + " and " + code);
            }
        });
    }

    /** The values as data values; in the UID scheme, values of unmapped indicators or organisations are left out. */
    public List<DataValue> export(List<IndicatorValue> values, IdScheme scheme) {
        List<DataValue> out = new ArrayList<>();
        for (IndicatorValue v : values) {
            if (v.value == null) {
                continue; // a growth alone is not a DHIS2 data value
            }
            String element = scheme == IdScheme.CODE ? v.indicator.code : elementOf.get(v.indicator.code);
            String unit = scheme == IdScheme.CODE ? v.organization : unitOf.get(v.organization);
            if (element == null || unit == null) {
                continue;
            }
            out.add(new DataValue(element, v.periodValue().dhis2(), unit, null, null,
                    v.value.stripTrailingZeros().toPlainString(), v.recordedBy, v.recordedAt, v.note, null));
        }
        return out;
    }

    public Dhis2Api.ImportSummary importSet(DataValueSet set, IdScheme scheme, ValueKind kind, boolean dryRun) {
        if (set == null || set.dataValues() == null) {
            throw ProblemException.invalid("dataValues", "is required: a list of data values");
        }
        if (set.dataValues().size() > ImportService.MAX_ROWS) {
            throw ProblemException.invalid("dataValues", "at most " + ImportService.MAX_ROWS + " data values a request");
        }
        List<Conflict> conflicts = new ArrayList<>();
        List<ImportService.Parsed> rows = new ArrayList<>();
        Map<Integer, DataValue> byLine = new HashMap<>();
        for (int i = 0; i < set.dataValues().size(); i++) {
            DataValue dv = set.dataValues().get(i);
            if (dv == null) {
                conflicts.add(new Conflict(null, "a data value is null", null, List.of(i)));
                continue;
            }
            Conflict c = null;
            String element = dv.dataElement();
            String unit = dv.orgUnit() == null ? set.orgUnit() : dv.orgUnit();
            String periodText = dv.period() == null ? set.period() : dv.period();
            String indicator = element == null ? null : scheme == IdScheme.CODE ? element : indicatorOf.get(element);
            String organization = unit == null ? null : scheme == IdScheme.CODE ? unit : organizationOf.get(unit);
            Period period = null;
            BigDecimal value = null;
            if (indicator == null || Indicator.byCode(indicator) == null) {
                c = new Conflict(element, element == null ? "data element is missing"
                        : "data element not found: " + (indicator == null ? "no indicator is mapped to it"
                                : "no indicator has this code"), "dataElement", List.of(i));
            } else if (organization == null || !organizations.isKnown(organization)) {
                c = new Conflict(unit, unit == null ? "org unit is missing"
                        : "org unit not found: " + (organization == null ? "no organisation is mapped to it"
                                : "no configured organisation has this code"), "orgUnit", List.of(i));
            } else if (dv.categoryOptionCombo() != null || dv.attributeOptionCombo() != null) {
                c = new Conflict(dv.categoryOptionCombo() != null ? dv.categoryOptionCombo() : dv.attributeOptionCombo(),
                        "only the default category and attribute option combos are supported: leave them out",
                        dv.categoryOptionCombo() != null ? "categoryOptionCombo" : "attributeOptionCombo", List.of(i));
            } else {
                try {
                    period = Period.parseDhis2(periodText, "period");
                } catch (ProblemException e) {
                    c = new Conflict(periodText, "period is not valid: " + Period.DHIS2_FORMAT, "period", List.of(i));
                }
                if (c == null) {
                    try {
                        value = dv.value() == null || dv.value().length() > 60 ? null
                                : new BigDecimal(dv.value().strip());
                    } catch (NumberFormatException e) {
                        value = null;
                    }
                    if (value == null) {
                        c = new Conflict(dv.value() == null ? null : abbreviate(dv.value()),
                                "value is not a number (digits with a decimal point)", "value", List.of(i));
                    }
                }
            }
            if (c != null) {
                conflicts.add(c);
                continue;
            }
            rows.add(new ImportService.Parsed(i + 1, new ValueRequest(indicator, organization, period.code(), kind,
                    value, null, null, SOURCE, dv.comment(), null), null));
            byLine.put(i + 1, dv);
        }
        ImportSummary summary = imports.run(rows, dryRun);
        for (ImportRow r : summary.details()) {
            if (r.outcome().equals("REJECTED")) {
                DataValue dv = byLine.get(r.line());
                conflicts.add(new Conflict(dv.dataElement() + " " + (dv.period() == null ? set.period() : dv.period())
                        + " " + (dv.orgUnit() == null ? set.orgUnit() : dv.orgUnit()), r.reason(), null,
                        List.of(r.line() - 1)));
            }
        }
        conflicts.sort(java.util.Comparator.comparing(c -> c.indexes().get(0)));
        int imported = summary.created();
        int updated = summary.updated();
        int ignored = summary.ignored() + conflicts.size();
        String status = conflicts.isEmpty() ? "SUCCESS" : imported + updated + summary.ignored() > 0 ? "WARNING" : "ERROR";
        return new Dhis2Api.ImportSummary("ImportSummary", status,
                new Dhis2Api.ImportOptions(dryRun, scheme.name(), kind.name()),
                (dryRun ? "Dry run: nothing stored. " : "") + "Import process completed successfully",
                new Dhis2Api.ImportCount(imported, updated, ignored, 0), conflicts);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    public static IdScheme scheme(String text) {
        if (text == null) {
            return IdScheme.UID;
        }
        try {
            return IdScheme.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("idScheme", "UID (the configured mapping) or CODE (the platform's codes)");
        }
    }
}
