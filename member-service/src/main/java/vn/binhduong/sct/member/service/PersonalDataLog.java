package vn.binhduong.sct.member.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.sql.PgArray;

/**
 * The access log of personal data (issue 12, point 5): for every answer that carries members' sensitive personal data,
 * who (token subject and roles), which members, when, and through which operation; never the data. Written and
 * committed before the answer leaves the service, so no personal data is served without its row. One row per answer
 * (issue 16, V10: the members in {@code member_ids}, in the order served), read back as one entry per member.
 */
@ApplicationScoped
public class PersonalDataLog {
    /** The department's local time: the days of {@code from}/{@code to} are days in Binh Duong. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String INSERT = """
            INSERT INTO personal_data_read (subject, roles, member_ids, operation, endpoint)
            VALUES (?1, ?2, CAST(?3 AS uuid[]), ?4, ?5)""";
    /** Each row's members, one entry each, numbered from 1 in the order served (old rows: their one member_id). */
    private static final String ENTRIES = " FROM personal_data_read r CROSS JOIN LATERAL"
            + " unnest(COALESCE(r.member_ids, ARRAY[r.member_id])) WITH ORDINALITY AS m(member_id, position)";

    private final EntityManager em;
    private final Access access;

    public PersonalDataLog(EntityManager em, Access access) {
        this.em = em;
        this.access = access;
    }

    /** Records that the caller was served the personal data of {@code members} through {@code operation}. */
    @Transactional
    public void served(String operation, String endpoint, Collection<UUID> members) {
        if (members.isEmpty()) {
            return;
        }
        em.createNativeQuery(INSERT).setParameter(1, subject(access)).setParameter(2, roles(access))
                .setParameter(3, PgArray.of(members)).setParameter(4, operation).setParameter(5, endpoint).executeUpdate();
    }

    /** The subject as the log stores it. */
    public static String subject(Access access) {
        return truncate(access.actor(), 200);
    }

    /** The roles as the log stores them. */
    public static String roles(Access access) {
        return truncate(access.roles(), 300);
    }

    /** One member served by one answer: the row's id (shared by the members of one answer) and the member's position in it. */
    public record Entry(long id, int position, OffsetDateTime at, String subject, String roles, UUID memberId, String operation,
            String endpoint) {
    }

    /**
     * Entries in the order they were written (by row id, the primary key: a keyset range scan however deep, then by
     * position in the row), filtered by member and by the days {@code from}..{@code to} (inclusive, local time).
     */
    public KeysetPage<Entry> reads(UUID member, LocalDate from, LocalDate to, String after, int size, boolean total) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "the period ends (" + to + ") before it starts (" + from + ")");
        }
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (member != null) {
            params.add(member);
            int k = params.size();
            where.append(" AND (r.member_id = ?").append(k).append(" OR r.member_ids @> ARRAY[CAST(?").append(k)
                    .append(" AS uuid)]) AND m.member_id = ?").append(k);
        }
        if (from != null) {
            params.add(from.atStartOfDay(ZONE).toOffsetDateTime());
            where.append(" AND r.read_at >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
            where.append(" AND r.read_at < ?").append(params.size());
        }
        Long count = null;
        if (total) {
            Query q = em.createNativeQuery("SELECT count(*)" + ENTRIES + where);
            bind(q, params);
            count = ((Number) q.getSingleResult()).longValue();
        }
        if (after != null && !after.isEmpty()) {
            long[] key = cursor(after);
            params.add(key[0]);
            params.add(key[1]);
            int k = params.size();
            where.append(" AND r.id >= ?").append(k - 1).append(" AND (r.id, m.position) > (?").append(k - 1).append(", ?").append(k)
                    .append(')');
        }
        params.add(size + 1);
        Query q = em.createNativeQuery("SELECT r.id, m.position, r.read_at, r.subject, r.roles, m.member_id, r.operation, r.endpoint"
                + ENTRIES + where + " ORDER BY r.id, m.position LIMIT ?" + params.size());
        bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Entry> entries = rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), at(r[2]),
                (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], (String) r[7])).toList();
        return KeysetPage.of(entries, size, e -> Cursor.after(e.id(), e.position()), count);
    }

    /** (row id, position) of a cursor; a cursor from before V10 names a row only (all its one entry seen). */
    private static long[] cursor(String after) {
        Cursor c;
        try {
            c = Cursor.parse(after, 2);
        } catch (ProblemException notTwoKeys) {
            return new long[] { Cursor.parse(after, 1).longValue(0), Long.MAX_VALUE };
        }
        return new long[] { c.longValue(0), c.longValue(1) };
    }

    private static void bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
    }

    private static OffsetDateTime at(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o;
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) v).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
