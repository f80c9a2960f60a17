package vn.binhduong.sct.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import vn.binhduong.sct.launcher.Launcher;

/**
 * member-service at scale (issue 3): 100,000 members in 5,000 cells of one organisation, written straight into
 * member_service's tables with COPY (consistent with its schema and rules: see {@link #seed}), then a fixed number
 * of clients for a bounded time against
 * <ul>
 * <li>the paged member list {@code GET /api/v1/organizations/{org}/members?page=&size=50} (random pages; one request
 * in four filtered by a random cell), next to the same SQL statements the service runs for one request, sent through
 * JDBC by the same number of clients in the same run; target REST at least 0.4 of JDBC;</li>
 * <li>the rating distribution {@code GET /api/v1/organizations/{org}/statistics/ratings?year=2021}, next to its SQL
 * through JDBC; target p99 under 100 ms.</li>
 * </ul>
 * The rating distribution is also measured with one client, one request at a time (half the time), for its latency
 * alone.
 * <p>Keyset pages (issue 16): {@code GET /api/v1/organizations/{org}/members?after=<cursor>&size=50} at a random page of the
 * 2,000 (and, apart, only the deepest tenth), the cursors collected by one client walking the whole list first (which
 * also checks that the walk returns every member once), next to the same page read by JDBC as a keyset range scan of
 * the index ({@code WHERE organization_id = ? AND (full_name, id) > (?, ?) ORDER BY full_name, id LIMIT 51}); as admin
 * (who is served the personal data, so every page also writes its 50 rows of the personal-data access log) and as
 * integration (no personal data, no log row). Target REST at least 0.5 of JDBC, p99 under 50 ms with 8 clients.
 * <p>The REST floor in the same run (issue 16): {@code GET /api/v1/inbox/lag} (a constant in member-service, behind the
 * same bearer-token and role check as the list) and {@code GET /q/health/live} (no token), by the same clients, so the
 * report can say what HTTP and the JWT check alone cost here next to the JDBC range scan. Each REST client of these
 * phases has its own token (the edge allows one caller 1,000 requests/s).
 * <p>With {@code -Dbench.jit=full} the services run with the production images' flags ({@code --jvm production}: G1,
 * full tiered JIT) and a heap of 768 MiB (MaxRAMPercentage=75 of the 1 GiB Kubernetes limit), else with the launcher's
 * ({@code -Xmx256m}, serial GC, C1 only); the flags are printed. With {@code -Dbench.keyset-only=true} only the keyset
 * pages and the floors are measured (no offset list, no rating distribution).
 * Arguments: [seconds measured per path, default 30] [clients, default 8].
 */
public final class MembersBench {
    static final String ORG = "BENCH-DB";
    static final int MEMBERS = 100_000;
    static final int CELLS = 5_000;
    static final int PAGE_SIZE = 50;
    static final int YEAR = 2021;

