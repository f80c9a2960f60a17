package vn.binhduong.sct.platform.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

/**
 * A PostgreSQL array literal ({@code {"a","b",NULL}}) of any values, bound as one text parameter and cast in SQL
 * ({@code CAST(?1 AS date[])}): a batch of rows becomes one statement over {@code unnest(...)}. Every element is
 * quoted (so any text is safe); {@code null} becomes {@code NULL}; numbers in plain notation, instants in ISO-8601.
 */
public final class PgArray {
    private PgArray() {
    }

    public static String of(Collection<?> values) {
        StringBuilder sb = new StringBuilder(values.size() * 16 + 2).append('{');
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (v == null) {
                sb.append("NULL");
                continue;
            }
            String s = v instanceof BigDecimal b ? b.toPlainString()
                    : v instanceof java.sql.Timestamp t ? t.toInstant().toString()
                    : v instanceof Instant i ? i.toString()
                    : v.toString();
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
