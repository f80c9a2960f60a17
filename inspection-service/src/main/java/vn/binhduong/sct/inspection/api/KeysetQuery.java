package vn.binhduong.sct.inspection.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * A list read by keyset: the filters that were given, a sort key that is unique and matches an index (see
 * V2__keyset_indexes.sql), and {@code (k1, k2, …) > (cursor)} so a deep page is an index range scan like the first.
 * {@code page} (an OFFSET walk) still works for old clients; {@code after} and {@code page > 0} together are refused.
 * The total is counted only when asked for ({@code total=true}).
 */
final class KeysetQuery {
    private final String table;
    private final String sortKey;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** {@code sortKey}: the SQL expressions of the order, comma-separated, exactly as the index names them. */
    KeysetQuery(String table, String sortKey) {
        this.table = table;
        this.sortKey = sortKey;
    }

    /** Adds {@code clause} (naming {@code :name}) when {@code value} was given; enums are bound by name. */
    KeysetQuery eq(String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    KeysetQuery where(String clause) {
        where.add(clause);
        return this;
    }

    /**
     * Up to {@code size + 1} rows after {@code afterKeys} (null: from the start, or at {@code page}), as {@code entity}.
     * The extra row tells {@link vn.binhduong.sct.platform.api.KeysetPage#of} that a next page exists.
     */
    <T> List<T> rows(EntityManager em, Class<T> entity, Object[] afterKeys, PageParams page, int size) {
        List<String> clauses = new ArrayList<>(where);
        Map<String, Object> all = new HashMap<>(params);
        int offset = 0;
        if (afterKeys != null) {
            if (page != null && page.page > 0) {
                throw ProblemException.invalid("after", "give either after (a cursor) or page, not both");
            }
            StringBuilder tuple = new StringBuilder();
            for (int i = 0; i < afterKeys.length; i++) {
                tuple.append(i == 0 ? "" : ", ").append(":k").append(i);
                all.put("k" + i, afterKeys[i]);
            }
            clauses.add("(" + sortKey + ") > (" + tuple + ")");
        } else if (page != null) {
            offset = page.offset();
        }
        String sql = "SELECT * FROM " + table + whereClause(clauses) + " ORDER BY " + sortKey + " LIMIT " + (size + 1)
                + " OFFSET " + offset;
        Query q = em.createNativeQuery(sql, entity);
        all.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<T> list = q.getResultList();
        return list;
    }

    /** The filtered count: one scan, so only on request. */
    long count(EntityManager em) {
        Query q = em.createNativeQuery("SELECT count(*) FROM " + table + whereClause(where));
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static String whereClause(List<String> clauses) {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
