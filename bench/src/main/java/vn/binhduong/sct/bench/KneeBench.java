package vn.binhduong.sct.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import vn.binhduong.sct.launcher.Launcher;

/**
 * The whole stack's knee (issue 16, item 6): an open-loop mixed write load, stepped, each event followed to
 * report-service; beside it the same number of single-row transactions (a business row and an outbox row each)
 * through plain JDBC on the same PostgreSQL with the same concurrency; then a soak at half the knee.
 *
 * <p><b>Load.</b> Write n is, by n mod 3: a member admission ({@code POST /api/v1/organizations/KNEE-Oi/members/admissions},
 * member-service, event member.admitted) spread over 10 organisations of 5 cells; a test session
 * ({@code POST /api/v1/test-sessions}, covid-ops-service, test-session.recorded) of one of 200 establishments on its
 * next free day; an indicator value ({@code POST /api/v1/values}, indicator-service, indicator-value.recorded) of one of
 * 1,000 indicators for the department (SCT-BD, the one organisation the service records figures for) and its next year
 * from 1975 (a yearly value: report-service projects it). Open loop: write i of a step is due at start + i / rate whatever the
 * earlier ones did; due writes go to a queue served by {@code concurrency} client threads (one HTTP/1.1 connection
 * each at most), and each write's latency is counted from its due time, so queueing in front of a slow stack is in
 * the figure (no coordinated omission). A write still queued 10 s after its due time is not sent and counts as a
 * timeout; a request gets what is left of those 10 s as its timeout.
 *
 * <p><b>Write to applied.</b> The write's time is its outbox row's {@code created_at} in the writing service's database
 * (PostgreSQL's {@code now()}: the start of the transaction that wrote the row); the applied time is the
 * {@code applied_at} of the event's inbox row in report-service's database ({@code now()} of the transaction that
 * applied it). Both from the same PostgreSQL server's clock. Read after the step, once every outbox is empty and
 * report-service has caught up (or 180 s have passed).
 *
 * <p><b>Baseline.</b> As many transactions as the largest step offers (rate × step length), each an INSERT of a business
 * row and an INSERT of an outbox row (the platform's outbox table, a payload like the services' events) committed
 * together, by {@code concurrency} threads with a JDBC connection each, as fast as they go, in a database of its own
 * on the same PostgreSQL server, while the services are idle.
 *
 * <p>{@code ./bench/run knee [step seconds, default 60] [rates, default 50,100,200,400,800] [soak seconds, default 600]
 * [concurrency, default 64]}; {@code -Dbench.jit=full} restarts the five services with the production images' flags
 * (Dockerfile.jvm: G1, full JIT, heap 75% of the deployment's 1 GiB memory limit) instead of the launcher's.
 */
public final class KneeBench {
    static final String MEMBER = "member-service";
    static final String COVID = "covid-ops-service";
    static final String INDICATOR = "indicator-service";
    static final String REPORT = "report-service";
    static final List<String> ALL = List.of(MEMBER, "inspection-service", COVID, INDICATOR, REPORT);
    static final String[] KIND_SERVICE = { MEMBER, COVID, INDICATOR };
    static final String[] KIND_EVENT = { "member.admitted", "test-session.recorded", "indicator-value.recorded" };
    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int ORGS = 10;
    static final int CELLS = 5;
    static final int ESTABLISHMENTS = 200;
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    /** Indicators KNEE0..; value k is of indicator k mod INDICATORS for the year FIRST_YEAR + k / INDICATORS (up to 2100). */
    static final int INDICATORS = 1000;
    static final int FIRST_YEAR = 1975;
    static final String PRODUCTION_FLAGS = "-XX:+TieredCompilation -XX:+UseG1GC -XX:MaxRAM=1g -XX:MaxRAMPercentage=75.0 "
            + "-XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError";

    /** One write as the client saw it; latencies from its due time. */
    record Write(int kind, long due, long done, int status, String aggregate, String error, boolean timeout) {
        boolean ok() {
            return status / 100 == 2 && aggregate != null;
        }

        double ms() {
            return (done - due) / 1e6;
        }
    }

    /** A stretch of open-loop load and what came of it. */
    static final class Phase {
        final String label;
        final double rate;
        final double seconds;
        final long start;
        final List<Write> writes;
        double[] applied = new double[0];
        int notApplied;

