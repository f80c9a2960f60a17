package vn.binhduong.sct.indicator.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import vn.binhduong.sct.indicator.domain.Aggregation;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodType;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.platform.rules.Expression;

/**
 * Aggregation across the period hierarchy, on read (DHIS2's aggregate model): a quarter or year without a stored value
 * of its own is made from the stored values of its sub-periods with the indicator's aggregation. A year is made from
 * its four quarters, each quarter being its stored value or, failing that, made from its months. SUM adds, LAST takes
 * the latest sub-period with a value, AVERAGE averages (weighted by the months each part covers, so a year of months
 * is the plain mean of its months), NONE gives no value. A derived indicator is its formula over the (stored or
 * aggregated) values of its inputs for the same period. A stored value always wins; a stored row without a value
 * (growth only) covers nothing and is not replaced by an aggregate.
 */
public final class PeriodRollup {
    /** The method reported for a derived indicator computed from aggregated inputs. */
    public static final String FORMULA = "FORMULA";

    /**
     * An aggregated value: the stored periods it was made from, the months they cover out of the months in the period,
     * and for a derived indicator the inputs its formula read.
     */
    public record Rolled(Indicator indicator, String organization, Period period, String method, BigDecimal value,
            ValueKind kind, List<String> sourcePeriods, int coveredMonths, int expectedMonths,
            Map<String, BigDecimal> inputs) {
        public boolean complete() {
            return coveredMonths >= expectedMonths;
        }
    }

    private final Map<String, Indicator> indicators = new HashMap<>();
    private final Map<String, IndicatorValue> stored = new HashMap<>();

    /** {@code values}: every stored value the periods asked about may read (their sub-periods, the derived' inputs). */
    public PeriodRollup(Collection<Indicator> catalogue, Collection<IndicatorValue> values) {
        catalogue.forEach(i -> indicators.put(i.code, i));
        values.forEach(v -> stored.put(key(v.indicator.code, v.organization, v.period), v));
    }

    private static String key(String code, String organization, String period) {
        return code + "|" + organization + "|" + period;
    }

    /** The aggregate for a period without a stored row, or null when it is stored or nothing makes it. */
    public Rolled aggregate(Indicator indicator, String organization, Period period) {
        if (stored.containsKey(key(indicator.code, organization, period.code()))) {
            return null;
        }
        return effective(indicator, organization, period);
    }

    /** The stored or aggregated value of a period (e.g. the same period last year, to compute a growth), or null. */
    public Rolled valueOf(Indicator indicator, String organization, Period period) {
        return effective(indicator, organization, period);
    }

    /**
     * Every aggregate the stored values make: for each indicator and organisation, the quarters and years above its
     * stored periods (and, for a derived indicator, above its inputs' stored periods) that have no stored row.
     */
    public List<Rolled> candidates() {
        Map<String, Set<String>> dependants = new HashMap<>();
        for (Indicator d : indicators.values()) {
            if (d.derived()) {
                for (String input : closure(d, new HashSet<>())) {
                    dependants.computeIfAbsent(input, k -> new HashSet<>()).add(d.code);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        List<Rolled> out = new ArrayList<>();
        for (IndicatorValue v : stored.values()) {
            Set<String> codes = new HashSet<>(dependants.getOrDefault(v.indicator.code, Set.of()));
            codes.add(v.indicator.code);
            for (String code : codes) {
                for (Period p = v.periodValue().parent(); p != null; p = p.parent()) {
                    if (seen.add(key(code, v.organization, p.code()))) {
                        Rolled r = aggregate(indicators.get(code), v.organization, p);
                        if (r != null) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        return out;
    }

    private Set<String> closure(Indicator d, Set<String> into) {
        for (String name : Expression.parse(d.formula).names()) {
            Indicator in = indicators.get(name);
            if (in != null && into.add(name) && in.derived()) {
                closure(in, into);
            }
        }
        return into;
    }

    private Rolled effective(Indicator ind, String org, Period p) {
        IndicatorValue s = stored.get(key(ind.code, org, p.code()));
        if (s != null) {
            return s.value == null ? null
                    : new Rolled(ind, org, p, null, s.value, s.kind, List.of(p.code()), months(p), months(p), null);
        }
        if (ind.derived()) {
            return derived(ind, org, p);
        }
        if (p.type() == PeriodType.MONTH || ind.aggregation == null || ind.aggregation == Aggregation.NONE) {
            return null;
        }
        List<Rolled> parts = new ArrayList<>();
        for (Period c : children(p)) {
            Rolled r = effective(ind, org, c);
            if (r != null) {
                parts.add(r);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        int covered = 0;
        ValueKind kind = ValueKind.FINAL;
        List<String> sources = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Rolled r : parts) {
            covered += r.coveredMonths();
            kind = ValueKind.weakest(kind, r.kind());
            sources.addAll(r.sourcePeriods());
            sum = sum.add(r.value());
            weighted = weighted.add(r.value().multiply(BigDecimal.valueOf(r.coveredMonths())));
        }
        Rolled last = parts.get(parts.size() - 1);
        return switch (ind.aggregation) {
            case SUM -> new Rolled(ind, org, p, "SUM", sum, kind, sources, covered, months(p), null);
            case LAST -> new Rolled(ind, org, p, "LAST", last.value(), last.kind(), last.sourcePeriods(), covered,
                    months(p), null);
            case AVERAGE -> new Rolled(ind, org, p, "AVERAGE",
                    weighted.divide(BigDecimal.valueOf(covered), MathContext.DECIMAL64), kind, sources, covered,
                    months(p), null);
            case NONE -> null;
        };
    }

    private Rolled derived(Indicator d, String org, Period p) {
        Expression formula = Expression.parse(d.formula);
        Map<String, BigDecimal> inputs = new LinkedHashMap<>();
        ValueKind kind = ValueKind.FINAL;
        Set<String> sources = new TreeSet<>();
        int covered = months(p);
        for (String name : formula.names()) {
            Indicator in = indicators.get(name);
            Rolled r = in == null ? null : effective(in, org, p);
            if (r == null) {
                return null;
            }
            inputs.put(name, r.value());
            kind = ValueKind.weakest(kind, r.kind());
            sources.addAll(r.sourcePeriods());
            covered = Math.min(covered, r.coveredMonths());
        }
        BigDecimal value = formula.evaluate(inputs);
        return value == null ? null
                : new Rolled(d, org, p, FORMULA, value, kind, List.copyOf(sources), covered, months(p), inputs);
    }

    static int months(Period p) {
        return switch (p.type()) {
            case YEAR -> 12;
            case QUARTER -> 3;
            case MONTH -> 1;
        };
    }

    static List<Period> children(Period p) {
        return switch (p.type()) {
            case YEAR -> List.of(Period.quarter(p.year(), 1), Period.quarter(p.year(), 2), Period.quarter(p.year(), 3),
                    Period.quarter(p.year(), 4));
            case QUARTER -> List.of(Period.month(p.year(), p.index() * 3 - 2), Period.month(p.year(), p.index() * 3 - 1),
                    Period.month(p.year(), p.index() * 3));
            case MONTH -> List.of();
        };
    }
}
