package vn.binhduong.sct.covid.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.binhduong.sct.covid.api.UploadResource.JobView;
import vn.binhduong.sct.covid.api.UploadResource.Rejection;
import vn.binhduong.sct.covid.domain.Rules;
import vn.binhduong.sct.contract.covid.CovidPayloads;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.api.Cursor;
import vn.binhduong.sct.platform.api.KeysetPage;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.Problem;
import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * Streaming ingest of test sessions. The body is read record by record (CSV through commons-csv, RFC 4180: a quoted
 * field may hold a line break; NDJSON one object a line), each record bounded by {@code sct.uploads.max-record-chars}
 * (65,536 characters by default) before any parser holds it (see {@link BoundedRecords}): a longer data record is a
 * rejected row, a longer CSV header refuses the upload with 413; rejected rows carry the physical line where the
 * record starts. Valid rows are COPYed into a transaction-local
 * staging table in batches and moved into test_session with ON CONFLICT DO NOTHING on the natural key (campaign,
 * establishment, date), so a repeated upload adds nothing. Rows, rejections, the job's final state and the one summary
 * event commit together; progress is written in short transactions of its own so it can be polled meanwhile. Memory
 * holds one batch, the code lookups and one total per campaign and date, whatever the file's size.
 */
@ApplicationScoped
public class UploadService {
    static final int BATCH = 5_000;
    static final int MAX_REJECTIONS_KEPT = 10_000;
    private static final UUID MISSING = new UUID(0, 0);
    private static final int MAX_CACHED_MISSES = 100_000;

    /** RFC 4180: comma, double quotes doubled inside quotes, CRLF or LF; blank lines come through to keep line numbers. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setLenientEof(true)
            .setTrailingData(true).get();

    private final DataSource dataSource;
    private final EntityManager em;
    private final Outbox outbox;
    private final int maxRecordChars;
    private final ObjectMapper json = new ObjectMapper();

    public UploadService(DataSource dataSource, EntityManager em, Outbox outbox,
            @ConfigProperty(name = "sct.uploads.max-record-chars", defaultValue = "65536") int maxRecordChars) {
        this.dataSource = dataSource;
        this.em = em;
        this.outbox = outbox;
        this.maxRecordChars = maxRecordChars;
    }

    public JobView ingest(String format, InputStream body) {
        UUID jobId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO upload_job (id, format, status) VALUES (?1, ?2, 'RUNNING')")
                .setParameter(1, jobId).setParameter(2, format).executeUpdate());
        try {
            QuarkusTransaction.requiringNew().timeout(6 * 3600).run(() -> new Run(jobId, format).process(body));
        } catch (RuntimeException e) {
            if (e instanceof ProblemException) {
                // read what the client still sends (into nothing), so it gets the answer instead of a reset connection
                drain(body);
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE upload_job SET status = 'FAILED', error = ?2, finished_at = now() WHERE id = ?1")
                    .setParameter(1, jobId).setParameter(2, message.length() > 1000 ? message.substring(0, 1000) : message)
                    .executeUpdate());
            throw e;
        }
        return job(jobId);
    }

    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException ignored) {
            // the client went away: nothing more to read
        }
    }

    public JobView job(UUID jobId) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, format, status, rows_read, rows_inserted, rows_duplicate, rows_rejected, tests_added,
                       positives_added, error, started_at, finished_at FROM upload_job WHERE id = ?1""")
                .setParameter(1, jobId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("upload job", jobId);
        }
        Object[] r = (Object[]) rows.get(0);
        return new JobView((UUID) r[0], (String) r[1], (String) r[2], n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]),
                (String) r[9], instant(r[10]), instant(r[11]));
    }

    /**
     * Rejected rows by line number, a keyset page on the primary key (job, line): {@code after} reads on from the previous
     * page's last line; without it {@code page} skips by offset. The total is always given: at most 10,000 rows a job.
     */
    public KeysetPage<Rejection> rejections(UUID jobId, PageParams page, String after) {
        job(jobId);
        long afterLine = after == null ? 0 : Cursor.parse(after, 1).longValue(0);
        List<?> rows = em.createNativeQuery(
                "SELECT line_no, reason, content FROM upload_rejection WHERE job_id = ?1 AND line_no > ?2 ORDER BY line_no")
                .setParameter(1, jobId).setParameter(2, afterLine).setFirstResult(after == null ? page.offset() : 0)
                .setMaxResults(page.size + 1).getResultList();
        long total = n(em.createNativeQuery("SELECT count(*) FROM upload_rejection WHERE job_id = ?1")
                .setParameter(1, jobId).getSingleResult());
        return KeysetPage.of(rows.stream().map(o -> (Object[]) o)
                .map(r -> new Rejection(n(r[0]), (String) r[1], (String) r[2])).toList(), page.size,
                r -> Cursor.after(r.line()), total);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return Instant.parse(o.toString());
    }

