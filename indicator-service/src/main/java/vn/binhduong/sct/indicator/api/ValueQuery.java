package vn.binhduong.sct.indicator.api;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;
import vn.binhduong.sct.indicator.domain.IndicatorValue;
import vn.binhduong.sct.indicator.domain.Period;
import vn.binhduong.sct.indicator.domain.PeriodType;
import vn.binhduong.sct.indicator.domain.ValueKind;
import vn.binhduong.sct.indicator.service.CatalogueService;
import vn.binhduong.sct.platform.api.Cursor;

/**
 * The filters of the stored values list, shared by the list, the CSV export and the DHIS2 export, and its keyset
 * order: (organization, periodStart, periodEnd, indicator id), unique (a period is its start and end: a month, its
 * quarter and its year share a start, not an end) and held by the index {@code indicator_value_keyset_end}, so every
 * page, however deep, is an index range scan. Within a start, the shorter period comes first (2021-01, 2021Q1, 2021).
 */
public final class ValueQuery {
    public static final int CURSOR_ARITY = 4;
    static final String ORDER = " order by organization, periodStart, periodEnd, indicator.id";

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();

    public ValueQuery(CatalogueService catalogue, List<String> indicators, String set, String organization, String from,
            String to, PeriodType periodType, ValueKind kind) {
        List<String> codes = new ArrayList<>(indicators == null ? List.of() : indicators);
        if (set != null) {
            codes.addAll(catalogue.getSet(set).indicators);
        }
        if (!codes.isEmpty()) {
            where.append(" and indicator.code in :codes");
            params.and("codes", codes);
        }
        if (organization != null) {
            where.append(" and organization = :org");
            params.and("org", organization);
        }
        if (from != null) {
            where.append(" and periodStart >= :from");
            params.and("from", Period.parse(from, "from").start());
        }
        if (to != null) {
            where.append(" and periodEnd <= :to");
            params.and("to", Period.parse(to, "to").end());
        }
        if (periodType != null) {
            where.append(" and periodType = :type");
            params.and("type", periodType);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
    }

    /** The cursor after a value: its keyset key. */
    public static String cursorOf(IndicatorValue v) {
        return Cursor.after(v.organization, v.periodStart, v.periodEnd, v.indicator.id);
    }

    /** Up to {@code limit} values in keyset order after {@code after} (null: from the start, skipping {@code offset}). */
    public List<IndicatorValue> read(String after, int offset, int limit) {
        String q = where.toString();
        Parameters p = new Parameters();
        params.map().forEach(p::and);
        if (after != null) {
            Cursor c = Cursor.parse(after, CURSOR_ARITY);
            q += " and (organization, periodStart, periodEnd, indicator.id) > (:kOrg, :kStart, :kEnd, :kId)";
            p.and("kOrg", c.string(0)).and("kStart", c.date(1)).and("kEnd", c.date(2)).and("kId", c.uuid(3));
        }
        var query = IndicatorValue.<IndicatorValue>find(q + ORDER, p);
        return after != null || offset == 0 ? query.range(0, limit - 1).list()
                : query.range(offset, offset + limit - 1).list();
    }

    public long count() {
        return IndicatorValue.count(where.toString(), params);
    }
}
