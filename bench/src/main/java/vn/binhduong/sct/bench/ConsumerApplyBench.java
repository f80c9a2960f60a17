package vn.binhduong.sct.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.binhduong.sct.launcher.Launcher;

/**
 * report-service's consumer apply rate (issues 7 and 16) next to two baselines measured in the same run: the consumer's
 * floor ({@link ConsumerFloor}: the same inbox and projection rows written with plain JDBC batches, one transaction per
 * poll, into a database of its own on the same PostgreSQL, from a topic of its own holding the same records) and a bare
 * KafkaConsumer that only counts records.
 *
 * <p>Events are published with a plain producer in the shapes docs/events/member-service.md gives: for each member a
 * {@code member.registered} and an {@code evaluation.member-rated} for 2021, members spread over organisations; ids and
 * times are derived from the event's number, so both topics hold the same envelopes byte for byte. The stack is fresh
 * and loads no demo data. Every rate is read from the consumer's own inbox (first to last {@code applied_at}; applied_at
 * is the start of the batch transaction, so the events before the last batch are counted over that span).
 *
 * <p>Phases, one consumer working at a time (report-service and inspection-service sit idle while the floor works;
 * inspection-service also consumes sct.member.events, as in production, during report-service's live phase):
 * <ol>
 * <li>live: the floor subscribed, the member events published to its topic while it consumes; then the same to
 * sct.member.events for report-service; then as many events of a type no projection maps ({@code bench.unmapped}) to
 * each, the inbox's own cost; the rows both left are compared (projection_member, figure, projection_contribution,
 * projection_category, event_tally);</li>
 * <li>backlog: report-service's rebuild (empties projections and inbox, replays the topic from the beginning), and the
 * floor replaying its topic from the beginning into emptied tables; wall time from the request (the floor's start) to
 * the last event applied; rows compared again.</li>
 * </ol>
 * With {@code -Dbench.backlog-only=true} (the national-scale rebuild) there is no live phase: report-service is
 * stopped, both topics are filled, then report-service is started again (same command line) and reads the backlog from
 * the beginning, its wall time counted from its start; then the floor. With {@code -Dbench.jit=full} report-service is
 * restarted before anything without {@code -XX:TieredStopAtLevel=1} (C2 as well as C1; the launcher's other flags kept).
 * Arguments: [member events, default 20000] [organisations, default 400] [time limit per phase in s, default 180].
 */
