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
 * The access log of personal data (issue 12, point 5): one row per member whose sensitive personal data an answer
 * carries, naming who (token subject and roles), which member, when, and through which operation; never the data.
 * Written before the answer leaves the service, so no personal data is served without its row.
 */
@ApplicationScoped
public class PersonalDataLog {
    /** The department's local time: the days of {@code from}/{@code to} are days in Binh Duong. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String INSERT = """
            INSERT INTO personal_data_read (subject, roles, member_id, operation, endpoint)
            SELECT ?1, ?2, m, ?3, ?4 FROM unnest(CAST(?5 AS uuid[])) AS m""";

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
        em.createNativeQuery(INSERT).setParameter(1, truncate(access.actor(), 200)).setParameter(2, truncate(access.roles(), 300))
                .setParameter(3, operation).setParameter(4, endpoint).setParameter(5, PgArray.of(members)).executeUpdate();
    }

    public record Entry(long id, OffsetDateTime at, String subject, String roles, UUID memberId, String operation, String endpoint) {
    }

    /**
     * Entries in the order they were written (by id, the primary key: a keyset range scan however deep), filtered by
     * member and by the days {@code from}..{@code to} (inclusive, local time).
     */
    public KeysetPage<Entry> reads(UUID member, LocalDate from, LocalDate to, String after, int size, boolean total) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "the period ends (" + to + ") before it starts (" + from + ")");
        }
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (member != null) {
            params.add(member);
            where.append(" AND member_id = ?").append(params.size());
        }
        if (from != null) {
            params.add(from.atStartOfDay(ZONE).toOffsetDateTime());
            where.append(" AND read_at >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
            where.append(" AND read_at < ?").append(params.size());
        }
        Long count = null;
        if (total) {
            Query q = em.createNativeQuery("SELECT count(*) FROM personal_data_read" + where);
            bind(q, params);
            count = ((Number) q.getSingleResult()).longValue();
        }
        if (after != null && !after.isEmpty()) {
            params.add(Cursor.parse(after, 1).longValue(0));
            where.append(" AND id > ?").append(params.size());
        }
        params.add(size + 1);
        Query q = em.createNativeQuery("SELECT id, read_at, subject, roles, member_id, operation, endpoint FROM personal_data_read"
                + where + " ORDER BY id LIMIT ?" + params.size());
        bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Entry> entries = rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), at(r[1]), (String) r[2], (String) r[3],
                (UUID) r[4], (String) r[5], (String) r[6])).toList();
        return KeysetPage.of(entries, size, e -> Cursor.after(e.id()), count);
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