        Phase(String label, double rate, double seconds, long start, List<Write> writes) {
            this.label = label;
            this.rate = rate;
            this.seconds = seconds;
            this.start = start;
            this.writes = writes;
        }

        List<Write> ok() {
            return writes.stream().filter(Write::ok).toList();
        }

        long errors() {
            return writes.size() - ok().size();
        }

        long timeouts() {
            return writes.stream().filter(Write::timeout).count();
        }

        long non2xx() {
            return writes.stream().filter(w -> !w.timeout() && w.status() != 0 && w.status() / 100 != 2).count();
        }

        double restP(double p) {
            double[] ms = ok().stream().mapToDouble(Write::ms).toArray();
            return ms.length == 0 ? Double.NaN : Stats.percentile(ms, p);
        }

        double appliedP(double p) {
            return applied.length == 0 ? Double.NaN : Stats.percentile(applied, p);
        }

        String firstError() {
            return writes.stream().filter(w -> !w.ok()).map(w -> w.error()).findFirst().orElse(null);
        }

        boolean clean() {
            return errors() == 0 && notApplied == 0 && applied.length > 0 && appliedP(99) < 1000;
        }

        String line() {
            return String.format("  %8.0f %10.1f %6d %6d %6d %9.1f %9.1f %11.1f %11.1f %7d", rate, ok().size() / seconds,
                    errors(), non2xx(), timeouts(), restP(50), restP(99), appliedP(50), appliedP(99), notApplied);
        }
    }