public final class ConsumerApplyBench {
    static final String TOPIC = "sct.member.events";
    static final List<String> MEMBER_EVENTS = List.of("member.registered", "evaluation.member-rated");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int organisations = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 180;
        boolean backlogOnly = Boolean.getBoolean("bench.backlog-only");
        boolean fullJit = "full".equals(System.getProperty("bench.jit", "launcher"));
        Path home = Path.of(System.getProperty("sct.home", "."));
        Path data = home.resolve("bench/target/consumer-apply-bench-data");
        Generator gen = new Generator(events, organisations);
        Process restarted = null;
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0", "--no-supervise")) {
            String bootstrap = stack.kafkaBootstrapServers();
            String report = stack.jdbcUrl("report-service");
            String floorDb = floorDatabase(report, home);
            createTopic(bootstrap, ConsumerFloor.TOPIC);
            String flags = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 (the launcher's)";
            if (fullJit) {
                List<String> command = reportCommand(true);
                stopReportService(null);
                restarted = startReportService(stack, home, command);
                flags = "-Xmx256m -XX:+UseSerialGC, full JIT (C1 and C2: -XX:TieredStopAtLevel=1 removed)";
            }
            System.out.printf("report-service JVM: %s; this JVM (the floor and the bare consumer): %s%n", flags,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            Result floorLive = null, reportLive = null, floorUnmapped = null, reportUnmapped = null;
            String liveRows = "", inspection = "";
            long deadLetters;
            if (!backlogOnly) {
                try (ConsumerFloor floor = new ConsumerFloor(floorDb, bootstrap, "bench-floor-live", 500).start()) {
                    floor.awaitAssignment(60);
                    double published = publish(bootstrap, ConsumerFloor.TOPIC, gen, false);
                    floorLive = measure(floorDb, ConsumerFloor.TOPIC, events, MEMBER_EVENTS, limit, floor, published);
                    published = publish(bootstrap, ConsumerFloor.TOPIC, gen, true);
                    floorUnmapped = measure(floorDb, ConsumerFloor.TOPIC, 2L * events, List.of(UNMAPPED), limit, floor, published);
                }
                double published = publish(bootstrap, TOPIC, gen, false);
                reportLive = measure(report, TOPIC, events, MEMBER_EVENTS, limit, null, published);
                published = publish(bootstrap, TOPIC, gen, true);
                reportUnmapped = measure(report, TOPIC, 2L * events, List.of(UNMAPPED), limit, null, published);
                liveRows = sameRows(report, floorDb);
                long inspected = count(stack.jdbcUrl("inspection-service"), "SELECT count(*) FROM inbox WHERE topic = '" + TOPIC + "'");
                inspection = String.format("inspection-service applied %,d of the %,d events on %s meanwhile", inspected,
                        2L * events, TOPIC);
            }
            // the backlog: the whole topic replayed from the beginning, nothing published meanwhile
            long total = backlogOnly ? events : 2L * events;
            Result reportBacklog;
            if (backlogOnly) {
                List<String> command = reportCommand(fullJit);
                stopReportService(restarted);
                restarted = null;
                publish(bootstrap, TOPIC, gen, false);
                publish(bootstrap, ConsumerFloor.TOPIC, gen, false);
                System.out.printf("Both topics filled with %,d member events; starting report-service on the backlog%n", events);
                long t0 = System.nanoTime();
                restarted = startReportService(stack, home, command);
                reportBacklog = measure(report, TOPIC, total, MEMBER_EVENTS, limit, null, 0).wall(t0);
            } else {
                long t0 = System.nanoTime();
                Rest.post(stack.url("report-service") + "/api/v1/projections/rebuild", stack.token("admin"));
                reportBacklog = measure(report, TOPIC, total, MEMBER_EVENTS, limit, null, 0).wall(t0);
            }
            Result reportBacklogUnmapped = backlogOnly ? null : rate(report, TOPIC, List.of(UNMAPPED));
            deadLetters = count(report, "SELECT count(*) FROM inbox_dead_letter");
            ConsumerFloor.clear(floorDb);
            Result floorBacklog;
            Result floorBacklogUnmapped;
            long t0 = System.nanoTime();
            try (ConsumerFloor floor = new ConsumerFloor(floorDb, bootstrap, "bench-floor-backlog", 500).start()) {
                floorBacklog = measure(floorDb, ConsumerFloor.TOPIC, total, MEMBER_EVENTS, limit, floor, 0).wall(t0);
                floorBacklogUnmapped = backlogOnly ? null : rate(floorDb, ConsumerFloor.TOPIC, List.of(UNMAPPED));
            }
            String backlogRows = sameRows(report, floorDb);
            double bare = bareConsumer(bootstrap, (int) total);

            System.out.printf("%nConsumer apply rate, %,d member events over %,d organisations (%,d members each)%s%n", events,
                    organisations, events / 2 / organisations, backlogOnly ? ", backlog only" : "");
            System.out.printf("  report-service JVM: %s%n", flags);
            System.out.printf("  bare KafkaConsumer reading the same topic (%,d records):     %,10.0f events/s%n", total, bare);
            if (!backlogOnly) {
                System.out.printf("  live (published while consuming; producer %,.0f events/s):%n", floorLive.published);
                System.out.printf("    floor: plain JDBC batches, same rows (baseline)        %s%n", floorLive);
                System.out.printf("    report-service inbox into projections                  %s%n", reportLive);
                System.out.printf("    ratio report-service / floor: %.3f (target >= 0.5); report-service / bare consumer: %.4f%n",
                        reportLive.rate / floorLive.rate, reportLive.rate / bare);
                System.out.printf("    rows left: %s%n", liveRows);
                System.out.printf("  live, %,d events of a type no projection maps (inbox row, position, tally only):%n", events);
                System.out.printf("    floor                                                  %s%n", floorUnmapped);
                System.out.printf("    report-service                                         %s%n", reportUnmapped);
                System.out.printf("    ratio report-service / floor: %.3f%n", reportUnmapped.rate / floorUnmapped.rate);
                System.out.printf("  %s%n", inspection);
            }
            System.out.printf("  backlog (the topic's %,d events replayed from the beginning%s):%n", total,
                    backlogOnly ? ", member events only" : ", member events then unmapped");
            System.out.printf("    floor (baseline), member events                        %s%n", floorBacklog);
            System.out.printf("    report-service, member events                          %s%n", reportBacklog);
            System.out.printf("    ratio report-service / floor: %.3f (target >= 0.5); wall time %.1f s vs %.1f s%n",
                    reportBacklog.rate / floorBacklog.rate, reportBacklog.wallSeconds, floorBacklog.wallSeconds);
            if (!backlogOnly) {
                System.out.printf("    unmapped type: floor %,.0f events/s, report-service %,.0f events/s (ratio %.3f)%n",
                        floorBacklogUnmapped.rate, reportBacklogUnmapped.rate, reportBacklogUnmapped.rate / floorBacklogUnmapped.rate);
            }
            System.out.printf("    rows left: %s%n", backlogRows);
            System.out.printf("  report-service dead letters: %d%n", deadLetters);
            stopReportService(restarted); // before the stack (its PostgreSQL and Kafka) stops
            restarted = null;
        } finally {
            stopReportService(restarted);
        }
    }

