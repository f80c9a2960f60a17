package vn.binhduong.sct.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;

import vn.binhduong.sct.launcher.Launcher;

/**
 * Bulk ingest of test results (issue 5): 1,000,000 generated rows (1,000 establishments × 1,000 days) uploaded as
 * one CSV through {@code POST /api/v1/test-results/uploads}, streamed from a generator (never held in memory by the
 * client), next to PostgreSQL {@code COPY} of the same rows into the same table (test_session) in the same run, each
 * into a campaign of its own so every row is new. COPY goes first, so the upload meets the bigger table. While the
 * upload runs, the covid service's heap is sampled with jstat. Target: upload at least 0.3 of COPY, heap flat.
 * Arguments: [days, default 1000] (rows = 1,000 × days).
 */
public final class CovidIngestBench {
    static final int ESTABLISHMENTS = 1_000;

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long rows = (long) ESTABLISHMENTS * days;
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/covid-ingest-bench-data");
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0")) {
            String base = stack.url("covid-ops-service") + "/api/v1";
            String token = stack.token("department-staff");
            String jdbc = stack.jdbcUrl("covid-ops-service");
            long t0 = System.nanoTime();
            for (String campaign : List.of("BENCH-WARM-COPY", "BENCH-WARM-REST", "BENCH-COPY", "BENCH-REST")) {
                Rest.postJson(base + "/testing-campaigns", token, "{\"code\":\"" + campaign + "\",\"name\":\"Xét nghiệm thử tải "
                        + campaign + "\",\"planReference\":\"Kế hoạch thử tải\",\"startDate\":\"" + LocalDate.now().minusDays(days + 1)
                        + "\",\"intervalDays\":3}");
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> created = new ArrayList<>();
            for (int e = 0; e < ESTABLISHMENTS; e++) {
                String code = establishment(e);
                int n = e;
                created.add(pool.submit(() -> Rest.postJson(base + "/establishments", token, "{\"code\":\"" + code
                        + "\",\"name\":\"Doanh nghiệp thử tải " + n + "\",\"type\":\"CLUSTER_BUSINESS\",\"clusterCode\":\"CCN-THU-"
                        + (n % 20) + "\",\"district\":\"Thuận An\"}")));
            }
            for (Future<String> f : created) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("Created 4 campaigns and %,d establishments through the API in %.1f s%n", ESTABLISHMENTS,
                    (System.nanoTime() - t0) / 1e9);

            int warmDays = Math.max(1, Math.min(20, days));
            copy(jdbc, "BENCH-WARM-COPY", warmDays);
            upload(base, token, "BENCH-WARM-REST", warmDays);

            ProcessHandle covid = Rest.serviceProcess("covid-ops-service");
            double copyRate;
            double restRate;
            String heap;
            String idle;
            String job;
            try (HeapSampler sampler = new HeapSampler(covid.pid())) {
                Thread.sleep(3000);
                idle = sampler.summary();
                long c0 = System.nanoTime();
                copy(jdbc, "BENCH-COPY", days);
                copyRate = rows / ((System.nanoTime() - c0) / 1e9);
                sampler.reset();
                Thread.sleep(1000);
                long r0 = System.nanoTime();
                job = upload(base, token, "BENCH-REST", days);
                restRate = rows / ((System.nanoTime() - r0) / 1e9);
                Thread.sleep(500);
                heap = sampler.summary();
            }
            if (Rest.number(job, "rowsInserted") != rows || Rest.number(job, "rowsRejected") != 0) {
                throw new IllegalStateException("the upload did not store every row: " + job);
            }
            long stored = countRows(jdbc, "BENCH-REST");
            long copied = countRows(jdbc, "BENCH-COPY");
            if (stored != rows || copied != rows) {
                throw new IllegalStateException("expected " + rows + " rows per campaign, found REST " + stored + ", COPY " + copied);
            }
            System.out.printf("%nBulk ingest of %,d test-session rows (CSV of %,d establishments × %,d days)%n", rows, ESTABLISHMENTS, days);
            System.out.printf("  PostgreSQL COPY into test_session (baseline): %,10.0f rows/s%n", copyRate);
            System.out.printf("  POST /api/v1/test-results/uploads:            %,10.0f rows/s (job COMPLETED, %,d inserted, 0 rejected)%n",
                    restRate, rows);
            System.out.printf("  ratio upload / COPY: %.2f (target >= 0.3)%n", restRate / copyRate);
            System.out.printf("  covid-ops-service idle before:   %s%n", idle);
            System.out.printf("  covid-ops-service during upload: %s%n", heap);
        }
    }

    static String establishment(int e) {
        return String.format("BENCH-E%04d", e);
    }

    /** Row i of a campaign: day i / 1,000 counted back from yesterday, establishment i % 1,000. */
    static LocalDate day(int days, long i) {
        return LocalDate.now().minusDays(days - i / ESTABLISHMENTS);
    }

    static int tests(long i) {
        return 20 + (int) ((i * 7919) % 200);
    }

    static int positives(long i) {
        return (int) ((i * 104729) % 997) < 10 ? 1 + (int) (i % 3) : 0;
    }

    static boolean selfTesting(long i) {
        return i % ESTABLISHMENTS % 3 == 0;
    }

    /** COPY of the same rows (ids resolved once, as the upload resolves codes once), committed. */
    static void copy(String jdbc, String campaign, int days) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            UUID campaignId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM testing_campaign WHERE code = ?")) {
                ps.setString(1, campaign);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    campaignId = rs.getObject(1, UUID.class);
                }
            }
            Map<String, UUID> ids = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT code, id FROM establishment WHERE code LIKE 'BENCH-E%'")) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
            UUID[] establishment = new UUID[ESTABLISHMENTS];
            for (int e = 0; e < ESTABLISHMENTS; e++) {
                establishment[e] = ids.get(establishment(e));
            }
            long rows = (long) ESTABLISHMENTS * days;
            c.setAutoCommit(false);
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY test_session (id, campaign_id, establishment_id, session_date,"
                    + " tests_performed, positives, self_testing) FROM STDIN", new Generated(rows, i -> UUID.randomUUID() + "\t"
                            + campaignId + "\t" + establishment[(int) (i % ESTABLISHMENTS)] + "\t" + day(days, i) + "\t" + tests(i)
                            + "\t" + positives(i) + "\t" + selfTesting(i) + "\n"));
            c.commit();
        }
    }

    /** The same rows as CSV, streamed to the service; returns the job as the 201 answers it. */
    static String upload(String base, String token, String campaign, int days) throws Exception {
        long rows = (long) ESTABLISHMENTS * days;
        Generated csv = new Generated(rows, i -> establishment((int) (i % ESTABLISHMENTS)) + "," + campaign + "," + day(days, i) + ","
                + tests(i) + "," + positives(i) + "," + selfTesting(i) + "\n");
        csv.header = "establishment_code,campaign_code,date,tests_performed,positives,self_testing\n";
        HttpResponse<String> r = Rest.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/test-results/uploads"))
                .timeout(Duration.ofMinutes(20)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(csv::asStream)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static long countRows(String jdbc, String campaign) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM test_session s JOIN testing_campaign t ON t.id = s.campaign_id WHERE t.code = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    interface Line {
        String of(long i);
    }

    /** Text made line by line on demand, as a Reader (for COPY) or a UTF-8 InputStream (for the upload). */
    static final class Generated extends Reader {
        final long rows;
        final Line line;
        String header = "";
        long next;
        StringBuilder chunk = new StringBuilder();
        int pos;
        boolean headerDone;

        Generated(long rows, Line line) {
            this.rows = rows;
            this.line = line;
        }

        private boolean fill() {
            if (pos < chunk.length()) {
                return true;
            }
            chunk.setLength(0);
            pos = 0;
            if (!headerDone) {
                chunk.append(header);
                headerDone = true;
            }
            for (int k = 0; k < 1000 && next < rows; k++) {
                chunk.append(line.of(next++));
            }
            return chunk.length() > 0;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length() - pos);
            chunk.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }

        InputStream asStream() {
            return new InputStream() {
                byte[] bytes = new byte[0];
                int at;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (at >= bytes.length) {
                        if (!fill()) {
                            return -1;
                        }
                        bytes = chunk.substring(pos).getBytes(StandardCharsets.UTF_8);
                        pos = chunk.length();
                        at = 0;
                    }
                    int n = Math.min(len, bytes.length - at);
                    System.arraycopy(bytes, at, b, off, n);
                    at += n;
                    return n;
                }
            };
        }
    }
}
