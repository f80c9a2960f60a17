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

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.binhduong.sct.contract.common.Organisations;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.platform.rules.RuleEngine;
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
        // The organisation code registry (sct.organisation.*, the keys the producers read): the party committee's
        // report covers the department's indicators and operations, published under the department's one code.
        Organisations registry = Organisations.from(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
        related.computeIfAbsent(registry.partyCommittee(), k -> new ArrayList<>()).add(registry.department());
        for (String pair : relatedOrganizations.orElse(List.of())) {
            String[] p = pair.split(":");
            if (p.length == 2) {
                List<String> to = related.computeIfAbsent(p[0].trim(), k -> new ArrayList<>());
                if (!to.contains(p[1].trim())) {
                    to.add(p[1].trim());
                }
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

    /** Whether any figure of {@code organization} itself has been recorded (any year): the organisations report-service knows. */
    public boolean knownOrganization(String organization) {
        return !em.createNativeQuery("SELECT 1 FROM figure WHERE organization = ?1 LIMIT 1").setParameter(1, organization)
                .getResultList().isEmpty();
    }

    public record Page(List<FigureView> items, long total) {
    }

    public Page page(String organization, Integer year, String prefix, int offset, int size) {
        Filter f = filter(organization, year, prefix);
        var list = em.createNativeQuery("SELECT organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type"
                + " FROM figure" + f.where() + " ORDER BY organization, year, figure_key");
        f.params().forEach((k, v) -> list.setParameter(k, v));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.setFirstResult(offset).setMaxResults(size).getResultList();
        return new Page(rows.stream().map(FigureQuery::view).toList(), count(organization, year, prefix));
    }

    /** The cursor after a figure: its place in the list's order (organisation, year, key: the primary key). */
    public static String cursorOf(FigureView f) {
        return Cursor.after(f.organization(), f.year(), f.key());
    }

    /**
     * Up to {@code limit} figures after the cursor {@code after} (null or empty: from the first), in the order of the
     * primary key (organisation, year, key): a range scan of that index from the cursor, as cheap deep in the list as
     * at its start. A cursor that is not one this list gave is a 400 on {@code after}.
     */
    public List<FigureView> keyset(String organization, Integer year, String prefix, String after, int limit) {
        Filter f = filter(organization, year, prefix);
        if (after != null && !after.isEmpty()) {
            Cursor c = Cursor.parse(after, 3);
            long y = c.longValue(1);
            if (y < Integer.MIN_VALUE || y > Integer.MAX_VALUE) {
                throw vn.binhduong.sct.platform.problem.ProblemException.invalid("after", "not a cursor returned by this list");
            }
            int n = f.params().size();
            f.params().put(n + 1, c.string(0));
            f.params().put(n + 2, (int) y);
            f.params().put(n + 3, c.string(2));
            f.where().append(" AND (organization, year, figure_key) > (?").append(n + 1).append(", ?").append(n + 2)
                    .append(", ?").append(n + 3).append(")");
        }
        var list = em.createNativeQuery("SELECT organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type"
                + " FROM figure" + f.where() + " ORDER BY organization, year, figure_key");
        f.params().forEach((k, v) -> list.setParameter(k, v));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.setMaxResults(limit).getResultList();
        return rows.stream().map(FigureQuery::view).toList();
    }

    /** The number of figures the filter selects: an exact count, asked for only when the client wants it. */
    public long count(String organization, Integer year, String prefix) {
        Filter f = filter(organization, year, prefix);
        var count = em.createNativeQuery("SELECT COUNT(*) FROM figure" + f.where());
        f.params().forEach((k, v) -> count.setParameter(k, v));
        return ((Number) count.getSingleResult()).longValue();
    }

    private record Filter(StringBuilder where, Map<Integer, Object> params) {
    }

    private static Filter filter(String organization, Integer year, String prefix) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<Integer, Object> params = new LinkedHashMap<>();
        // ordinal parameters numbered as they appear: Hibernate refuses a ?3 without ?1 (a key filter alone was a 500)
        if (organization != null) {
            params.put(params.size() + 1, organization);
            where.append(" AND organization = ?").append(params.size());
        }
        if (year != null) {
            params.put(params.size() + 1, year);
            where.append(" AND year = ?").append(params.size());
        }
        if (prefix != null) {
            params.put(params.size() + 1, prefix.replace("%", "") + "%");
            where.append(" AND figure_key LIKE ?").append(params.size());
        }
        return new Filter(where, params);
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
            String name = r[1] == null || ((String) r[1]).isBlank() ? "kiểm tra số liệu chỉ tiêu" : (String) r[1];
            DisplayScale display = DisplayScale.of(units, n((String) r[2]), n((String) r[4]));
            result.add(new ReportDocument.Finding("indicator-service:" + code, name, n((String) r[2]), display.format(r[3]),
                    n((String) r[4]), display.format(r[5]), display.format(r[6]),
                    display.rescale(n((String) r[7]), (BigDecimal) r[3], (BigDecimal) r[5], (BigDecimal) r[6])));
        }
        return result;
    }

    /**
     * How a rule's values are printed: divided by the scale its indicators share and followed by their display unit
     * (6.800.000.000 with scale BILLION and display unit "tỷ USD" is "6,8 tỷ USD"), or as the raw number when an indicator
     * of the rule is unknown, the indicators differ in scale or display unit, or the scale is one (counts stay plain).
     */
    record DisplayScale(BigDecimal factor, String label, String baseUnit) {
        private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");
        static final DisplayScale RAW = new DisplayScale(null, null, null);

        static DisplayScale of(Map<String, String[]> units, String... expressions) {
            String scale = null;
            String label = null;
            String baseUnit = null;
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
                    baseUnit = u[2];
                    any = true;
                }
            }
            BigDecimal factor = any ? factor(scale) : null;
            return factor == null || factor.compareTo(BigDecimal.ONE) == 0 || label.isEmpty() ? RAW
                    : new DisplayScale(factor, label, baseUnit);
        }

        /**
         * indicator-service writes a violation's message with the values in base units, as its rule engine formats them
         * ("Thặng dư thương mại báo cáo 6.800.000.000 USD khác ... 6.810.000.000 USD"): each of those numbers, with the
         * base unit written after it if any, becomes the display value ("6,8 tỷ USD"). A number that is not one of the
         * rule's values (a year, a count in the rule's name) is left alone; raw rules keep their message as it is.
         */
        String rescale(String message, BigDecimal... values) {
            if (factor == null || message.isEmpty()) {
                return message;
            }
            List<BigDecimal> distinct = new ArrayList<>();
            for (BigDecimal v : values) {
                if (v != null && distinct.stream().noneMatch(d -> d.compareTo(v) == 0)) {
                    distinct.add(v);
                }
            }
            // the longest written number first, so that 16.800.000.000 is never rewritten through 6.800.000.000
            distinct.sort(java.util.Comparator.comparingInt((BigDecimal v) -> RuleEngine.VIETNAMESE.apply(v).length()).reversed());
            String unitWord = baseUnit == null || baseUnit.isBlank() ? null : baseUnit.strip();
            String out = message;
            for (BigDecimal v : distinct) {
                String written = RuleEngine.VIETNAMESE.apply(v);
                String unitSuffix = unitWord == null ? "" : "(?:\\s*" + java.util.regex.Pattern.quote(unitWord) + "(?![\\p{L}\\d]))?";
                java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?<![\\d.,-])" + java.util.regex.Pattern.quote(written)
                        + "(?![\\d]|[.,]\\d)" + unitSuffix);
                out = p.matcher(out).replaceAll(java.util.regex.Matcher.quoteReplacement(format(v)));
            }
            return out;
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

    /**
     * One figure across years ({@code from}..{@code to}, current-state year 0 excluded), as {@link #figures} would pick
     * it for each year: the organisation's own figure wins over a related organisation's.
     */
    public List<FigureView> series(String organization, String key, int from, int to) {
        List<String> orgs = scope(organization);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type FROM figure
                WHERE organization IN (?1) AND figure_key = ?2 AND year BETWEEN ?3 AND ?4 AND year <> 0""")
                .setParameter(1, orgs).setParameter(2, key).setParameter(3, from).setParameter(4, to).getResultList();
        Map<Integer, FigureView> byYear = new TreeMap<>();
        for (Object[] r : rows) {
            FigureView f = view(r);
            FigureView existing = byYear.get(f.year());
            if (existing == null || orgs.indexOf(f.organization()) < orgs.indexOf(existing.organization())) {
                byYear.put(f.year(), f);
            }
        }
        return List.copyOf(byYear.values());
    }

    /** The first and last year (not 0) in which the organisation or a related one has a figure under this key. */
    public Optional<int[]> seriesRange(String organization, String key) {
        Object[] r = (Object[]) em.createNativeQuery(
                "SELECT MIN(year), MAX(year) FROM figure WHERE organization IN (?1) AND figure_key = ?2 AND year <> 0")
                .setParameter(1, scope(organization)).setParameter(2, key).getSingleResult();
        return r[0] == null ? Optional.empty()
                : Optional.of(new int[] { ((Number) r[0]).intValue(), ((Number) r[1]).intValue() });
    }

    /** Whether the organisation (or one whose figures its reports include) has any figure at all. */
    public boolean hasFigures(String organization) {
        return !em.createNativeQuery("SELECT 1 FROM figure WHERE organization IN (?1) LIMIT 1")
                .setParameter(1, scope(organization)).getResultList().isEmpty();
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