    /** What one consumer did in one phase. */
    static final class Result {
        double rate;
        double firstQuarter;
        double lastQuarter;
        long applied;
        long expected;
        double published;
        double wallSeconds = -1;
        long lastAppliedNanos;

        Result wall(long startNanos) {
            wallSeconds = (lastAppliedNanos - startNanos) / 1e9;
            return this;
        }

        @Override
        public String toString() {
            return String.format("%,10.0f events/s (first quarter %,.0f, last quarter %,.0f; %,d of %,d applied%s)", rate,
                    firstQuarter, lastQuarter, applied, expected, wallSeconds >= 0 ? String.format("; wall %.1f s", wallSeconds) : "");
        }
    }

    /** Waits until the consumer's inbox holds {@code expected} rows of the topic (or the limit), then reads its rate. */
    static Result measure(String jdbc, String topic, long expected, List<String> types, int limitSeconds, ConsumerFloor floor,
            double published) throws Exception {
        long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
        long applied = 0;
        while (System.nanoTime() < deadline) {
            if (floor != null) {
                floor.check();
            }
            // probe the positions (a row per partition) and count the inbox (a scan of the whole table, which at
            // millions of rows would take a core from the consumer measured) only once they say it is through
            long through = count(jdbc, "SELECT coalesce(sum(offset_no + 1), 0) FROM inbox_position WHERE topic = '" + topic + "'");
            if (through >= expected) {
                applied = count(jdbc, "SELECT count(*) FROM inbox WHERE topic = '" + topic + "'");
                if (applied >= expected) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        long seenAt = System.nanoTime();
        Result r = rate(jdbc, topic, types);
        r.expected = expected;
        r.published = published;
        // the wall time ends when the last applied row's transaction began (applied_at), not when it was polled for
        long lagMicros = count(jdbc, "SELECT (extract(epoch FROM now() - max(applied_at)) * 1000000)::bigint FROM inbox WHERE topic = '"
                + topic + "'");
        r.lastAppliedNanos = seenAt - Math.max(0, lagMicros) * 1000;
        if (applied < expected) {
            applied = count(jdbc, "SELECT count(*) FROM inbox WHERE topic = '" + topic + "'");
        }
        if (applied < expected) {
            System.out.printf("  (%s: %,d of %,d applied within the %d s limit)%n", jdbc.replaceAll(".*/", ""), applied, expected,
                    limitSeconds);
        }
        return r;
    }

    static Result rate(String jdbc, String topic, List<String> types) throws Exception {
        double[] d = applyRate(jdbc, topic, types);
        Result r = new Result();
        r.rate = d[0];
        r.firstQuarter = d[1];
        r.lastQuarter = d[2];
        r.applied = (long) d[3];
        return r;
    }

    /** A database of the floor's own on the same PostgreSQL, with report-service's projection tables and the inbox. */
    static String floorDatabase(String reportJdbc, Path home) throws Exception {
        String server = reportJdbc.substring(0, reportJdbc.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS bench_floor");
            s.execute("CREATE DATABASE bench_floor");
        }
        String url = server + "bench_floor";
        ConsumerFloor.createSchema(url, home);
        return url;
    }

    static void createTopic(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            // as many partitions as the platform gives the services' topics (Topics.DEFAULT_PARTITIONS)
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    /**
     * Compares the rows report-service's projections and the floor hold for the benchmark's organisations: count and
     * an order-independent hash of each row's text, per table.
     */
    static String sameRows(String report, String floor) throws Exception {
        String[][] tables = {
                { "projection_member", "SELECT count(*), COALESCE(sum(hashtext(t::text)::bigint), 0) FROM projection_member t WHERE organization LIKE 'BENCH-%'" },
                { "figure", "SELECT count(*), COALESCE(sum(hashtext(t::text)::bigint), 0) FROM figure t WHERE organization LIKE 'BENCH-%'" },
                { "projection_contribution", "SELECT count(*), COALESCE(sum(hashtext(t::text)::bigint), 0) FROM projection_contribution t WHERE organization LIKE 'BENCH-%'" },
                { "projection_category", "SELECT count(*), COALESCE(sum(hashtext(t::text)::bigint), 0) FROM projection_category t WHERE organization LIKE 'BENCH-%'" },
                { "event_tally", "SELECT count(*), COALESCE(sum(hashtext(t::text)::bigint), 0) FROM event_tally t WHERE source = 'member-service'" } };
        StringBuilder out = new StringBuilder();
        boolean same = true;
        for (String[] t : tables) {
            long[] a = pair(report, t[1]);
            long[] b = pair(floor, t[1]);
            boolean eq = a[0] == b[0] && a[1] == b[1];
            same &= eq;
            out.append(String.format("%s %,d%s; ", t[0], a[0], eq ? "" : " vs floor " + String.format("%,d", b[0]) + " (DIFFERENT)"));
        }
        return (same ? "identical in both databases: " : "NOT identical: ") + out.toString().replaceAll("; $", "");
    }

    static long[] pair(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2) };
        }
    }

