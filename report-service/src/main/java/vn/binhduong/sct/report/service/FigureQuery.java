package vn.binhduong.sct.report.service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.Unit;
import vn.binhduong.sct.report.report.ReportDocument;

/** Reads the figures of one organisation and year, with its related organisations and its current-state facts. */
@ApplicationScoped
public class FigureQuery {
    private final EntityManager em;
    private final Map<String, List<String>> related = new LinkedHashMap<>();

    public FigureQuery(EntityManager em,
            @ConfigProperty(name = "sct.report.related-organizations") Optional<List<String>> relatedOrganizations) {
        this.em = em;
        for (String pair : relatedOrganizations.orElse(List.of())) {
            String[] p = pair.split(":");
            if (p.length == 2) {
                related.computeIfAbsent(p[0].trim(), k -> new ArrayList<>()).add(p[1].trim());
            }
        }
    }

    /** The organisation itself first, then the department whose indicators and operations its report covers. */
    public List<String> scope(String organization) {
        List<String> orgs = new ArrayList<>();
        orgs.add(organization);
        orgs.addAll(related.getOrDefault(organization, List.of()));
        return orgs;
    }

    /**
     * Every figure the report of {@code organization} for {@code year} may print, by key. A figure of the organisation
     * itself wins over one of a related organisation; a figure of the year wins over a current-state one (year 0).
     */
    public Map<String, FigureView> figures(String organization, int year) {
        List<String> orgs = scope(organization);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type FROM figure
                WHERE organization IN (?1) AND year IN (0, ?2)""")
                .setParameter(1, orgs).setParameter(2, year).getResultList();
        Map<String, FigureView> result = new TreeMap<>();
        Map<String, Integer> rank = new TreeMap<>();
        for (Object[] r : rows) {
            FigureView f = view(r);
            int score = orgs.indexOf(f.organization()) * 2 + (f.year() == 0 ? 1 : 0);
            Integer existing = rank.get(f.key());
            if (existing == null || score < existing) {
                rank.put(f.key(), score);
                result.put(f.key(), f);
            }
        }
        return result;
    }

    public record Page(List<FigureView> items, long total) {
    }

    public Page page(String organization, Integer year, String prefix, int offset, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<Integer, Object> params = new LinkedHashMap<>();
        if (organization != null) {
            where.append(" AND organization = ?1");
            params.put(1, organization);
        }
        if (year != null) {
            where.append(" AND year = ?2");
            params.put(2, year);
        }
        if (prefix != null) {
            where.append(" AND figure_key LIKE ?3");
            params.put(3, prefix.replace("%", "") + "%");
        }
        var count = em.createNativeQuery("SELECT COUNT(*) FROM figure" + where);
        var list = em.createNativeQuery("SELECT organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type"
                + " FROM figure" + where + " ORDER BY organization, year, figure_key");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.setFirstResult(offset).setMaxResults(size).getResultList();
        return new Page(rows.stream().map(FigureQuery::view).toList(), ((Number) count.getSingleResult()).longValue());
    }

    /** The labelled contributions of one category of a summed metric (the cells rated excellent, the postponed items). */
    public List<String> labels(String organization, int year, String metric, String category) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                SELECT COALESCE(label, subject_id) FROM projection_contribution
                WHERE organization IN (?1) AND year IN (0, ?2) AND metric = ?3
                  AND (CAST(?4 AS VARCHAR) IS NULL OR UPPER(category) = UPPER(CAST(?4 AS VARCHAR)))
                ORDER BY COALESCE(label, subject_id), subject_id""")
                .setParameter(1, scope(organization)).setParameter(2, year).setParameter(3, metric).setParameter(4, category)
                .getResultList();
        return rows;
    }

    /**
     * The violations of indicator-service's rules for the organisation and its related ones in that year, as each rule's
     * last {@code validation.violation-found} states them (a violation resolved later stays listed: indicator-service
     * removes it without an event). Left is the figure as stated, right the figure computed from the others.
     */
    public List<ReportDocument.Finding> indicatorViolations(String organization, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT rule_code, rule_name, left_expression, left_value, right_expression, right_value, difference, message,
                       operator, period
                FROM projection_indicator_violation WHERE organization IN (?1) AND year = ?2
                ORDER BY rule_code, organization, period""")
                .setParameter(1, scope(organization)).setParameter(2, year).getResultList();
        Map<String, String[]> units = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> unitRows = em.createNativeQuery("SELECT indicator_code, scale, display_unit, unit FROM projection_indicator_unit")
                .getResultList();
        unitRows.forEach(u -> units.put((String) u[0], new String[] { (String) u[1], (String) u[2], (String) u[3] }));
        List<ReportDocument.Finding> result = new ArrayList<>();
        for (Object[] r : rows) {
            String code = (String) r[0];
            String name = r[1] == null || ((String) r[1]).isBlank() ? code : r[1] + " (" + code + ")";
            DisplayScale display = DisplayScale.of(units, n((String) r[2]), n((String) r[4]));
            result.add(new ReportDocument.Finding("indicator-service:" + code, name, n((String) r[2]), display.format(r[3]),
                    n((String) r[4]), display.format(r[5]), display.format(r[6]), n((String) r[7])));
        }
        return result;
    }

    /**
     * How a rule's values are printed: divided by the scale its indicators share and followed by their display unit
     * (6.800.000.000 with scale BILLION and display unit "tỷ USD" is "6,8 tỷ USD"), or as the raw number when an indicator
     * of the rule is unknown, the indicators differ in scale or display unit, or the scale is one (counts stay plain).
     */
    record DisplayScale(BigDecimal factor, String label) {
        private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");
        static final DisplayScale RAW = new DisplayScale(null, null);

        static DisplayScale of(Map<String, String[]> units, String... expressions) {
            String scale = null;
            String label = null;
            boolean any = false;
            for (String expression : expressions) {
                java.util.regex.Matcher m = IDENTIFIER.matcher(expression);
                while (m.find()) {
                    String[] u = units.get(m.group());
                    if (u == null || u[0] == null) {
                        return RAW;
                    }
                    String l = u[1] != null && !u[1].isBlank() ? u[1].strip() : (word(u[0]) + " " + n(u[2])).strip();
                    if (any && (!u[0].equalsIgnoreCase(scale) || !l.equals(label))) {
                        return RAW;
                    }
                    scale = u[0];
                    label = l;
                    any = true;
                }
            }
            BigDecimal factor = any ? factor(scale) : null;
            return factor == null || factor.compareTo(BigDecimal.ONE) == 0 || label.isEmpty() ? RAW : new DisplayScale(factor, label);
        }

        String format(Object v) {
            if (v == null || factor == null) {
                return number(v);
            }
            return VnFormat.decimal(((BigDecimal) v).divide(factor, 6, java.math.RoundingMode.HALF_UP), 6) + " " + label;
        }

        private static BigDecimal factor(String scale) {
            return switch (scale.toUpperCase(java.util.Locale.ROOT)) {
                case "ONE" -> BigDecimal.ONE;
                case "THOUSAND" -> new BigDecimal("1000");
                case "MILLION" -> new BigDecimal("1000000");
                case "BILLION" -> new BigDecimal("1000000000");
                default -> null;
            };
        }

        private static String word(String scale) {
            return switch (scale.toUpperCase(java.util.Locale.ROOT)) {
                case "THOUSAND" -> "nghìn";
                case "MILLION" -> "triệu";
                case "BILLION" -> "tỷ";
                default -> "";
            };
        }
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** 107 → "107", 6.800000 → "6,8", -0.010000 → "-0,01": the value as stated, at most six decimals. */
    private static String number(Object v) {
        return v == null ? "" : VnFormat.decimal((BigDecimal) v, 6);
    }

    /** Whether any organisation has a figure under this key (a placeholder may name it). */
    public boolean exists(String key) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM figure WHERE figure_key = ?1").setParameter(1, key)
                .getSingleResult()).longValue() > 0;
    }

    private static FigureView view(Object[] r) {
        Unit unit = Unit.of((String) r[5]);
        BigDecimal value = (BigDecimal) r[3];
        String text = (String) r[4];
        LocalDate asOf = r[6] == null ? null : r[6] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[6];
        return new FigureView((String) r[2], (String) r[0], ((Number) r[1]).intValue(), value == null ? null : value.stripTrailingZeros(),
                text, unit, asOf, r[7].toString(), (String) r[8], unit.format(value, text));
    }

    static Timestamp ts(java.time.Instant i) {
        return Timestamp.from(i);
    }
}