    static final String ORG_BY_CODE = "SELECT id, code, name, superior_body, term_start_year, term_end_year, version"
            + " FROM party_organization WHERE code = ? FETCH FIRST 1 ROWS ONLY";
    static final String CELL_BY_CODE = "SELECT id, organization_id, code, name, established_on, version"
            + " FROM party_cell WHERE code = ? FETCH FIRST 1 ROWS ONLY";
    static final String MEMBER_COLUMNS = "id, organization_id, cell_id, full_name, gender, ethnicity, religious, date_of_birth,"
            + " national_id, residence, status, temporary, admission_date, confirmation_date, party_card_number,"
            + " department_position, on_roll_since, left_on, temporarily_away_until, suspended_from, suspended_until, version";
    static final String PAGE = "SELECT " + MEMBER_COLUMNS + " FROM member WHERE organization_id = ? %s"
            + " ORDER BY full_name, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    static final String COUNT = "SELECT count(*) FROM member WHERE organization_id = ? %s";
    static final String CELLS_OF_ORG = "SELECT id, organization_id, code, name, established_on, version"
            + " FROM party_cell WHERE organization_id = ?";
    static final String YEAR_OF_ORG = "SELECT id, organization_id, year, rule_set, evaluation_date, status, organization_rating,"
            + " finalized_at, version FROM evaluation_year WHERE organization_id = ? AND year = ? FETCH FIRST 1 ROWS ONLY";
    /** EvaluationService.counts of an open year since V5: the year's figures kept up to date in one row. */
    static final String TALLY_OF_YEAR = "SELECT year_id, on_roll, admitted_recently, suspended, excellent, good, completed, not_completed"
            + " FROM evaluation_tally WHERE year_id = ?";
    /** EvaluationService.counts: every cell of the organisation with its rating of the year. */
    static final String CELLS_WITH_RATING = "SELECT c.code, c.name, cr.rating FROM party_cell c"
            + " LEFT JOIN cell_rating cr ON cr.cell_id = c.id AND cr.year_id = ? WHERE c.organization_id = ? ORDER BY c.code";
    /** The year's figures recounted from the registry, as EvaluationService.open writes them (EvaluationTally.RECOUNT). */
    static final String TALLY_RECOUNT = """
            INSERT INTO evaluation_tally (year_id, on_roll, admitted_recently, suspended, excellent, good, completed, not_completed)
            SELECT y.id,
                   count(roll.id),
                   count(roll.id) FILTER (WHERE roll.recent),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND roll.suspended),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'EXCELLENT'),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'GOOD'),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'COMPLETED'),
                   count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'NOT_COMPLETED')
              FROM evaluation_year y
              LEFT JOIN LATERAL (
                    SELECT m.id,
                           m.admission_date > (y.evaluation_date - INTERVAL '6 months')::date AS recent,
                           (m.suspended_from IS NOT NULL AND m.suspended_from <= y.evaluation_date
                                AND (m.suspended_until IS NULL OR m.suspended_until >= y.evaluation_date)) AS suspended,
                           r.rating
                      FROM (SELECT DISTINCT ON (member_id) member_id, status, temporary
                              FROM member_movement
                             WHERE organization_id = y.organization_id AND effective_date <= y.evaluation_date
                             ORDER BY member_id, effective_date DESC, id DESC) latest
                      JOIN member m ON m.id = latest.member_id
                      LEFT JOIN member_rating r ON r.year_id = y.id AND r.member_id = m.id
                     WHERE latest.status IN ('PROBATIONARY', 'OFFICIAL') AND NOT latest.temporary) roll ON TRUE
             WHERE y.id = ?
             GROUP BY y.id""";
    static final String AUDIT_OF_YEAR = "SELECT id, year_id, action, actor, reason, at FROM evaluation_audit WHERE year_id = ? ORDER BY id";

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double warmup = Math.min(10, seconds);
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/members-bench-data");
        boolean fullJit = "full".equals(System.getProperty("bench.jit", "launcher"));
        boolean keysetOnly = Boolean.getBoolean("bench.keyset-only");
        java.util.List<String> launch = new java.util.ArrayList<>(java.util.List.of("--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0"));
        if (fullJit) {
            // the production images' flags (Dockerfile.jvm: G1, full tiered JIT) and the heap MaxRAMPercentage=75 gives
            // under the Kubernetes limit of 1 GiB (application.properties): 768 MiB
            launch.addAll(java.util.List.of("--jvm", "production", "--heap", "768m"));
        }
        try (Launcher stack = Launcher.start(System.out, launch.toArray(String[]::new))) {
            String jdbc = stack.jdbcUrl("member-service");
            long t0 = System.nanoTime();
            seed(jdbc);
            System.out.printf("Seeded %,d members in %,d cells in %.1f s%n", MEMBERS, CELLS, (System.nanoTime() - t0) / 1e9);
            String base = stack.url("member-service") + "/api/v1/organizations/" + ORG;
            String token = stack.token("admin");

            ClosedLoop.Result listJdbc = null, listPage = null, listRest = null, statsJdbc = null, statsRest = null, statsJdbc1 = null,
                    statsRest1 = null, statsFinal = null, statsFinal1 = null;
            java.net.http.HttpResponse<String> finalised = null;
            if (!keysetOnly) {
                ClosedLoop.ClientFactory restList = i -> rest(base + "/members", token, MembersBench::listQuery);
                ClosedLoop.ClientFactory jdbcList = i -> new JdbcList(jdbc, true);
                ClosedLoop.ClientFactory jdbcPageOnly = i -> new JdbcList(jdbc, false);
                ClosedLoop.ClientFactory restStats = i -> rest(base + "/statistics/ratings", token, n -> "year=" + YEAR);
                ClosedLoop.ClientFactory jdbcStats = i -> new JdbcStats(jdbc);

                // warm both paths (JIT, connection pools, PostgreSQL caches), then measure
                ClosedLoop.run("warm-up", clients, warmup, jdbcList);
                ClosedLoop.run("warm-up", clients, warmup, restList);
                listJdbc = ClosedLoop.run("member list, same SQL through JDBC (baseline)", clients, seconds, jdbcList);
                listPage = ClosedLoop.run("member list, page + count only through JDBC", clients, seconds, jdbcPageOnly);
                listRest = ClosedLoop.run("member list, REST", clients, seconds, restList);

                ClosedLoop.run("warm-up", clients, warmup, jdbcStats);
                ClosedLoop.run("warm-up", clients, warmup, restStats);
                statsJdbc = ClosedLoop.run("rating distribution, same SQL through JDBC", clients, seconds, jdbcStats);
                statsRest = ClosedLoop.run("rating distribution, REST", clients, seconds, restStats);
                // one request at a time: the latency of the endpoint alone, without queueing behind the other clients
                statsJdbc1 = ClosedLoop.run("rating distribution, same SQL through JDBC, 1 client", 1, seconds / 2, jdbcStats);
                statsRest1 = ClosedLoop.run("rating distribution, REST, 1 client", 1, seconds / 2, restStats);
                // A finalised year is locked: member-service serves its statistics from the counts stored at finalisation.
                finalised = HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(base + "/evaluations/" + YEAR + "/finalization"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (finalised.statusCode() / 100 == 2) {
                    ClosedLoop.run("warm-up", clients, warmup, restStats);
                    statsFinal = ClosedLoop.run("rating distribution, REST, finalised year", clients, seconds, restStats);
                    statsFinal1 = ClosedLoop.run("rating distribution, REST, finalised year, 1 client", 1, seconds / 2, restStats);
                }
            }

            // keyset pages: the cursors of every page from one walk of the whole list, the same keys for JDBC
            long w0 = System.nanoTime();
            String[] cursors = walkCursors(base + "/members", token);
            double walkSeconds = (System.nanoTime() - w0) / 1e9;
            Object[][] keys = keysetKeys(jdbc);
            if (keys.length != cursors.length) {
                throw new IllegalStateException("REST walk gave " + cursors.length + " pages, JDBC " + keys.length);
            }
            checkSamePages(base + "/members", token, jdbc, cursors, keys);
            // Each REST client is its own caller with its own token (as 8 users would be): the edge allows one caller
            // 1,000 requests/s (sct.http.rate-limit), which one token shared by 8 clients would reach.
            ClosedLoop.ClientFactory restKeyset = i -> rest(base + "/members", stack.token("admin"), n -> keysetQuery(cursors, n, false));
            ClosedLoop.ClientFactory restKeysetDeep = i -> rest(base + "/members", stack.token("admin"), n -> keysetQuery(cursors, n, true));
            ClosedLoop.ClientFactory restKeysetIntegration = i -> rest(base + "/members", stack.token("integration"),
                    n -> keysetQuery(cursors, n, false));
            ClosedLoop.ClientFactory jdbcKeyset = i -> new JdbcKeyset(jdbc, keys, false);
            ClosedLoop.ClientFactory jdbcKeysetDeep = i -> new JdbcKeyset(jdbc, keys, true);
            // the REST floor: what HTTP and the JWT check alone cost here. GET /api/v1/inbox/lag answers a constant in
            // member-service (it consumes no topic: no database, no Kafka), behind the same bearer check and role check
            // as the list; /q/health/live answers without a token (HTTP alone).
            String service = stack.url("member-service");
            ClosedLoop.ClientFactory floorJwt = i -> rest(service + "/api/v1/inbox/lag", stack.token("admin"), n -> "");
            ClosedLoop.ClientFactory floorHttp = i -> rest(service + "/q/health/live", null, n -> "");
            ClosedLoop.run("warm-up", clients, warmup, jdbcKeyset);
            ClosedLoop.run("warm-up", clients, warmup, restKeyset);
            ClosedLoop.run("warm-up", clients, warmup / 2, floorJwt);
            // where each phase's CPU went (member-service, PostgreSQL, the bench's clients, the rest), per request
            CpuSplit cpu = new CpuSplit(stack.pid("member-service"), data.resolve("postgres"));
            ClosedLoop.Result keysetJdbc = ClosedLoop.run("keyset page, JDBC range scan (baseline)", clients, seconds, jdbcKeyset, cpu);
            ClosedLoop.Result restFloorJwt = ClosedLoop.run("REST floor: GET inbox/lag (JWT, no work)", clients, seconds, floorJwt, cpu);
            ClosedLoop.Result restFloorHttp = ClosedLoop.run("REST floor: GET /q/health/live (no JWT)", clients, seconds, floorHttp, cpu);
            // -Dbench.jfr=FILE: a profile of member-service over the two REST keyset phases (admin, integration)
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null) {
                Jfr.start(stack.pid("member-service"), "members", jfr);
            }
            ClosedLoop.Result keysetRest = ClosedLoop.run("keyset page, REST as admin (+ access log)", clients, seconds, restKeyset, cpu);
            ClosedLoop.Result keysetRestIntegration = ClosedLoop.run("keyset page, REST as integration", clients, seconds,
                    restKeysetIntegration, cpu);
            if (jfr != null) {
                Jfr.stop(stack.pid("member-service"), "members");
            }
            ClosedLoop.Result keysetJdbcDeep = ClosedLoop.run("keyset deepest tenth, JDBC range scan", clients, seconds, jdbcKeysetDeep);
            ClosedLoop.Result keysetRestDeep = ClosedLoop.run("keyset deepest tenth, REST as admin", clients, seconds, restKeysetDeep);

            System.out.printf("%nmember-service with %,d members in %,d cells of one organisation, %d clients, %.0f s per path%n",
                    MEMBERS, CELLS, clients, seconds);
            System.out.println("  member-service JVM: " + jvmFlags(Rest.serviceProcess("member-service"))
                    + (fullJit ? " (the production images' flags, -Dbench.jit=full)" : " (the launcher's)"));
            if (!keysetOnly) {
                System.out.println("  " + listJdbc.line());
                System.out.println("  " + listPage.line());
                System.out.println("  " + listRest.line());
                System.out.printf("  ratio list REST / same SQL through JDBC: %.2f (target >= 0.4)%n", listRest.perSecond() / listJdbc.perSecond());
                System.out.printf("  ratio list REST / page + count through JDBC: %.2f%n", listRest.perSecond() / listPage.perSecond());
            }
            System.out.printf("  keyset: one client walked all %,d pages of %d (every member once) in %.1f s%n", cursors.length, PAGE_SIZE,
                    walkSeconds);
            System.out.println("  " + keysetJdbc.line());
            System.out.println("  " + restFloorJwt.line());
            System.out.println("  " + restFloorHttp.line());
            System.out.println("  " + keysetRest.line());
            System.out.println("  " + keysetRestIntegration.line());
            System.out.println("  " + keysetJdbcDeep.line());
            System.out.println("  " + keysetRestDeep.line());
            System.out.printf("  ratio keyset REST as admin / JDBC range scan: %.2f, p99 %s (target >= 0.5, p99 < 50 ms)%n",
                    keysetRest.perSecond() / keysetJdbc.perSecond(), Stats.ms(keysetRest.p99()));
            System.out.printf("  ratio keyset REST as integration / JDBC range scan: %.2f, p99 %s%n",
                    keysetRestIntegration.perSecond() / keysetJdbc.perSecond(), Stats.ms(keysetRestIntegration.p99()));
            System.out.printf("  deepest tenth: REST as admin / JDBC %.2f, p99 %s; REST deep / REST all pages %.2f%n",
                    keysetRestDeep.perSecond() / keysetJdbcDeep.perSecond(), Stats.ms(keysetRestDeep.p99()),
                    keysetRestDeep.perSecond() / keysetRest.perSecond());
            System.out.printf("  REST floor / JDBC range scan: %.2f with the JWT check, %.2f without (HTTP alone)%n",
                    restFloorJwt.perSecond() / keysetJdbc.perSecond(), restFloorHttp.perSecond() / keysetJdbc.perSecond());
            // A REST page does the scan's work (the same statement, its rows decoded) and the floor's (HTTP, the bearer
            // check, the dispatch) on the same saturated cores: their costs per request add, so no REST page can beat
            // 1 / (1/scan + 1/floor), whatever the service does between them.
            double bound = 1 / (1 / keysetJdbc.perSecond() + 1 / restFloorJwt.perSecond());
            System.out.printf("  best a REST page can reach here, the scan and the floor with the JWT check in series: %,.0f req/s,"
                    + " %.2f of the scan; REST as admin %.2f of that, as integration %.2f%n", bound,
                    bound / keysetJdbc.perSecond(), keysetRest.perSecond() / bound, keysetRestIntegration.perSecond() / bound);
            System.out.printf("  keyset REST / REST floor with the JWT check: %.2f as admin, %.2f as integration%n",
                    keysetRest.perSecond() / restFloorJwt.perSecond(), keysetRestIntegration.perSecond() / restFloorJwt.perSecond());
            if (keysetOnly) {
                System.out.printf("  member-service RSS after the run: %d MiB%n", stack.rssKib("member-service") / 1024);
                return;
            }
            System.out.println("  " + statsJdbc.line());
            System.out.println("  " + statsRest.line());
            System.out.println("  " + statsJdbc1.line());
            System.out.println("  " + statsRest1.line());
            System.out.printf("  rating distribution REST p99: %s with %d clients, %s with 1 client (target < 100 ms);"
                    + " ratio REST / JDBC rate: %.2f%n", Stats.ms(statsRest.p99()), clients, Stats.ms(statsRest1.p99()),
                    statsRest.perSecond() / statsJdbc.perSecond());
            if (statsFinal != null) {
                System.out.println("  " + statsFinal.line());
                System.out.println("  " + statsFinal1.line());
                System.out.printf("  rating distribution of the finalised year, REST p99: %s with %d clients, %s with 1 client"
                        + " (target < 100 ms)%n", Stats.ms(statsFinal.p99()), clients, Stats.ms(statsFinal1.p99()));
            } else {
                System.out.println("  finalisation refused (" + finalised.statusCode() + "): " + finalised.body());
            }
            System.out.printf("  member-service RSS after the run: %d MiB%n", stack.rssKib("member-service") / 1024);
        }
    }

    /** The JVM flags a service runs with (heap, collector, JIT), from its command line. */
    static String jvmFlags(ProcessHandle service) {
        return java.util.Arrays.stream(service.info().arguments().orElse(new String[0]))
                .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:")).collect(java.util.stream.Collectors.joining(" "));
    }

    /** Page and filter of request n: random pages of the whole list, and one request in four for a random cell. */
    static String listQuery(long n) {
        SplittableRandom r = new SplittableRandom(n);
        if (n % 4 == 3) {
            return "cell=" + cellCode(r.nextInt(CELLS)) + "&page=0&size=" + PAGE_SIZE;
        }
        return "page=" + r.nextInt(MEMBERS / PAGE_SIZE) + "&size=" + PAGE_SIZE;
    }

    /** The page of request n: any of the pages, or one of the deepest tenth. */
    static int keysetPage(int pages, long n, boolean deep) {
        SplittableRandom r = new SplittableRandom(n);
        return deep ? pages - 1 - r.nextInt(pages / 10) : r.nextInt(pages);
    }

    static String keysetQuery(String[] cursors, long n, boolean deep) {
        return "size=" + PAGE_SIZE + "&after=" + cursors[keysetPage(cursors.length, n, deep)];
    }

    static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"");
    static final java.util.regex.Pattern ITEM_ID = java.util.regex.Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");

    /** One client walks the whole list by cursor: the cursor of every page ("" for the first), every member once. */
    static String[] walkCursors(String url, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.util.List<String> cursors = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        String after = "";
        while (after != null) {
            cursors.add(after);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "?size=" + PAGE_SIZE + "&after=" + after))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("walk: HTTP " + r.statusCode() + " " + r.body());
            }
            java.util.regex.Matcher m = ITEM_ID.matcher(r.body());
            while (m.find()) {
                if (!ids.add(m.group(1))) {
                    throw new IllegalStateException("walk: member " + m.group(1) + " twice");
                }
            }
            java.util.regex.Matcher next = NEXT.matcher(r.body());
            after = next.find() ? next.group(1) : null;
        }
        if (ids.size() != MEMBERS) {
            throw new IllegalStateException("walk: " + ids.size() + " members, not " + MEMBERS);
        }
        return cursors.toArray(String[]::new);
    }

    /** The key (full name, id) each page starts after, null for the first: the 50th, 100th, ... member in list order. */
    static Object[][] keysetKeys(String jdbc) throws Exception {
        java.util.List<Object[]> keys = new java.util.ArrayList<>();
        keys.add(null);
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("""
                        SELECT full_name, id FROM (
                          SELECT full_name, id, row_number() OVER (ORDER BY full_name, id) AS rn, count(*) OVER () AS n
                            FROM member WHERE organization_id = (SELECT id FROM party_organization WHERE code = ?)) t
                         WHERE rn % ? = 0 AND rn < n ORDER BY rn""")) {
            ps.setString(1, ORG);
            ps.setInt(2, PAGE_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Object[] { rs.getString(1), rs.getObject(2) });
                }
            }
        }
        return keys.toArray(Object[][]::new);
    }

    /** The same page through REST and JDBC starts with the same member (first, middle, last page). */
    static void checkSamePages(String url, String token, String jdbc, String[] cursors, Object[][] keys) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (JdbcKeyset k = new JdbcKeyset(jdbc, keys, false)) {
            for (int p : new int[] { 0, 1, cursors.length / 2, cursors.length - 1 }) {
                String body = http.send(HttpRequest.newBuilder(URI.create(url + "?size=" + PAGE_SIZE + "&after=" + cursors[p]))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
                java.util.regex.Matcher m = ITEM_ID.matcher(body);
                String rest = m.find() ? m.group(1) : null;
                String viaJdbc = k.firstId(p);
                if (rest == null || !rest.equals(viaJdbc)) {
                    throw new IllegalStateException("page " + p + ": REST starts with " + rest + ", JDBC with " + viaJdbc);
                }
            }
        }
    }

    /** The bare page by keyset: a range scan of member_org_name from the key, size + 1 rows as the service reads. */
    static final class JdbcKeyset implements ClosedLoop.Client {
        final Connection c;
        final Object[][] keys;
        final boolean deep;
        final Object orgId;
        final PreparedStatement first, after;

        JdbcKeyset(String jdbc, Object[][] keys, boolean deep) throws Exception {
            this.keys = keys;
            this.deep = deep;
            c = DriverManager.getConnection(jdbc, "postgres", "postgres");
            try (PreparedStatement org = c.prepareStatement(ORG_BY_CODE)) {
                org.setString(1, ORG);
                orgId = firstColumn(org);
            }
            first = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM member WHERE organization_id = ?"
                    + " ORDER BY full_name, id LIMIT ?");
            after = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM member WHERE organization_id = ?"
                    + " AND (full_name, id) > (?, ?) ORDER BY full_name, id LIMIT ?");
        }

        PreparedStatement page(int p) throws Exception {
            PreparedStatement ps = keys[p] == null ? first : after;
            ps.setObject(1, orgId);
            if (keys[p] == null) {
                ps.setInt(2, PAGE_SIZE + 1);
            } else {
                ps.setString(2, (String) keys[p][0]);
                ps.setObject(3, keys[p][1]);
                ps.setInt(4, PAGE_SIZE + 1);
            }
            return ps;
        }

        String firstId(int p) throws Exception {
            return String.valueOf(firstColumn(page(p)));
        }

        @Override
        public boolean call(long n) throws Exception {
            return readAll(page(keysetPage(keys.length, n, deep))) > 0;
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }

    static String cellCode(int i) {
        return String.format("BCB%04d", i + 1);
    }

    interface Query {
        String of(long n);
    }

    /** A client sending GET url?query(n), with the bearer token unless it is null. */
    static ClosedLoop.Client rest(String url, String token, Query query) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return n -> {
            String q = query.of(n);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(q.isEmpty() ? url : url + "?" + q)).timeout(Duration.ofSeconds(120));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": "
                        + new String(r.body(), 0, Math.min(300, r.body().length), java.nio.charset.StandardCharsets.UTF_8));
            }
            return true;
        };
    }

    /** The statements MemberService.list and OrganizationMemberResource.list send for one request, in order. */
    static final class JdbcList implements ClosedLoop.Client {
        final Connection c;
        final boolean sameAsService;
        final PreparedStatement org, cell, page, pageInCell, count, countInCell, cells;

        JdbcList(String jdbc, boolean sameAsService) throws Exception {
            this.sameAsService = sameAsService;
            c = DriverManager.getConnection(jdbc, "postgres", "postgres");
            org = c.prepareStatement(ORG_BY_CODE);
            cell = c.prepareStatement(CELL_BY_CODE);
            page = c.prepareStatement(PAGE.formatted(""));
            pageInCell = c.prepareStatement(PAGE.formatted("AND cell_id = ?"));
            count = c.prepareStatement(COUNT.formatted(""));
            countInCell = c.prepareStatement(COUNT.formatted("AND cell_id = ?"));
            cells = c.prepareStatement(CELLS_OF_ORG);
        }

        @Override
        public boolean call(long n) throws Exception {
            SplittableRandom r = new SplittableRandom(n);
            boolean inCell = n % 4 == 3;
            String cellCode = inCell ? cellCode(r.nextInt(CELLS)) : null;
            int pageNo = inCell ? 0 : r.nextInt(MEMBERS / PAGE_SIZE);
            org.setString(1, ORG);
            Object orgId = firstColumn(org);
            Object cellId = null;
            if (inCell) {
                cell.setString(1, cellCode);
                cellId = firstColumn(cell);
            }
            PreparedStatement p = inCell ? pageInCell : page;
            PreparedStatement k = inCell ? countInCell : count;
            p.setObject(1, orgId);
            k.setObject(1, orgId);
            int i = 2;
            if (inCell) {
                p.setObject(2, cellId);
                k.setObject(2, cellId);
                i = 3;
            }
            p.setInt(i, pageNo * PAGE_SIZE);
            p.setInt(i + 1, PAGE_SIZE);
            int rows = readAll(p);
            readAll(k);
            if (sameAsService) {
                org.setString(1, ORG);
                readAll(org);
                cells.setObject(1, orgId);
                readAll(cells);
            }
            return rows > 0;
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }

    /**
     * The statements EvaluationService.view (through counts) sends for one request of an open year, in order, since
     * the year's figures are kept up to date (V5): organisation, year, the year's figures (one row), every cell with its
     * rating, the audit. Since V6 the service reads the cell list only when its stamp changed (it sends the stamp query
     * instead and serves the list kept in memory), so this baseline reads 5,000 rows per request that REST does not.
     */
    static final class JdbcStats implements ClosedLoop.Client {
        final Connection c;
        final PreparedStatement org, year, tally, cells, audit;

        JdbcStats(String jdbc) throws Exception {
            c = DriverManager.getConnection(jdbc, "postgres", "postgres");
            org = c.prepareStatement(ORG_BY_CODE);
            year = c.prepareStatement(YEAR_OF_ORG);
            tally = c.prepareStatement(TALLY_OF_YEAR);
            cells = c.prepareStatement(CELLS_WITH_RATING);
            audit = c.prepareStatement(AUDIT_OF_YEAR);
        }

        @Override
        public boolean call(long n) throws Exception {
            org.setString(1, ORG);
            Object orgId = firstColumn(org);
            year.setObject(1, orgId);
            year.setInt(2, YEAR);
            Object yearId = firstColumn(year);
            tally.setObject(1, yearId);
            int t = readAll(tally);
            cells.setObject(1, yearId);
            cells.setObject(2, orgId);
            int k = readAll(cells);
            audit.setObject(1, yearId);
            readAll(audit);
            return t == 1 && k == CELLS;
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }

    static Object firstColumn(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row");
            }
            return rs.getObject(1);
        }
    }

    /** Reads every column of every row, as an ORM materialising the rows would. */
    static int readAll(PreparedStatement ps) throws Exception {
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- the data set

    static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý" };
    static final String[] MIDDLE = { "Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Đức" };
    static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
            "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến" };

    /**
     * One organisation (term 2020–2025), 5,000 cells, 100,000 members (20 per cell), each with the history row the
     * service would have written, and the 2021 evaluation (open) with ratings and cell ratings, as member-service's
     * own commands would leave them:
     * <ul>
     * <li>98% official members admitted 1975–2019, confirmed 12 months after admission, on the roll since the registry
     * started on 2021-01-01 (a REGISTERED movement on that date, as {@code register} writes);</li>
     * <li>2% probationary members admitted within the last 11 months (an ADMITTED movement on the admission day), so
     * none is confirmed before 12 months of probation and none is on the 2021 roll;</li>
     * <li>2021 ratings only for members on the roll at 2021-12-31 and admitted at least 6 months before it: 15%
     * excellent, 75% good, 9% completed, 1% not completed, so excellent is 16.7% of good-or-better (quota 20%);</li>
     * <li>every cell rated for 2021 (one in five excellent, the others good).</li>
     * </ul>
     * Nothing is published: no outbox rows are written, so no event reaches other services.
     */
    static void seed(String jdbc) throws Exception {
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        UUID orgId = UUID.randomUUID();
        UUID yearId = UUID.randomUUID();
        UUID[] cellIds = new UUID[CELLS];
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO party_organization (id, code, name, superior_body, term_start_year, term_end_year)
                    VALUES (?, ?, 'Đảng bộ thử tải', 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', 2020, 2025)""")) {
                ps.setObject(1, orgId);
                ps.setString(2, ORG);
                ps.executeUpdate();
            }
            StringBuilder cells = new StringBuilder();
            StringBuilder cellRatings = new StringBuilder();
            for (int i = 0; i < CELLS; i++) {
                cellIds[i] = UUID.randomUUID();
                cells.append(cellIds[i]).append('\t').append(orgId).append('\t').append(cellCode(i)).append("\tChi bộ ")
                        .append(i + 1).append("\t2015-01-01\n");
                cellRatings.append(UUID.randomUUID()).append('\t').append(yearId).append('\t').append(cellIds[i]).append('\t')
                        .append(i % 5 == 1 ? "EXCELLENT" : "GOOD").append('\n');
            }
            copy.copyIn("COPY party_cell (id, organization_id, code, name, established_on) FROM STDIN", new StringReader(cells.toString()));
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO evaluation_year (id, organization_id, year, rule_set, evaluation_date, status)
                    VALUES (?, ?, ?, 'HD21_2019', ?, 'OPEN')""")) {
                ps.setObject(1, yearId);
                ps.setObject(2, orgId);
                ps.setInt(3, YEAR);
                ps.setObject(4, LocalDate.of(YEAR, 12, 31));
                ps.executeUpdate();
            }
            copy.copyIn("COPY cell_rating (id, year_id, cell_id, rating) FROM STDIN", new StringReader(cellRatings.toString()));

            StringBuilder members = new StringBuilder(MEMBERS * 260);
            StringBuilder movements = new StringBuilder(MEMBERS * 120);
            StringBuilder ratings = new StringBuilder(MEMBERS * 120);
            LocalDate registryStart = LocalDate.of(YEAR, 1, 1);
            LocalDate oldest = LocalDate.of(1975, 1, 1);
            int officialSpan = (int) (LocalDate.of(2019, 12, 31).toEpochDay() - oldest.toEpochDay());
            for (int i = 0; i < MEMBERS; i++) {
                UUID id = UUID.randomUUID();
                UUID cell = cellIds[i % CELLS];
                boolean probationary = i % 50 == 49;
                LocalDate admitted = probationary ? today.minusDays(1 + random.nextInt(330))
                        : oldest.plusDays(random.nextInt(officialSpan));
                LocalDate confirmed = probationary ? null : admitted.plusMonths(12);
                LocalDate since = probationary ? admitted : registryStart;
                LocalDate born = admitted.minusYears(20 + random.nextInt(20)).minusDays(random.nextInt(365));
                String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                        + GIVEN[random.nextInt(GIVEN.length)];
                String status = probationary ? "PROBATIONARY" : "OFFICIAL";
                members.append(id).append('\t').append(orgId).append('\t').append(cell).append('\t').append(name).append('\t')
                        .append(i % 2 == 0 ? "MALE" : "FEMALE").append("\tKinh\t").append(i % 100 == 7).append('\t')
                        .append(born).append('\t').append(String.format("0749%08d", i)).append('\t')
                        .append("Phường Phú Cường, Thủ Dầu Một, Bình Dương\t").append(status).append("\tfalse\t")
                        .append(admitted).append('\t').append(confirmed == null ? "\\N" : confirmed.toString()).append('\t')
                        .append(probationary ? "\\N" : String.format("BD%08d", i)).append("\tChuyên viên\t")
                        .append(since).append("\t\\N\t\\N\t\\N\t\\N\n");
                movements.append(id).append('\t').append(orgId).append('\t').append(probationary ? "ADMITTED" : "REGISTERED")
                        .append('\t').append(since).append('\t').append(cell).append('\t').append(status).append("\tfalse\n");
                if (!probationary) {
                    int k = i % 100;
                    String rating = k < 15 ? "EXCELLENT" : k < 90 ? "GOOD" : k < 99 ? "COMPLETED" : "NOT_COMPLETED";
                    ratings.append(UUID.randomUUID()).append('\t').append(yearId).append('\t').append(id).append('\t')
                            .append(cell).append('\t').append(rating).append('\n');
                }
            }
            copy.copyIn("COPY member (" + MEMBER_COLUMNS.replace(", version", "") + ") FROM STDIN",
                    new StringReader(members.toString()));
            copy.copyIn("COPY member_movement (member_id, organization_id, kind, effective_date, cell_id, status, temporary) FROM STDIN",
                    new StringReader(movements.toString()));
            copy.copyIn("COPY member_rating (id, year_id, member_id, cell_id, rating) FROM STDIN", new StringReader(ratings.toString()));
            // the year's figures, as EvaluationService.open counts them when a year is opened (commands keep them up to date)
            try (PreparedStatement ps = c.prepareStatement(TALLY_RECOUNT)) {
                ps.setObject(1, yearId);
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
        }
    }
}