    /** report-service's command line as the launcher (or this benchmark) started it; {@code fullJit} drops C1-only. */
    static List<String> reportCommand(boolean fullJit) {
        ProcessHandle running = Rest.serviceProcess("report-service");
        List<String> command = new ArrayList<>();
        command.add(running.info().command().orElseThrow());
        for (String a : running.info().arguments().orElseThrow()) {
            if (!(fullJit && a.equals("-XX:TieredStopAtLevel=1"))) {
                command.add(a);
            }
        }
        return command;
    }

    /**
     * Starts report-service with the given command line (its output appended to bench/target/report-service-restarted.log)
     * once the running one has ended, and waits until it is ready.
     */
    static Process startReportService(Launcher stack, Path home, List<String> command) throws Exception {
        java.io.File log = home.resolve("bench/target/report-service-restarted.log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                Rest.get(stack.url("report-service") + "/q/health/ready", null);
                return p;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new IllegalStateException("report-service did not come back: see " + log, notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Stops report-service (the one this benchmark restarted, or else the launcher's) and waits for it to end. */
    static void stopReportService(Process restarted) throws Exception {
        if (restarted != null) {
            restarted.destroy();
            restarted.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return;
        }
        ProcessHandle old;
        try {
            old = Rest.serviceProcess("report-service");
        } catch (IllegalStateException gone) {
            return;
        }
        old.destroy();
        old.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * The benchmark's events, the same for every topic they are published to: member m's {@code member.registered} is
     * event m, its {@code evaluation.member-rated} event members + m; ids and times follow from the numbers.
     */
    static final class Generator {
        final int events;
        final int organisations;
        final int members;
        final long salt = System.currentTimeMillis();
        final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Generator(int events, int organisations) {
            this.events = events;
            this.organisations = organisations;
            this.members = events / 2;
        }

        UUID memberId(int m) {
            return new UUID(0x6265_6e63_0000_4000L ^ (salt << 16 & 0x0000_ffff_ffff_0000L), 0x8000_0000_0000_0000L | m);
        }

        UUID eventId(long k) {
            return new UUID(0x6576_656e_0000_4000L ^ (salt << 16 & 0x0000_ffff_ffff_0000L), 0x8000_0000_0000_0000L | k);
        }

        String json(int k) {
            int m = k % members;
            boolean rating = k >= members;
            UUID id = memberId(m);
            String org = String.format("BENCH-O%05d", m % organisations);
            String cell = org + "-CB" + (m / organisations % 10 + 1);
            OffsetDateTime at = base.plus(k, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            return rating ? envelope(eventId(k), at, "evaluation.member-rated", org, id, "{\"organization\":\"" + org
                    + "\",\"year\":2021,\"memberId\":\"" + id + "\",\"cellCode\":\"" + cell + "\",\"rating\":\""
                    + (m % 10 < 2 ? "EXCELLENT" : m % 10 < 9 ? "GOOD" : "COMPLETED") + "\",\"score\":null,\"previousRating\":null}")
                    : envelope(eventId(k), at, "member.registered", org, id, "{\"memberId\":\"" + id + "\",\"organization\":\"" + org
                            + "\",\"kind\":\"REGISTERED\",\"effectiveDate\":\"2021-01-01\",\"cellCode\":\"" + cell
                            + "\",\"status\":\"OFFICIAL\",\"onOfficialRoll\":true,\"previousCellCode\":null,\"previousStatus\":null,"
                            + "\"religious\":" + (m % 60 == 0) + ",\"admissionDate\":\"" + LocalDate.of(1990, 1, 1).plusDays(m % 9000)
                            + "\",\"confirmationDate\":\"" + LocalDate.of(1991, 1, 1).plusDays(m % 9000) + "\",\"transferKind\":null,"
                            + "\"counterpart\":null,\"expectedReturn\":null,\"reason\":null,\"candidateId\":null}");
        }

        String unmapped(int k) {
            long n = events + (long) k;
            return envelope(eventId(n), base.plus(n, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), UNMAPPED, "BENCH-O00000",
                    eventId(n), "{\"n\":" + k + "}");
        }

        String key(int k, boolean unmapped) {
            return unmapped ? eventId(events + (long) k).toString() : memberId(k % members).toString();
        }
    }

    /** Publishes the member events (or as many unmapped ones) to a topic; the producer's rate in events/s. */
    static double publish(String bootstrap, String topic, Generator gen, boolean unmapped) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            java.util.ArrayDeque<Future<RecordMetadata>> acks = new java.util.ArrayDeque<>();
            for (int k = 0; k < gen.events; k++) {
                String json = unmapped ? gen.unmapped(k) : gen.json(k);
                acks.add(producer.send(new ProducerRecord<>(topic, gen.key(k, unmapped), json.getBytes(StandardCharsets.UTF_8))));
                while (acks.size() > 50_000) {
                    acks.poll().get();
                }
            }
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
        }
        return gen.events / ((System.nanoTime() - t0) / 1e9);
    }

    static final String UNMAPPED = "bench.unmapped";

    static String envelope(UUID id, OffsetDateTime at, String type, String org, UUID member, String payload) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":1,\"source\":\"member-service\","
                + "\"occurredAt\":\"" + at + "\",\"organization\":\""
                + org + "\",\"aggregateType\":\"member\",\"aggregateId\":\"" + member + "\",\"payload\":" + payload + "}";
    }

    /**
     * From the inbox rows of the topic: [overall rate, rate over the first quarter, rate over the last quarter, rows].
     * Each rate counts the rows applied in transactions that started before the span's last transaction.
     */
    static double[] applyRate(String jdbc, String topic, List<String> types) throws Exception {
        List<Long> micros = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("SELECT (extract(epoch FROM applied_at) * 1000000)::bigint FROM inbox"
                     + " WHERE topic = ? AND event_type = ANY(?) ORDER BY applied_at")) {
            ps.setString(1, topic);
            ps.setArray(2, c.createArrayOf("varchar", types.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    micros.add(rs.getLong(1));
                }
            }
        }
        if (micros.size() < 2) {
            throw new IllegalStateException("report-service applied " + micros.size() + " events");
        }
        int n = micros.size();
        return new double[] { rate(micros, 0, n), rate(micros, 0, n / 4), rate(micros, n - n / 4, n), n };
    }

    static double rate(List<Long> micros, int from, int to) {
        long first = micros.get(from);
        long last = micros.get(to - 1);
        long before = micros.subList(from, to).stream().filter(t -> t < last).count();
        return before / Math.max((last - first) / 1e6, 1e-3);
    }

    static long count(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A consumer group of its own reading the topic from the start: first record to the last one expected. */
    static double bareConsumer(String bootstrap, int events) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-bare-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long seen = 0;
        long first = 0;
        long last = 0;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (seen < events && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                for (var r : records) {
                    if (r.value() != null) {
                        seen++;
                    }
                }
                last = System.nanoTime();
            }
        }
        if (seen < events) {
            throw new IllegalStateException("the bare consumer read " + seen + " of " + events);
        }
        return seen / ((last - first) / 1e9);
    }
}
