package vn.binhduong.sct.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long members = Math.round(5_300_000 * scale);
        int organisations = (int) Math.round(52_000 * scale);
        int establishments = (int) Math.round(10_000 * scale);
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/report-scale-bench-data");
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0", "--demo", "2021")) {
            stack.runSteps();
            String jdbc = stack.jdbcUrl("report-service");
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
                for (String table : List.of("projection_member", "figure", "projection_contribution")) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*), pg_size_pretty(pg_total_relation_size('" + table + "')) FROM " + table)) {
                        rs.next();
                        System.out.printf("  %-24s %,12d rows, %s with indexes%n", table, rs.getLong(1), rs.getString(2));
                    }
                }
            }
            String url = stack.url("report-service") + "/api/v1/reports/DB-SCT/2021/generate";
            String token = stack.token("party-committee");
            for (int i = 0; i < 5; i++) {
                Rest.post(url, token);
            }
            double[] generation = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                Rest.post(url, token);
                generation[i] = (System.nanoTime() - t) / 1e6;
            }
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
            System.out.printf("  one generation of the DB-SCT 2021 report, 4 formats stored, %d runs: median %s, p99 %s%n", runs,
                    Stats.ms(median), Stats.ms(p99));
            System.out.printf("  ratio generation median / scan: %.3f; p99 / scan: %.3f (target < 0.1)%n", median / scan, p99 / scan);
        }
    }
}