    /** One upload in progress; lives inside the main transaction. */
    private final class Run {
        final UUID jobId;
        final String format;
        final Map<String, UUID> establishments = new HashMap<>();
        final Map<String, UUID> campaigns = new HashMap<>();
        final Map<UUID, String> campaignCodes = new HashMap<>();
        final Map<String, long[]> byDate = new TreeMap<>();
        final StringBuilder batch = new StringBuilder(BATCH * 100);
        int batchRows;
        long rowsRead, inserted, duplicate, rejected, tests, positives;
        Connection c;
        PreparedStatement findEstablishment, findCampaign, reject;
        int pendingRejections;

        Run(UUID jobId, String format) {
            this.jobId = jobId;
            this.format = format;
        }

        void process(InputStream body) {
            try (Connection conn = dataSource.getConnection()) {
                c = conn;
                try (Statement s = c.createStatement()) {
                    s.execute("""
                            CREATE TEMP TABLE upload_stage (campaign_id UUID, establishment_id UUID, session_date DATE,
                              tests_performed INT, positives INT, self_testing BOOLEAN) ON COMMIT DROP""");
                }
                findEstablishment = c.prepareStatement("SELECT id FROM establishment WHERE code = ?");
                findCampaign = c.prepareStatement("SELECT id FROM testing_campaign WHERE code = ?");
                reject = c.prepareStatement(
                        "INSERT INTO upload_rejection (job_id, line_no, reason, content) VALUES (?, ?, ?, ?)");
                Reader in = new InputStreamReader(body, StandardCharsets.UTF_8);
                if ("CSV".equals(format)) {
                    csv(in);
                } else {
                    ndjson(in);
                }
                flush();
                flushRejections();
                finish();
            } catch (SQLException e) {
                throw new IllegalStateException("database error while storing the upload: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the upload: " + e.getMessage(), e);
            }
        }

        void csv(Reader body) throws IOException, SQLException {
            BoundedRecords.Csv in = new BoundedRecords.Csv(body, maxRecordChars);
            ArrayDeque<BoundedRecords.Rec> recs = in.records();
            try (CSVParser parser = CSV.parse(in)) {
                Iterator<CSVRecord> it = parser.iterator();
                List<String> names = null;
                Map<String, Integer> col = new HashMap<>();
                while (it.hasNext()) {
                    CSVRecord record;
                    try {
                        record = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        // lenient about a quote left open at the end and text after a closing quote, commons-csv has
                        // nothing left to refuse; should it still, the upload is refused whole (nothing is stored)
                        BoundedRecords.Rec rec = recs.peek();
                        throw ProblemException.invalid("body", "line " + (rec == null ? 1 : rec.line)
                                + " is not RFC 4180 CSV: " + e.getMessage());
                    }
                    BoundedRecords.Rec rec = recs.poll();
                    if (rec == null) {
                        // cannot happen while BoundedRecords follows the lexer; refuse rather than misnumber rows
                        throw ProblemException.invalid("body", "record " + record.getRecordNumber()
                                + " could not be read as RFC 4180 CSV");
                    }
                    if (record.size() == 1 && record.get(0).isBlank() && !rec.tooLong) {
                        continue; // a blank line
                    }
                    if (names == null) {
                        if (rec.tooLong) {
                            throw new ProblemException(413, "record-too-long", "Record too long", "line " + rec.line
                                    + " (the header) is longer than " + maxRecordChars + " characters",
                                    List.of(new Problem.FieldError("header", "longer than " + maxRecordChars + " characters")),
                                    Map.of("line", rec.line, "maxRecordChars", maxRecordChars));
                        }
                        names = record.toList();
                        for (int i = 0; i < names.size(); i++) {
                            col.put(names.get(i).trim().toLowerCase(), i);
                        }
                        for (String required : List.of("establishment_code", "campaign_code", "date", "tests_performed", "positives")) {
                            if (!col.containsKey(required)) {
                                throw ProblemException.invalid("header", "line " + rec.line + " must name the columns "
                                        + "establishment_code, campaign_code, date, tests_performed, positives[, self_testing]; "
                                        + required + " is missing");
                            }
                        }
                        continue;
                    }
                    rowsRead++;
                    if (rec.tooLong) {
                        rejectRow(rec.line, "the record is longer than " + maxRecordChars + " characters", rec.content());
                        continue;
                    }
                    if (record.size() != names.size()) {
                        rejectRow(rec.line, "expected " + names.size() + " fields, found " + record.size(), rec.content());
                        continue;
                    }
                    Integer selfCol = col.get("self_testing");
                    row(rec.line, rec.content(), record.get(col.get("establishment_code")), record.get(col.get("campaign_code")),
                            record.get(col.get("date")), record.get(col.get("tests_performed")), record.get(col.get("positives")),
                            selfCol == null ? "false" : record.get(selfCol));
                }
            }
        }

