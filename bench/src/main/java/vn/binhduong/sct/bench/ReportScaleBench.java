package vn.binhduong.sct.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.launcher.Launcher;

/**
 * Report generation with projections at national scale (issue 7). The stack starts fresh and loads the 2021 demo data
 * through the public APIs (the organisation whose report is generated, DB-SCT, has every section). Then the projection
 * tables of report-service are filled, in SQL, with a synthetic nation: 5,300,000 members in 52,000 organisations
 * (projection_member), the member and evaluation figures of each of those organisations for 2016-2021 (figure), and a
 * year of daily test sessions for 10,000 establishments spread over 63 provincial departments (projection_contribution,
 * two metrics per session: tests and positives), then ANALYZE. Measured in the same run: one generation of the 2021
 * report of DB-SCT through {@code POST /api/v1/reports/DB-SCT/2021/generate} (JSON, Markdown, HTML and DOCX built and
 * stored as a version), median and p99 over the timed runs after warm-up, next to one full scan of the largest
 * projection table ({@code SELECT count(*), sum(value) FROM projection_contribution}, median of three, as PostgreSQL
 * plans it with its default settings). Target: generation under 0.1 of the scan.
 * Arguments: [timed generations, default 30] [scale factor, default 1.0: 0.1 fills a tenth of the nation].
 */
