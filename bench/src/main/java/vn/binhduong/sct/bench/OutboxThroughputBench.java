package vn.binhduong.sct.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.binhduong.sct.launcher.Launcher;

/**
 * Outbox relay throughput at steady state, next to a plain idempotent Kafka producer sending the same payloads to the
 * same broker in the same run. The relay's rate is measured from the publish timestamps it writes (first to last
 * row), the producer's from its first send to its last acknowledgement. Beside them, the relay's SQL alone (read and
 * mark, no Kafka), which says what the database costs per event. Arguments: events per round (50,000), rounds (3);
 * {@code -Dbench.jvm=production} for the images' JVM flags. Target: relay at least 0.8 of the producer.
 */
public final class OutboxThroughputBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/outbox-bench-data");
        // -Dbench.jvm=production runs the services with the container images' flags (G1, full JIT) instead of the
        // launcher's laptop flags (C1 only, serial GC)
        String jvm = System.getProperty("bench.jvm", "laptop");
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0", "--jvm", jvm)) {
            String jdbc = stack.jdbcUrl("member-service");
            List<String> payloads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                payloads.add("{\"code\":\"BENCH-" + i + "\",\"name\":\"Chi bộ thử nghiệm số " + i
                        + "\",\"superiorBody\":\"Đảng bộ khối các cơ quan và doanh nghiệp tỉnh\"}");
            }
            // warm both paths once; let the six JVMs' compilers settle (C2 under the production flags); then
            // alternate the paths round by round, so a noisy moment on the shared cores hits one round, not one path
            plainProducer(stack.kafkaBootstrapServers(), payloads.subList(0, Math.min(5_000, n)), "bench.warmup");
            relay(jdbc, payloads.subList(0, Math.min(5_000, n)));
            relaySqlAlone(jdbc, payloads.subList(0, Math.min(5_000, n)));
            Thread.sleep(Long.getLong("bench.settle-ms", 20_000));
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
            double[] plain = new double[rounds];
            double[] relay = new double[rounds];
            double[] sql = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                plain[r] = plainProducer(stack.kafkaBootstrapServers(), payloads, "bench.plain");
                relay[r] = relay(jdbc, payloads);
                sql[r] = relaySqlAlone(jdbc, payloads);
                System.out.printf("  round %d: plain %,.0f, relay %,.0f (%.2f), the relay's SQL alone %,.0f events/s%n", r + 1,
                        plain[r], relay[r], relay[r] / plain[r], sql[r]);
            }
            double p = Stats.percentile(plain, 50);
            double rl = Stats.percentile(relay, 50);
            double q = Stats.percentile(sql, 50);
            System.out.printf("%nOutbox relay throughput (%,d events of ~%d bytes, median of %d rounds; member-service with the %s"
                    + " JVM flags, batch %s, in flight %s)%n", n, payloads.get(0).length() + 250, rounds, jvm,
                    System.getenv().getOrDefault("SCT_OUTBOX_BATCH_SIZE", "500"),
                    System.getenv().getOrDefault("SCT_OUTBOX_MAX_IN_FLIGHT", "4"));
            System.out.printf("  plain Kafka producer (baseline):        %,10.0f events/s%n", p);
            System.out.printf("  outbox relay:                           %,10.0f events/s%n", rl);
            System.out.printf("  the relay's SQL alone (read + mark):    %,10.0f events/s%n", q);
            System.out.printf("  ratio relay / plain: %.2f (target >= 0.8); the two costs in series on these cores would give"
                    + " %.2f%n", rl / p, (1 / (1 / p + 1 / q)) / p);
        }
    }

    /**
     * The relay's database work without Kafka: the same rows in a table shaped like the outbox (same columns and
     * indexes), read in id order in batches of 500 after a cursor and marked published batch by batch, each statement
     * its own transaction, as the relay does; so the report can say what the database alone costs per event.
     */
    static double relaySqlAlone(String jdbc, List<String> payloads) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            c.createStatement().execute("DROP TABLE IF EXISTS bench_outbox_copy");
            c.createStatement().execute("CREATE TABLE bench_outbox_copy (LIKE outbox INCLUDING ALL)");
            insertCommitted(c, "bench_outbox_copy", payloads); // ids from the outbox's sequence, as LIKE copies it
            c.createStatement().execute("ANALYZE bench_outbox_copy");
            long start = System.nanoTime();
            long after = 0;
            long read = 0;
            while (true) {
                List<Long> ids = new ArrayList<>(500);
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, event_id, event_type, event_version, source, organization, aggregate_type, aggregate_id,
                               occurred_at, payload::text, traceparent
                          FROM bench_outbox_copy WHERE published_at IS NULL AND id > ? ORDER BY id LIMIT 500""")) {
                    ps.setLong(1, after);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            rs.getObject(2);
                            for (int k = 3; k <= 11; k++) {
                                rs.getString(k);
                            }
                        }
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE bench_outbox_copy SET published_at = now() WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    ps.executeUpdate();
                }
                read += ids.size();
                after = ids.get(ids.size() - 1);
            }
            double rate = read / ((System.nanoTime() - start) / 1e9);
            c.createStatement().execute("DROP TABLE bench_outbox_copy");
            return rate;
        }
    }

    /** Same producer settings as the relay: acks=all, idempotent, keyed by aggregate. */
    static double plainProducer(String bootstrap, List<String> payloads, String topic) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(payloads.size());
            int i = 0;
            for (String payload : payloads) {
                String envelope = envelope(UUID.randomUUID(), "agg-" + (i++ % 1000), payload);
                acks.add(producer.send(new ProducerRecord<>(topic, "agg-" + (i % 1000), envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
            return payloads.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Commits the rows as one transaction (as many service writes would), then times the relay draining them. */
    static double relay(String jdbc, List<String> payloads) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            long before;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(max(id), 0) FROM outbox")) {
                rs.next();
                before = rs.getLong(1);
            }
            insertCommitted(c, "outbox", payloads);
            // wait with a probe of the unpublished-rows index (outbox_unpublished) only: a poll that read the batch's
            // rows (as this bench's did until issue 16's last stop) takes a core from the relay it measures
            try (PreparedStatement pending = c.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL AND id > ?)")) {
                pending.setLong(1, before);
                while (true) {
                    try (ResultSet rs = pending.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            break;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "WITH b AS (SELECT published_at FROM outbox WHERE id > ?) "
                            + "SELECT min(published_at), max(published_at), "
                            + "(SELECT count(*) FROM b WHERE published_at < (SELECT max(published_at) FROM b)) FROM b")) {
                ps.setLong(1, before);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    // published_at is the start of the relay transaction that marked the row: the rows before the last
                    // transaction were published between the first and the last transaction's start
                    double seconds = (rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 1000.0;
                    return rs.getLong(3) / Math.max(seconds, 0.001);
                }
            }
        }
    }

    /** Writes one outbox-shaped row per payload into {@code table} and commits them as one transaction. */
    static void insertCommitted(Connection c, String table, List<String> payloads) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + """
                 (event_id, event_type, event_version, source, organization, aggregate_type, aggregate_id, occurred_at, payload)
                VALUES (?, 'bench.recorded', 1, 'bench', 'DB-SCT', 'bench', ?, ?, CAST(? AS jsonb))""")) {
            int i = 0;
            for (String payload : payloads) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, "agg-" + (i++ % 1000));
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setString(4, payload);
                ps.addBatch();
                if (i % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    static String envelope(UUID id, String aggregateId, String payload) {
        return "{\"id\":\"" + id + "\",\"type\":\"bench.recorded\",\"version\":1,\"source\":\"bench\",\"occurredAt\":\""
                + Instant.now() + "\",\"organization\":\"DB-SCT\",\"aggregateType\":\"bench\",\"aggregateId\":\""
                + aggregateId + "\",\"payload\":" + payload + "}";
    }
}
