package vn.binhduong.sct.report.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * The generated versions of one report read by cursor, newest first: a range scan of the
 * {@code (organization, year, report_version)} unique index from the cursor, however many versions there are.
 */
@ApplicationScoped
public class VersionQuery {
    private final EntityManager em;

    public VersionQuery(EntityManager em) {
        this.em = em;
    }

    /** The cursor after a version: its number (the list is one report's versions, newest first). */
    public static String cursorOf(ReportService.Version v) {
        return Cursor.after(v.version());
    }

    /**
     * Up to {@code limit} versions of the report older than the cursor {@code after} (null or empty: from the newest).
     * A cursor that is not one this list gave is a 400 on {@code after}.
     */
    public List<ReportService.Version> keyset(String org, int year, String after, int limit) {
        int before = Integer.MAX_VALUE;
        if (after != null && !after.isEmpty()) {
            long n = Cursor.parse(after, 1).longValue(0);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw ProblemException.invalid("after", "not a cursor returned by this list");
            }
            before = (int) n;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT report_version, content_hash, json_hash, markdown_hash, html_hash, docx_hash, offsets, generated_at
                FROM report_version WHERE organization = ?1 AND year = ?2 AND report_version < ?3
                ORDER BY report_version DESC""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, before)
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> version(org, year, r)).toList();
    }

    /** A report_version row (version, content hash, the four format hashes, offsets, time) as a Version. */
    static ReportService.Version version(String org, int year, Object[] r) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("json", (String) r[2]);
        hashes.put("md", (String) r[3]);
        hashes.put("html", (String) r[4]);
        hashes.put("docx", (String) r[5]);
        Map<String, Long> offsets;
        try {
            offsets = EventJson.MAPPER.readValue((String) r[6], new TypeReference<LinkedHashMap<String, Long>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Instant at = r[7] instanceof Instant i ? i : ((java.sql.Timestamp) r[7]).toInstant();
        return new ReportService.Version(org, year, ((Number) r[0]).intValue(), (String) r[1], hashes, offsets, at);
    }
}