        void ndjson(Reader body) throws IOException, SQLException {
            BoundedRecords.Lines in = new BoundedRecords.Lines(body, maxRecordChars);
            String line;
            while ((line = in.next()) != null) {
                long lineNo = in.lineNumber();
                if (line.isBlank() && !in.tooLong()) {
                    continue;
                }
                rowsRead++;
                if (in.tooLong()) {
                    rejectRow(lineNo, "the line is longer than " + maxRecordChars + " characters", line);
                    continue;
                }
                JsonNode n;
                try {
                    n = json.readTree(line);
                } catch (IOException e) {
                    rejectRow(lineNo, "not a JSON object", line);
                    continue;
                }
                if (n == null || !n.isObject()) {
                    rejectRow(lineNo, "not a JSON object", line);
                    continue;
                }
                row(lineNo, line, text(n, "establishmentCode"), text(n, "campaignCode"), text(n, "date"),
                        text(n, "testsPerformed"), text(n, "positives"), n.has("selfTesting") ? text(n, "selfTesting") : "false");
            }
        }

        private String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        void row(long lineNo, String line, String establishment, String campaign, String date, String testsText,
                String positivesText, String selfText) throws SQLException {
            for (String v : new String[] { establishment, campaign, date, testsText, positivesText, selfText }) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    rejectRow(lineNo, "a field holds a NUL character (U+0000)", line);
                    return;
                }
                if (v != null && v.indexOf('\uFEFF') >= 0) {
                    rejectRow(lineNo, "a byte-order mark (U+FEFF) is accepted only as the first character of the file", line);
                    return;
                }
            }
            if (blank(establishment) || blank(campaign) || blank(date) || blank(testsText) || blank(positivesText)) {
                rejectRow(lineNo, "establishment code, campaign code, date, tests performed and positives are required", line);
                return;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                rejectRow(lineNo, "date '" + date + "' is not an ISO date (yyyy-mm-dd)", line);
                return;
            }
            long t, p;
            try {
                t = Long.parseLong(testsText.trim());
                p = Long.parseLong(positivesText.trim());
            } catch (NumberFormatException e) {
                rejectRow(lineNo, "tests performed and positives must be whole numbers", line);
                return;
            }
            if (t > Integer.MAX_VALUE || p > Integer.MAX_VALUE) {
                rejectRow(lineNo, "count too large", line);
                return;
            }
            String problem = Rules.testCountsProblem(day, t, p);
            if (problem != null) {
                rejectRow(lineNo, problem, line);
                return;
            }
            String self = selfText == null ? "false" : selfText.trim().toLowerCase();
            if (!self.equals("true") && !self.equals("false") && !self.isEmpty()) {
                rejectRow(lineNo, "self_testing must be true or false", line);
                return;
            }
            UUID e = lookup(establishments, findEstablishment, establishment.trim());
            if (e == null) {
                rejectRow(lineNo, "unknown establishment " + establishment.trim(), line);
                return;
            }
            UUID camp = lookup(campaigns, findCampaign, campaign.trim());
            if (camp == null) {
                rejectRow(lineNo, "unknown campaign " + campaign.trim(), line);
                return;
            }
            campaignCodes.putIfAbsent(camp, campaign.trim());
            batch.append(camp).append('\t').append(e).append('\t').append(day).append('\t').append(t).append('\t')
                    .append(p).append('\t').append(self.equals("true")).append('\n');
            if (++batchRows >= BATCH) {
                flush();
            }
        }

        private boolean blank(String s) {
            return s == null || s.isBlank();
        }

        UUID lookup(Map<String, UUID> cache, PreparedStatement find, String code) throws SQLException {
            UUID id = cache.get(code);
            if (id == null) {
                find.setString(1, code);
                try (ResultSet rs = find.executeQuery()) {
                    id = rs.next() ? rs.getObject(1, UUID.class) : MISSING;
                }
                if (id != MISSING || cache.size() < MAX_CACHED_MISSES) {
                    cache.put(code, id);
                }
            }
            return id == MISSING ? null : id;
        }

        void rejectRow(long lineNo, String reason, String line) throws SQLException {
            rejected++;
            if (rejected > MAX_REJECTIONS_KEPT) {
                return;
            }
            reject.setObject(1, jobId);
            reject.setLong(2, lineNo);
            reject.setString(3, storable(reason));
            reject.setString(4, storable(line));
            reject.addBatch();
            if (++pendingRejections >= 1000) {
                flushRejections();
            }
        }

        /** Cut to 500 characters; NUL, which PostgreSQL text cannot hold, written as \\u0000. */
        private String storable(String s) {
            String cut = s.length() > 500 ? s.substring(0, 500) : s;
            return cut.indexOf('\u0000') < 0 ? cut : cut.replace("\u0000", "\\u0000");
        }

        void flushRejections() throws SQLException {
            if (pendingRejections > 0) {
                reject.executeBatch();
                pendingRejections = 0;
            }
        }

        void flush() throws SQLException {
            if (batchRows > 0) {
                try {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY upload_stage FROM STDIN",
                            new StringReader(batch.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                long batchInserted = 0;
                try (PreparedStatement move = c.prepareStatement("""
                        WITH ins AS (
                          INSERT INTO test_session (id, campaign_id, establishment_id, session_date, tests_performed,
                                                    positives, self_testing, upload_job_id)
                          SELECT gen_random_uuid(), campaign_id, establishment_id, session_date, tests_performed, positives,
                                 self_testing, ? FROM upload_stage
                          ON CONFLICT ON CONSTRAINT test_session_natural_key DO NOTHING
                          RETURNING campaign_id, session_date, tests_performed, positives, self_testing)
                        SELECT campaign_id, session_date, count(*), sum(tests_performed), sum(positives),
                               count(*) FILTER (WHERE self_testing)
                          FROM ins GROUP BY campaign_id, session_date""")) {
                    move.setObject(1, jobId);
                    try (ResultSet rs = move.executeQuery()) {
                        while (rs.next()) {
                            String key = campaignCodes.get(rs.getObject(1, UUID.class)) + "|" + rs.getDate(2).toLocalDate();
                            long[] sums = byDate.computeIfAbsent(key, k -> new long[4]);
                            sums[0] += rs.getLong(3);
                            sums[1] += rs.getLong(4);
                            sums[2] += rs.getLong(5);
                            sums[3] += rs.getLong(6);
                            batchInserted += rs.getLong(3);
                            tests += rs.getLong(4);
                            positives += rs.getLong(5);
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE upload_stage");
                }
                inserted += batchInserted;
                duplicate += batchRows - batchInserted;
                batch.setLength(0);
                batchRows = 0;
            }
            progress();
        }

        /** In a short transaction of its own, so a poller sees it while the upload runs. */
        void progress() {
            long read = rowsRead, ins = inserted, dup = duplicate, rej = rejected, t = tests, p = positives;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE upload_job SET rows_read = ?2, rows_inserted = ?3, rows_duplicate = ?4, rows_rejected = ?5,
                           tests_added = ?6, positives_added = ?7 WHERE id = ?1""")
                    .setParameter(1, jobId).setParameter(2, read).setParameter(3, ins).setParameter(4, dup)
                    .setParameter(5, rej).setParameter(6, t).setParameter(7, p).executeUpdate());
        }

        void finish() throws SQLException {
            try (PreparedStatement done = c.prepareStatement("""
                    UPDATE upload_job SET status = 'COMPLETED', rows_read = ?, rows_inserted = ?, rows_duplicate = ?,
                           rows_rejected = ?, tests_added = ?, positives_added = ?, finished_at = now() WHERE id = ?""")) {
                done.setLong(1, rowsRead);
                done.setLong(2, inserted);
                done.setLong(3, duplicate);
                done.setLong(4, rejected);
                done.setLong(5, tests);
                done.setLong(6, positives);
                done.setObject(7, jobId);
                done.executeUpdate();
            }
            List<CovidPayloads.DailyTotal> days = new ArrayList<>();
            byDate.forEach((key, s) -> {
                int bar = key.indexOf('|');
                days.add(new CovidPayloads.DailyTotal(key.substring(0, bar), LocalDate.parse(key.substring(bar + 1)), s[0],
                        s[1], s[2], s[3]));
            });
            outbox.record(CovidEvents.TEST_RESULTS_UPLOADED, CovidEvents.organization(), "upload-job", jobId.toString(),
                    new CovidPayloads.TestResultsUploaded(jobId.toString(),
                            vn.binhduong.sct.contract.covid.UploadFormat.valueOf(format), rowsRead, inserted, duplicate, rejected,
                            tests, positives, days));
        }
    }

}