    public static void main(String[] args) throws Exception {
        int stepSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        double[] rates = Arrays.stream((args.length > 1 ? args[1] : "50,100,200,400,800").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int soakSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        boolean fullJit = "full".equals(System.getProperty("bench.jit", "launcher"));
        Path home = Path.of(System.getProperty("sct.home", "."));
        Path data = home.resolve("bench/target/knee-bench-data");
        List<Process> restarted = new ArrayList<>();
        long benchStart = System.nanoTime();
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0", "--no-supervise")) {
            try {
                Map<String, Long> pids = new LinkedHashMap<>();
                for (String s : ALL) {
                    pids.put(s, stack.pid(s));
                }
                String flags = "the launcher's: -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
                if (fullJit) {
                    for (String s : ALL) {
                        Process p = restartWithProductionFlags(stack, s, home);
                        restarted.add(p);
                        pids.put(s, p.pid());
                    }
                    flags = "the production images' (Dockerfile.jvm JAVA_OPTS, -XX:MaxRAM=1g for the deployment's 1 GiB limit): "
                            + PRODUCTION_FLAGS;
                }
                run(stack, home, pids, flags, stepSeconds, rates, soakSeconds, concurrency);
            } finally {
                for (Process p : restarted) {
                    p.destroy();
                }
                for (Process p : restarted) {
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        System.out.printf("%nknee benchmark took %.0f s%n", (System.nanoTime() - benchStart) / 1e9);
        System.exit(0);
    }

    static void run(Launcher stack, Path home, Map<String, Long> pids, String flags, int stepSeconds, double[] rates,
            int soakSeconds, int concurrency) throws Exception {
        System.out.printf("%nServices' JVM flags: %s%nThis JVM (load generator and JDBC baseline): %s%n", flags,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        Mix mix = new Mix(stack);
        mix.setUp();
        catchUp(stack);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "knee-client");
            t.setDaemon(true);
            return t;
        });
        // the JDBC baseline first, on the idle stack
        long baselineTx = (long) (Arrays.stream(rates).max().orElse(0) * stepSeconds);
        double[] baseline = jdbcBaseline(stack.jdbcUrl(MEMBER), home, baselineTx, concurrency, Math.max(60, stepSeconds * 2));
        // warm-up at the lowest rate, not counted
        System.out.printf("%nWarm-up: %.0f writes/s for %d s (not counted)%n", rates[0], Math.min(stepSeconds, 20));
        openLoop(mix, clients, rates[0], Math.min(stepSeconds, 20), "warm-up");
        catchUp(stack);
        List<Phase> steps = new ArrayList<>();
        for (double rate : rates) {
            Phase p = openLoop(mix, clients, rate, stepSeconds, "step " + (int) rate);
            catchUp(stack);
            applied(stack, p, p.writes);
            steps.add(p);
            System.out.println(header());
            System.out.println(p.line());
            if (p.firstError() != null) {
                System.out.println("    first error: " + p.firstError());
            }
        }
        System.out.printf("%nThe knee: open-loop mixed writes (member admission, test session, indicator value in turn), "
                + "%d s a step, %d client threads; services: %s%n", stepSeconds, concurrency, flags);
        System.out.println(header());
        for (Phase p : steps) {
            System.out.println(p.line());
        }
        System.out.printf("  JDBC baseline: %,d transactions (business row + outbox row each) by %d connections: %.0f tx/s "
                + "(p50 %.1f ms, p99 %.1f ms)%n", (long) baseline[1], concurrency, baseline[0], baseline[2], baseline[3]);
        Phase knee = null;
        for (Phase p : steps) {
            if (p.clean()) {
                knee = p;
            }
        }
        double soakRate;
        if (knee == null) {
            System.out.println("  knee: no step had 0 errors, every write applied and p99 write -> applied < 1 s");
            soakRate = rates[0] / 2;
        } else {
            double accepted = knee.ok().size() / knee.seconds;
            System.out.printf("  knee: %.0f writes/s offered (%.1f accepted/s, 0 errors, p99 write -> applied %.1f ms) = %.3f "
                    + "of the JDBC baseline's %.0f tx/s%n", knee.rate, accepted, knee.appliedP(99), accepted / baseline[0],
                    baseline[0]);
            soakRate = knee.rate / 2;
        }
        if (soakSeconds > 0) {
            soak(stack, mix, clients, pids, soakRate, soakSeconds, flags);
        }
        clients.shutdownNow();
    }

    static String header() {
        return String.format("  %8s %10s %6s %6s %6s %9s %9s %11s %11s %7s", "offered", "accepted/s", "errors", "non2xx",
                "tmout", "REST p50", "REST p99", "applied p50", "applied p99", "missing") + "   (ms; writes/s)";
    }

    /** Waits until every outbox is empty and report-service has applied everything, for up to 180 s. */
    static void catchUp(Launcher stack) throws Exception {
        long t = System.nanoTime();
        try {
            stack.awaitCaughtUp(Duration.ofSeconds(180));
            System.out.printf("  (caught up in %.1f s)%n", (System.nanoTime() - t) / 1e9);
        } catch (IllegalStateException e) {
            System.out.println("  NOT caught up after 180 s: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ the open loop

    static final AtomicLong SEQUENCE = new AtomicLong();

    /**
     * The open loop: write i is handed to the clients at start + i / rate, whatever the earlier writes did; each is
     * added to {@code done} and counted off {@code pending} when it ends.
     */
    static void schedule(Mix mix, ExecutorService clients, double rate, long total, long start,
            ConcurrentLinkedQueue<Write> done, AtomicLong pending) {
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long n = SEQUENCE.getAndIncrement();
            clients.execute(() -> {
                try {
                    done.add(mix.send(n, due));
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
    }

    static Phase openLoop(Mix mix, ExecutorService clients, double rate, double seconds, String label) throws Exception {
        long total = Math.round(rate * seconds);
        ConcurrentLinkedQueue<Write> done = new ConcurrentLinkedQueue<>();
        AtomicLong pending = new AtomicLong(total);
        long start = System.nanoTime() + 20_000_000L;
        schedule(mix, clients, rate, total, start, done, pending);
        // every write ends within its 10 s (sent or not); a little more for the last ones
        long deadline = System.nanoTime() + TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(5);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.printf("%s: %d writes due over %.0f s, all answered %.1f s after the last was due%s%n", label, total,
                seconds, (System.nanoTime() - start) / 1e9 - seconds, pending.get() > 0 ? " (" + pending.get() + " still open)" : "");
        return new Phase(label, rate, seconds, start, new ArrayList<>(done));
    }

    /** The mixed writes: setup of what they refer to, then write n. */
    static final class Mix {
        final Launcher stack;
        final String token;
        final String member;
        final String covid;
        final String indicator;

        Mix(Launcher stack) {
            this.stack = stack;
            this.token = stack.token("admin");
            this.member = stack.url(MEMBER);
            this.covid = stack.url(COVID);
            this.indicator = stack.url(INDICATOR);
        }

        void setUp() throws Exception {
            long t = System.nanoTime();
            for (int o = 0; o < ORGS; o++) {
                Rest.postJson(member + "/api/v1/organizations", token, "{\"code\":\"KNEE-O" + o + "\",\"name\":\"Đảng bộ đo tải "
                        + o + "\",\"superiorBody\":\"Đảng bộ khối\"}");
                for (int c = 0; c < CELLS; c++) {
                    Rest.postJson(member + "/api/v1/organizations/KNEE-O" + o + "/cells", token,
                            "{\"code\":\"KNEE-O" + o + "C" + c + "\",\"name\":\"Chi bộ " + c + "\"}");
                }
            }
            Rest.postJson(covid + "/api/v1/testing-campaigns", token, "{\"code\":\"XN-KNEE\",\"name\":\"Xét nghiệm đo tải\","
                    + "\"planReference\":\"Kế hoạch đo tải\",\"startDate\":\"" + FIRST_DAY + "\",\"intervalDays\":3}");
            for (int e = 0; e < ESTABLISHMENTS; e++) {
                Rest.postJson(covid + "/api/v1/establishments", token, "{\"code\":\"KNEE-E" + e + "\",\"name\":\"Cơ sở đo tải " + e
                        + "\",\"type\":\"SUPERMARKET\"}");
            }
            for (int i = 0; i < INDICATORS; i++) {
                Rest.postJson(indicator + "/api/v1/indicators", token, "{\"code\":\"KNEE" + i + "\",\"name\":\"Chỉ tiêu đo tải " + i
                        + "\",\"unit\":\"COUNT\",\"scale\":\"ONE\",\"aggregation\":\"SUM\",\"ownerDivision\":\"Văn phòng\"}");
            }
            System.out.printf("Set up %d organisations of %d cells, %d establishments and a campaign, %d indicators (%.1f s)%n",
                    ORGS, CELLS, ESTABLISHMENTS, INDICATORS, (System.nanoTime() - t) / 1e9);
        }

        /** Sends write n due at {@code due}; never throws. */
        Write send(long n, long due) {
            int kind = (int) (n % 3);
            long k = n / 3;
            long waited = System.nanoTime() - due;
            if (waited >= TIMEOUT_NANOS) {
                return new Write(kind, due, System.nanoTime(), 0, null, "not sent: queued 10 s behind earlier writes", true);
            }
            String url;
            String body;
            String aggregate = null;
            switch (kind) {
                case 0 -> {
                    int cell = (int) (k % (ORGS * CELLS));
                    int org = cell / CELLS;
                    url = member + "/api/v1/organizations/KNEE-O" + org + "/members/admissions";
                    body = "{\"identity\":{\"fullName\":\"Đảng viên đo tải " + k + "\",\"gender\":\"" + (k % 2 == 0 ? "MALE" : "FEMALE")
                            + "\",\"ethnicity\":\"Kinh\",\"dateOfBirth\":\"1990-01-01\",\"nationalId\":\"" + String.format("%012d", 74_000_000_000L + k)
                            + "\"},\"cellCode\":\"KNEE-O" + org + "C" + (cell % CELLS) + "\",\"admissionDate\":\"2025-06-01\"}";
                }
                case 1 -> {
                    url = covid + "/api/v1/test-sessions";
                    body = "{\"campaignCode\":\"XN-KNEE\",\"establishmentCode\":\"KNEE-E" + (k % ESTABLISHMENTS) + "\",\"date\":\""
                            + FIRST_DAY.plusDays(k / ESTABLISHMENTS) + "\",\"testsPerformed\":" + (100 + k % 50) + ",\"positives\":"
                            + (k % 3) + ",\"selfTesting\":false}";
                }
                default -> {
                    url = indicator + "/api/v1/values";
                    String code = "KNEE" + (k % INDICATORS);
                    long year = FIRST_YEAR + k / INDICATORS;
                    aggregate = code + "/SCT-BD/" + year;
                    body = "{\"indicator\":\"" + code + "\",\"organization\":\"SCT-BD\",\"period\":\"" + year
                            + "\",\"kind\":\"ACTUAL\",\"value\":" + (1000 + k) + ",\"source\":\"đo tải\"}";
                }
            }
            try {
                HttpResponse<String> r = Rest.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofNanos(Math.max(TIMEOUT_NANOS - waited, 1_000_000L)))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                if (r.statusCode() / 100 != 2) {
                    return new Write(kind, due, now, r.statusCode(), null, r.statusCode() + " from " + url + ": " + r.body(), false);
                }
                if (aggregate == null) {
                    aggregate = Rest.field(r.body(), "id");
                }
                return new Write(kind, due, now, r.statusCode(), aggregate, null, false);
            } catch (HttpTimeoutException e) {
                return new Write(kind, due, System.nanoTime(), 0, null, "timeout: " + url, true);
            } catch (Exception e) {
                return new Write(kind, due, System.nanoTime(), 0, null, e + " from " + url, false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ write -> applied

    /**
     * Fills the phase's write-to-applied latencies: for each accepted write, its outbox row (by aggregate id and event
     * type) in the writing service's database, then that event's inbox row in report-service's.
     */
    static void applied(Launcher stack, Phase phase, List<Write> writes) throws Exception {
        Map<String, Long> writtenAt = new HashMap<>();
        Map<String, String> eventOf = new HashMap<>();
        for (int kind = 0; kind < 3; kind++) {
            int kk = kind;
            String[] aggregates = writes.stream().filter(w -> w.ok() && w.kind() == kk).map(Write::aggregate).toArray(String[]::new);
            if (aggregates.length == 0) {
                continue;
            }
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(KIND_SERVICE[kind]), "postgres", "postgres");
                 PreparedStatement ps = c.prepareStatement("SELECT aggregate_id, event_id::text, (extract(epoch FROM created_at) "
                         + "* 1000000)::bigint FROM outbox WHERE event_type = ? AND aggregate_id = ANY (?) ORDER BY id")) {
                ps.setString(1, KIND_EVENT[kind]);
                ps.setArray(2, c.createArrayOf("varchar", aggregates));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = kind + "/" + rs.getString(1);
                        if (!eventOf.containsKey(key)) { // the first event of the write (id order)
                            eventOf.put(key, rs.getString(2));
                            writtenAt.put(key, rs.getLong(3));
                        }
                    }
                }
            }
        }
        Map<String, Long> appliedAt = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(REPORT), "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("SELECT event_id::text, (extract(epoch FROM applied_at) * 1000000)::bigint "
                     + "FROM inbox WHERE event_id = ANY (?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("varchar", eventOf.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    appliedAt.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<Double> ms = new ArrayList<>();
        int missing = 0;
        for (Write w : writes) {
            if (!w.ok()) {
                continue;
            }
            String key = w.kind() + "/" + w.aggregate();
            String event = eventOf.get(key);
            Long applied = event == null ? null : appliedAt.get(event);
            if (applied == null) {
                missing++;
            } else {
                ms.add(Math.max(0, applied - writtenAt.get(key)) / 1000.0);
            }
        }
        phase.applied = ms.stream().mapToDouble(Double::doubleValue).toArray();
        phase.notApplied = missing;
    }

    // ------------------------------------------------------------------------------------------------ the baseline

    /** Returns {tx/s, transactions, p50 ms, p99 ms}. */
    static double[] jdbcBaseline(String anyServiceJdbc, Path home, long transactions, int threads, int limitSeconds)
            throws Exception {
        String server = anyServiceJdbc.substring(0, anyServiceJdbc.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS knee_baseline");
            s.execute("CREATE DATABASE knee_baseline");
        }
        String url = server + "knee_baseline";
        Path outboxDdl = home.resolve("platform/src/main/resources/db/platform/V0_1__outbox.sql");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); java.sql.Statement s = c.createStatement()) {
            s.execute(Files.readString(outboxDdl));
            s.execute("CREATE TABLE business_row (id UUID PRIMARY KEY, code VARCHAR(40) NOT NULL, day DATE NOT NULL, "
                    + "tests INT NOT NULL, positives INT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        System.out.printf("%nJDBC baseline: %,d transactions (business row + outbox row, one transaction each) by %d connections "
                + "in database knee_baseline (at most %d s) ...%n", transactions, threads, limitSeconds);
        AtomicLong next = new AtomicLong();
        List<List<Double>> lat = new ArrayList<>();
        List<Thread> ts = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(limitSeconds);
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < threads; i++) {
            List<Double> mine = new ArrayList<>();
            lat.add(mine);
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                     PreparedStatement row = c.prepareStatement("INSERT INTO business_row (id, code, day, tests, positives) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement out = c.prepareStatement("INSERT INTO outbox (event_id, event_type, event_version, source, organization, "
                             + "aggregate_type, aggregate_id, occurred_at, payload) VALUES (?, 'test-session.recorded', 1, 'bench', 'SCT-BD', "
                             + "'test-session', ?, now(), ?::jsonb)")) {
                    c.setAutoCommit(false);
                    long n;
                    while ((n = next.getAndIncrement()) < transactions && System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        UUID id = UUID.randomUUID();
                        String code = "KNEE-E" + (n % ESTABLISHMENTS);
                        java.sql.Date day = java.sql.Date.valueOf(FIRST_DAY.plusDays(n / ESTABLISHMENTS));
                        row.setObject(1, id);
                        row.setString(2, code);
                        row.setDate(3, day);
                        row.setInt(4, 100);
                        row.setInt(5, 1);
                        row.executeUpdate();
                        out.setObject(1, UUID.randomUUID());
                        out.setString(2, id.toString());
                        out.setString(3, "{\"sessionId\":\"" + id + "\",\"campaignCode\":\"XN-KNEE\",\"establishmentCode\":\"" + code
                                + "\",\"establishmentType\":\"SUPERMARKET\",\"date\":\"" + day + "\",\"testsPerformed\":100,\"positives\":1,"
                                + "\"selfTesting\":false}");
                        out.executeUpdate();
                        c.commit();
                        mine.add((System.nanoTime() - t0) / 1e6);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("baseline client failed: " + e);
                }
            }, "knee-jdbc-" + i);
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] all = lat.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        System.out.printf("JDBC baseline: %,d transactions in %.1f s = %.0f tx/s%s%n", all.length, seconds, all.length / seconds,
                failures.get() > 0 ? " (" + failures.get() + " connections failed)" : "");
        return new double[] { all.length / seconds, all.length, Stats.percentile(all, 50), Stats.percentile(all, 99) };
    }

    // ------------------------------------------------------------------------------------------------ the soak

    static void soak(Launcher stack, Mix mix, ExecutorService clients, Map<String, Long> pids, double rate, int seconds,
            String flags) throws Exception {
        int windowSeconds = 30;
        System.out.printf("%nSoak: %.0f writes/s (half the knee) for %d s; every %d s: accepted, errors, REST p50/p99, and per "
                + "service the old generation in use (jstat -gc OU, MiB) at the window's end / its lowest in the window "
                + "(*n: n full collections in the window)%n", rate, seconds, windowSeconds);
        Map<String, GcWatch> watches = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            watches.put(e.getKey(), new GcWatch(e.getKey(), e.getValue()));
        }
        Map<String, Double> liveBefore = new LinkedHashMap<>();
        for (GcWatch w : watches.values()) {
            liveBefore.put(w.service, w.liveHeapMib());
        }
        System.out.println("  live heap before the soak (heap in use just after jcmd GC.run), MiB: " + liveBefore);
        Thread.sleep(2000);
        ConcurrentLinkedQueue<Write> done = new ConcurrentLinkedQueue<>();
        long total = Math.round(rate * seconds);
        AtomicLong pending = new AtomicLong(total);
        long start = System.nanoTime() + 20_000_000L;
        int windows = (seconds + windowSeconds - 1) / windowSeconds;
        Thread reporter = new Thread(() -> {
            try {
                for (int w = 0; w < windows; w++) {
                    // a window's writes have all ended 10 s after its end (sent or not)
                    long printAt = start + TimeUnit.SECONDS.toNanos((long) (w + 1) * windowSeconds) + TIMEOUT_NANOS + 500_000_000L;
                    long wait;
                    while ((wait = printAt - System.nanoTime()) > 0) {
                        Thread.sleep(Math.max(1, wait / 1_000_000));
                    }
                    System.out.println(soakLine(w, windowSeconds, start, windowOf(done, start, w, windowSeconds), watches, rate));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "knee-soak-reporter");
        reporter.setDaemon(true);
        System.out.printf("  %-9s %8s %6s %6s %8s %8s   old gen MiB (end/min): %s%n", "window", "acc./s", "errors", "tmout",
                "REST p50", "REST p99", String.join(" | ", watches.keySet()));
        reporter.start();
        schedule(mix, clients, rate, total, start, done, pending);
        reporter.join(TimeUnit.SECONDS.toMillis(windowSeconds + 20L));
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        catchUp(stack);
        Map<String, Double> liveAfter = new LinkedHashMap<>();
        for (GcWatch w : watches.values()) {
            liveAfter.put(w.service, w.liveHeapMib());
            w.close();
        }
        List<Write> all = new ArrayList<>(done);
        Phase whole = new Phase("soak", rate, seconds, start, all);
        applied(stack, whole, all);
        System.out.printf("%nSoak at %.0f writes/s for %d s (services: %s), per %d s window (ms):%n", rate, seconds, flags,
                windowSeconds);
        System.out.printf("  %-9s %8s %6s %9s %9s %11s %7s%n", "window", "acc./s", "errors", "REST p50", "REST p99", "applied p99",
                "missing");
        for (int w = 0; w < windows; w++) {
            List<Write> in = windowOf(done, start, w, windowSeconds);
            Phase p = new Phase("w" + w, rate, windowSeconds, start, in);
            applied(stack, p, in);
            System.out.printf("  %3d-%-4d %8.1f %6d %9.1f %9.1f %11.1f %7d%n", w * windowSeconds, (w + 1) * windowSeconds,
                    p.ok().size() / (double) windowSeconds, p.errors(), p.restP(50), p.restP(99), p.appliedP(99), p.notApplied);
        }
        System.out.printf("  whole soak: %d writes, %d accepted, %d errors (%d timeouts), REST p50 %.1f p99 %.1f ms, write -> applied "
                + "p50 %.1f p99 %.1f ms, %d accepted writes not applied%n", all.size(), whole.ok().size(), whole.errors(),
                whole.timeouts(), whole.restP(50), whole.restP(99), whole.appliedP(50), whole.appliedP(99), whole.notApplied);
        if (whole.firstError() != null) {
            System.out.println("  first error: " + whole.firstError());
        }
        System.out.println("  live heap (heap in use just after jcmd GC.run), MiB, before -> after the soak:");
        for (String s : liveBefore.keySet()) {
            System.out.printf("    %-19s %7.1f -> %7.1f%n", s, liveBefore.get(s), liveAfter.get(s));
        }
    }

    static List<Write> windowOf(ConcurrentLinkedQueue<Write> done, long start, int w, int windowSeconds) {
        long from = start + TimeUnit.SECONDS.toNanos((long) w * windowSeconds);
        long to = from + TimeUnit.SECONDS.toNanos(windowSeconds);
        List<Write> in = new ArrayList<>();
        for (Write x : done) {
            if (x.due() >= from && x.due() < to) {
                in.add(x);
            }
        }
        return in;
    }

    static String soakLine(int w, int windowSeconds, long start, List<Write> in, Map<String, GcWatch> watches, double rate) {
        Phase p = new Phase("w" + w, rate, windowSeconds, start, in);
        long from = start + TimeUnit.SECONDS.toNanos((long) w * windowSeconds);
        long to = from + TimeUnit.SECONDS.toNanos(windowSeconds);
        List<String> heaps = new ArrayList<>();
        for (GcWatch g : watches.values()) {
            heaps.add(g.window(from, to).brief());
        }
        return String.format("  %3d-%-4d %8.1f %6d %6d %8.1f %8.1f   %s", w * windowSeconds, (w + 1) * windowSeconds,
                p.ok().size() / (double) windowSeconds, p.errors(), p.timeouts(), p.restP(50), p.restP(99), String.join(" | ", heaps));
    }

    // ------------------------------------------------------------------------------------- production flags

    /**
     * Stops a service the launcher started and starts it again from the same command line with the production images'
     * flags in place of the launcher's heap, collector and C1-only flags; waits until it is ready.
     */
    static Process restartWithProductionFlags(Launcher stack, String service, Path home) throws Exception {
        ProcessHandle running = Rest.serviceProcess(service);
        List<String> command = new ArrayList<>();
        command.add(running.info().command().orElseThrow());
        boolean flagsAdded = false;
        for (String a : running.info().arguments().orElseThrow()) {
            if (a.startsWith("-Xmx") || a.equals("-XX:+UseSerialGC") || a.equals("-XX:TieredStopAtLevel=1")) {
                if (!flagsAdded) {
                    command.addAll(List.of(PRODUCTION_FLAGS.split(" ")));
                    flagsAdded = true;
                }
                continue;
            }
            command.add(a);
        }
        stack.kill(service);
        java.io.File log = home.resolve("bench/target/knee-" + service + "-production-flags.log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!stack.healthy(service)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                throw new IllegalStateException(service + " did not come back with the production flags: see " + log);
            }
            Thread.sleep(250);
        }
        System.out.println("Restarted " + service + " with the production flags (pid " + p.pid() + ")");
        return p;
    }
}