public final class ReportScaleBench {
    /** Untimed runs after a JFR recording starts (-Dbench.jfr), before the timed ones. */
    private static final int JFR_SETTLE_RUNS = 20;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long members = Math.round(5_300_000 * scale);
        int organisations = (int) Math.round(52_000 * scale);
        int establishments = (int) Math.round(10_000 * scale);
        boolean keep = Boolean.getBoolean("bench.keep");
        String jvm = System.getProperty("bench.jvm", "laptop");
        String heap = System.getProperty("bench.heap", "256m");
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/report-scale-bench-data");
        Path marker = data.resolve("report-scale-seeded");
        String seededAs = "scale " + scale;
        boolean reuse = keep && Files.exists(marker) && Files.readString(marker).trim().equals(seededAs);
        List<String> launch = new ArrayList<>(List.of("--data", data.toString(), "--pg-port", "0", "--kafka-port", "0",
                "--base-port", "0", "--heap", heap));
        if (!jvm.equals("laptop")) {
            launch.addAll(List.of("--jvm", jvm));
        }
        if (!reuse) {
            launch.addAll(List.of("--reset", "--demo", "2021"));
        }
        System.out.printf("services' JVM: %s, -Xmx%s; data %s%n", jvm, heap,
                reuse ? "kept from an earlier run (-Dbench.keep=true, " + seededAs + ")" : "seeded afresh");
        try (Launcher stack = Launcher.start(System.out, launch.toArray(String[]::new))) {
            String jdbc = stack.jdbcUrl("report-service");
            if (!reuse) {
                Files.deleteIfExists(marker);
                stack.runSteps();
                seed(jdbc, members, organisations, establishments);
                Files.writeString(marker, seededAs);
            } else {
                stack.awaitCaughtUp(java.time.Duration.ofSeconds(120));
            }
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
                for (String table : List.of("projection_member", "figure", "projection_contribution")) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*), pg_size_pretty(pg_total_relation_size('" + table + "')) FROM " + table)) {
                        rs.next();
                        System.out.printf("  %-24s %,12d rows, %s with indexes%n", table, rs.getLong(1), rs.getString(2));
                    }
                }
            }
            String base = stack.url("report-service");
            String url = base + "/api/v1/reports/DB-SCT/2021/generate";
            String token = stack.token("party-committee");
            int warmup = Integer.getInteger("bench.warmup", 5);
            for (int i = 0; i < warmup; i++) {
                Rest.post(url, token);
            }
            double[] generation = new double[runs];
            Run[] detail = new Run[runs];
            long pid = stack.pid("report-service");
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null) { // a profile of report-service over the timed runs (JDK Flight Recorder, 10 ms samples)
                Jfr.start(pid, "report-scale", jfr);
                // starting a recording costs the service CPU for a while (its classes, its threads, their compilation): the
                // first timed runs took 2 to 5 times the median. Untimed runs absorb it; the profile includes them.
                for (int i = 0; i < JFR_SETTLE_RUNS; i++) {
                    Rest.post(url, token);
                }
            }
            // diagnostic only: a pause between runs (outside the timing) lets what a generation leaves behind (its
            // event's publication by the outbox relay, the broker's write) finish before the next one starts
            long pause = Long.getLong("bench.pause-ms", 0);
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                for (int i = 0; i < runs; i++) {
                    if (pause > 0) {
                        Thread.sleep(pause);
                    }
                    Snapshot before = Snapshot.take(base, c, pid);
                    long t = System.nanoTime();
                    String body = Rest.post(url, token);
                    generation[i] = (System.nanoTime() - t) / 1e6;
                    detail[i] = new Run(i + 1, (int) Rest.number(body, "version"), generation[i], before, Snapshot.take(base, c, pid));
                }
            }
            if (jfr != null) {
                Jfr.stop(pid, "report-scale");
            }
            Path log = data.resolve("logs/report-service.log");
            Map<Integer, String> phases = phases(log);
            explain(jdbc);
            List<Double> scans = new ArrayList<>();
            long rows = 0;
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
                for (int i = 0; i < 4; i++) {
                    long t = System.nanoTime();
                    try (ResultSet rs = s.executeQuery("SELECT count(*), sum(value) FROM projection_contribution")) {
                        rs.next();
                        rows = rs.getLong(1);
                    }
                    if (i > 0) { // the first scan only warms the cache
                        scans.add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
            double scan = Stats.percentile(scans.stream().mapToDouble(Double::doubleValue).toArray(), 50);
            double median = Stats.percentile(generation, 50);
            double p99 = Stats.percentile(generation, 99);
            System.out.printf("%nReport generation at national scale (scale %.2f: %,d members, %,d organisations, %,d establishments)%n",
                    scale, members, organisations, establishments);
            System.out.printf("  full scan of projection_contribution (%,d rows), median of 3 (baseline): %s%n", rows, Stats.ms(scan));
            if (pause > 0) {
                System.out.printf("  (diagnostic: %d ms pause before each timed run)%n", pause);
            }
            System.out.printf("  one generation of the DB-SCT 2021 report, 4 formats stored, %d runs after %d warm-up: median %s, p99 %s (rank %d of %d)%n",
                    runs, warmup, Stats.ms(median), Stats.ms(p99), (int) Math.ceil(0.99 * runs), runs);
            if (jfr != null) {
                System.out.printf("  (profiled: JFR recording to %s, started %d untimed runs before the timed ones)%n", jfr, JFR_SETTLE_RUNS);
            }
            System.out.printf("  ratio generation median / scan: %.3f; p99 / scan: %.3f (target < 0.1)%n", median / scan, p99 / scan);
            describeSlowRuns(detail, phases, median);
        }
    }

    private static void seed(String jdbc, long members, int organisations, int establishments) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
            long t = System.nanoTime();
            s.execute("""
                    INSERT INTO projection_member (organization, member_id, cell_code, status, admitted_on, joined_on,
                        confirmed_on, left_on, last_effective_on, religious, event_id, occurred_at)
                    SELECT 'NAT-O' || lpad((g %% %d)::text, 5, '0'), 'nat-member-' || g, 'CB' || (g / %d %% 8 + 1),
                           CASE WHEN g %% 60 = 0 THEN 'PROBATIONARY' ELSE 'OFFICIAL' END,
                           DATE '1975-01-01' + (g %% 17000), DATE '1975-01-01' + (g %% 17000),
                           CASE WHEN g %% 60 = 0 THEN NULL ELSE DATE '1976-01-01' + (g %% 17000) END,
                           NULL, DATE '2021-12-31', g %% 50 = 0, gen_random_uuid(), now()
                    FROM generate_series(1, %d) g""".formatted(organisations, organisations, members));
            System.out.printf("projection_member: %,d synthetic members in %,d organisations (%.0f s)%n", members,
                    organisations, (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            s.execute("""
                    INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
                    SELECT 'NAT-O' || lpad(o::text, 5, '0'), y, k, 90 + (o + y) %% 25, NULL, 'count', make_date(y, 12, 31),
                           gen_random_uuid(), 'member.registered', now()
                    FROM generate_series(0, %d) o, generate_series(2016, 2021) y,
                         unnest(ARRAY['member.count.total', 'member.count.probationary', 'member.count.official',
                                      'member.count.religious', 'member.admitted.count', 'member.confirmed.count',
                                      'evaluation.members.excellent', 'evaluation.members.good', 'evaluation.members.completed',
                                      'evaluation.members.not-completed', 'evaluation.members', 'evaluation.cells.good',
                                      'evaluation.cells.excellent', 'evaluation.cells', 'evaluation.members.good-or-better']) k"""
                    .formatted(organisations - 1));
            System.out.printf("figure: 15 figures x 6 years for each synthetic organisation (%.0f s)%n", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            s.execute("""
                    INSERT INTO projection_contribution (organization, year, metric, subject_id, category, label, value, unit,
                        as_of, event_id, event_type, occurred_at)
                    SELECT 'NAT-D' || lpad((e %% 63)::text, 2, '0'), 2021, m, 'session-' || e || '-' || d, NULL, NULL,
                           CASE WHEN m = 'covid.tests.recorded' THEN 20 + (e + d) %% 200 ELSE (e * d) %% 3 END,
                           'count', DATE '2021-01-01' + d, gen_random_uuid(), 'test-session.recorded', now()
                    FROM generate_series(0, %d) e, generate_series(0, 364) d,
                         unnest(ARRAY['covid.tests.recorded', 'covid.tests.recorded-positive']) m"""
                    .formatted(establishments - 1));
            System.out.printf("projection_contribution: a year of daily test sessions for %,d establishments (%.0f s)%n",
                    establishments, (System.nanoTime() - t) / 1e9);
            s.execute("ANALYZE");
        }
    }

    /** What the service and the database did around one timed generation (read just before and just after it). */
    record Snapshot(double gcCount, double gcSeconds, double buildCount, double buildSeconds, int autovacuum,
            long checkpointBuffers, long checkpoints, long walBytes, long serviceCpuNs, long serviceWaitNs, long[] machine) {
        private static final java.util.regex.Pattern LINE = java.util.regex.Pattern
                .compile("^(jvm_gc_pause_seconds_count|jvm_gc_pause_seconds_sum|sct_report_generation_seconds_count|"
                        + "sct_report_generation_seconds_sum)(\\{[^}]*})? ([0-9.eE+-]+)$");

        static Snapshot take(String base, Connection c, long pid) throws Exception {
            double[] m = new double[4];
            for (String line : Rest.get(base + "/q/metrics", null).split("\n")) {
                java.util.regex.Matcher x = LINE.matcher(line);
                if (x.matches()) {
                    int k = switch (x.group(1)) {
                        case "jvm_gc_pause_seconds_count" -> 0;
                        case "jvm_gc_pause_seconds_sum" -> 1;
                        case "sct_report_generation_seconds_count" -> 2;
                        default -> 3;
                    };
                    m[k] += Double.parseDouble(x.group(3));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'),
                           (SELECT buffers_written FROM pg_stat_checkpointer),
                           (SELECT num_timed + num_requested FROM pg_stat_checkpointer),
                           pg_current_wal_insert_lsn() - '0/0'""")) {
                rs.next();
                long[] sched = schedstat(pid);
                return new Snapshot(m[0], m[1], m[2], m[3], rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), sched[0],
                        sched[1], cpuTicks());
            }
        }

        /** Nanoseconds the service's threads ran on a CPU and waited for one (runnable, not running), from /proc. */
        static long[] schedstat(long pid) {
            long[] sum = new long[2];
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                tasks.forEach(t -> {
                    try {
                        String[] f = Files.readString(t.resolve("schedstat")).trim().split(" ");
                        sum[0] += Long.parseLong(f[0]);
                        sum[1] += Long.parseLong(f[1]);
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a thread that ended meanwhile
                    }
                });
            } catch (java.io.IOException e) {
                return new long[] { -1, -1 };
            }
            return sum;
        }

        /** The machine's CPU time in clock ticks: busy (user, nice, system, irq, softirq), idle + iowait, steal. */
        static long[] cpuTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
                return new long[] { busy, Long.parseLong(f[4]) + Long.parseLong(f[5]), Long.parseLong(f[8]) };
            } catch (java.io.IOException | RuntimeException e) {
                return new long[] { 0, 0, 0 };
            }
        }
    }

    record Run(int n, int version, double wallMs, Snapshot before, Snapshot after) {
        double gcPauses() {
            return after.gcCount() - before.gcCount();
        }

        double gcMs() {
            return (after.gcSeconds() - before.gcSeconds()) * 1000;
        }

        double serverMs() {
            return (after.buildSeconds() - before.buildSeconds()) * 1000;
        }

        boolean autovacuum() {
            return before.autovacuum() > 0 || after.autovacuum() > 0;
        }

        double cpuMs() {
            return (after.serviceCpuNs() - before.serviceCpuNs()) / 1e6;
        }

        double waitMs() {
            return (after.serviceWaitNs() - before.serviceWaitNs()) / 1e6;
        }

        /** Share of the machine's two CPUs busy during the run (any process), from /proc/stat. */
        double machineBusy() {
            long busy = after.machine()[0] - before.machine()[0];
            long idle = after.machine()[1] - before.machine()[1];
            return busy + idle == 0 ? 0 : (double) busy / (busy + idle);
        }

        boolean checkpoint() {
            return after.checkpointBuffers() != before.checkpointBuffers() || after.checkpoints() != before.checkpoints();
        }
    }

    /** The DEBUG line report-service writes per generation (ReportService), by version; empty at INFO. */
    static Map<Integer, String> phases(Path log) throws java.io.IOException {
        Map<Integer, String> byVersion = new java.util.HashMap<>();
        if (!Files.exists(log)) {
            return byVersion;
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("report generation DB-SCT/2021 v(\\d+) ms: (.*)$");
        try (var lines = Files.lines(log)) {
            lines.forEach(l -> {
                java.util.regex.Matcher m = p.matcher(l);
                if (m.find()) {
                    byVersion.put(Integer.parseInt(m.group(1)), m.group(2));
                }
            });
        }
        return byVersion;
    }

    static void describeSlowRuns(Run[] runs, Map<Integer, String> phases, double median) {
        Run[] byTime = runs.clone();
        java.util.Arrays.sort(byTime, java.util.Comparator.comparingDouble(Run::wallMs).reversed());
        int show = Math.max(5, runs.length / 20);
        System.out.printf("%n  slowest %d runs (GC pauses from report-service's jvm_gc_pause_seconds, build = its"
                + " sct_report_generation_seconds, autovacuum = a worker seen before or after the run, checkpoint ="
                + " checkpointer wrote during it, WAL bytes of the run):%n", show);
        for (int i = 0; i < Math.min(show, byTime.length); i++) {
            printRun(byTime[i], phases);
        }
        System.out.println("  fastest 3 runs:");
        for (int i = byTime.length - 1; i >= Math.max(0, byTime.length - 3); i--) {
            printRun(byTime[i], phases);
        }
        double[] withGc = java.util.Arrays.stream(runs).filter(r -> r.gcPauses() > 0).mapToDouble(Run::wallMs).toArray();
        double[] withoutGc = java.util.Arrays.stream(runs).filter(r -> r.gcPauses() == 0).mapToDouble(Run::wallMs).toArray();
        System.out.printf("  runs with a GC pause: %d (median %s, max %s); without: %d (median %s, max %s)%n", withGc.length,
                withGc.length == 0 ? "-" : Stats.ms(Stats.percentile(withGc, 50)), withGc.length == 0 ? "-" : Stats.ms(Stats.percentile(withGc, 100)),
                withoutGc.length, withoutGc.length == 0 ? "-" : Stats.ms(Stats.percentile(withoutGc, 50)),
                withoutGc.length == 0 ? "-" : Stats.ms(Stats.percentile(withoutGc, 100)));
        Run[] slow = java.util.Arrays.stream(runs).filter(r -> r.wallMs() > 1.25 * median).toArray(Run[]::new);
        Run[] rest = java.util.Arrays.stream(runs).filter(r -> r.wallMs() <= 1.25 * median).toArray(Run[]::new);
        System.out.printf("  runs slower than 1.25 x median: %d; their median service CPU %s, wait for a CPU %s, machine busy %.0f%%;"
                + " the other runs: %s, %s, %.0f%%%n", slow.length, med(slow, Run::cpuMs), med(slow, Run::waitMs),
                100 * median(slow, Run::machineBusy), med(rest, Run::cpuMs), med(rest, Run::waitMs), 100 * median(rest, Run::machineBusy));
        double gcTotal = java.util.Arrays.stream(runs).mapToDouble(Run::gcMs).sum();
        System.out.printf("  GC pauses over the timed runs: %.0f, %.1f ms in all (%.2f ms per run); slow runs (> 1.25 x median)"
                + " with autovacuum running: %d, with a checkpoint writing: %d, of %d%n",
                java.util.Arrays.stream(runs).mapToDouble(Run::gcPauses).sum(), gcTotal, gcTotal / runs.length,
                java.util.Arrays.stream(runs).filter(r -> r.wallMs() > 1.25 * median && r.autovacuum()).count(),
                java.util.Arrays.stream(runs).filter(r -> r.wallMs() > 1.25 * median && r.checkpoint()).count(),
                java.util.Arrays.stream(runs).filter(r -> r.wallMs() > 1.25 * median).count());
    }

    private static double median(Run[] runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.length == 0 ? Double.NaN : Stats.percentile(java.util.Arrays.stream(runs).mapToDouble(f).toArray(), 50);
    }

    private static String med(Run[] runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.length == 0 ? "-" : Stats.ms(median(runs, f));
    }

    private static void printRun(Run r, Map<Integer, String> phases) {
        System.out.printf("    run %3d (v%d): %6.1f ms, build %6.1f ms, service on CPU %5.1f ms, waiting for a CPU %5.1f ms,"
                + " machine busy %3.0f%%, GC %.0f pause(s) %5.1f ms, autovacuum %s, checkpoint %s, WAL %,d B | %s%n", r.n(),
                r.version(), r.wallMs(), r.serverMs(), r.cpuMs(), r.waitMs(), 100 * r.machineBusy(), r.gcPauses(), r.gcMs(),
                r.autovacuum() ? "yes" : "no", r.checkpoint() ? "yes" : "no", r.after().walBytes() - r.before().walBytes(),
                phases.getOrDefault(r.version(), "(phases: run with QUARKUS_LOG_CATEGORY__VN_BINHDUONG_SCT_REPORT_SERVICE__LEVEL=DEBUG)"));
    }

    /** The plans of the statements one generation sends that touch the national tables, with their buffers. */
    static void explain(String jdbc) throws Exception {
        List<String> statements = List.of(
                "SELECT organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type FROM figure"
                        + " WHERE organization IN ('DB-SCT', 'SCT-BD') AND year IN (0, 2021)",
                "SELECT COALESCE(label, subject_id) FROM projection_contribution WHERE organization IN ('DB-SCT', 'SCT-BD')"
                        + " AND year IN (0, 2021) AND metric = 'evaluation.cells' AND (CAST('EXCELLENT' AS VARCHAR) IS NULL"
                        + " OR UPPER(category) = UPPER(CAST('EXCELLENT' AS VARCHAR))) ORDER BY COALESCE(label, subject_id), subject_id",
                "SELECT COALESCE(MAX(report_version), 0) + 1 FROM report_version WHERE organization = 'DB-SCT' AND year = 2021");
        System.out.println("\n  plans (EXPLAIN (ANALYZE, BUFFERS), after the timed runs):");
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                System.out.println("    " + sql.replaceAll("\\s+", " "));
                try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    while (rs.next()) {
                        System.out.println("      " + rs.getString(1));
                    }
                }
            }
        }
    }
}
