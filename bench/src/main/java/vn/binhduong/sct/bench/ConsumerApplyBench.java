package vn.binhduong.sct.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
 * report-service's consumer apply rate (issue 7): events published with a plain producer to sct.member.events (the
 * stack is fresh and loads no demo data, so the topic holds only these), in the shapes docs/events/member-service.md
 * gives: for each member a {@code member.registered} and an {@code evaluation.member-rated} for 2021, members spread
 * over organisations. The rate is read from report-service's inbox (first to last {@code applied_at}; applied_at is
 * the start of the batch transaction, so the events before the last batch are counted over that span), next to a
 * bare KafkaConsumer reading the same topic from the beginning in the same run. Target: at least 0.3. Bounded: if
 * report-service has not applied everything after the time limit, the rate is computed from what it applied so far.
 * inspection-service consumes the same topic at the same time (as it does in production). Then the same number of
 * events of a type no projection maps is published, to show the inbox's own rate (inbox row, position, event tally).
 * Last, the rebuild of report-service's projections replays the whole topic as a backlog (nothing is being published
 * any more, as for the bare consumer): the same two rates are read again from the replayed inbox rows.
 * Arguments: [events, default 20000] [organisations, default 400] [time limit in s, default 180].
 */
public final class ConsumerApplyBench {
    static final String TOPIC = "sct.member.events";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int organisations = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 180;
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/consumer-apply-bench-data");
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0")) {
            String bootstrap = stack.kafkaBootstrapServers();
            long published = publish(bootstrap, events, organisations);
            System.out.printf("Published %,d events (%,d organisations, %,d members each) to %s%n", published, organisations,
                    events / 2 / organisations, TOPIC);
            String report = stack.jdbcUrl("report-service");
            long applied = awaitApplied(report, events, limit);
            double[] rate = applyRate(report, List.of("member.registered", "evaluation.member-rated"));
            // the inbox's own cost: events of a type no projection maps (only the inbox row, the position and the tally)
            publishUnmapped(bootstrap, events);
            long appliedUnmapped = awaitApplied(report, 2L * events, limit) - applied;
            double[] floor = applyRate(report, List.of(UNMAPPED));
            long inspection = count(stack.jdbcUrl("inspection-service"), "SELECT count(*) FROM inbox WHERE topic = '" + TOPIC + "'");
            String inspectionLag;
            try {
                inspectionLag = Rest.get(stack.url("inspection-service") + "/api/v1/inbox/lag", stack.token("admin"));
            } catch (IllegalStateException e) {
                inspectionLag = "unavailable (" + e.getMessage().replaceAll("\\s+", " ") + ")";
            }
            long deadLetters = count(report, "SELECT count(*) FROM inbox_dead_letter");
            // the same events again as a backlog: the rebuild empties the projections and the inbox and replays the topic
            Rest.post(stack.url("report-service") + "/api/v1/projections/rebuild", stack.token("admin"));
            long replayed = awaitApplied(report, 2L * events, limit);
            double[] replay = applyRate(report, List.of("member.registered", "evaluation.member-rated"));
            double[] replayFloor = applyRate(report, List.of(UNMAPPED));
            double bare = bareConsumer(bootstrap, 2 * events);
            System.out.printf("%nConsumer apply rate, %,d member events over %,d organisations (%,d members each)%n", events,
                    organisations, events / 2 / organisations);
            System.out.printf("  bare KafkaConsumer reading the same topic (baseline): %,10.0f events/s%n", bare);
            System.out.printf("  report-service inbox into projections:                %,10.0f events/s (%,d of %,d applied%s, %d dead letters)%n",
                    rate[0], (long) rate[3], events, applied >= events ? "" : " within the " + limit + " s limit", deadLetters);
            System.out.printf("    first quarter of the events applied: %,.0f events/s; last quarter: %,.0f events/s%n", rate[1], rate[2]);
            System.out.printf("  ratio report-service / bare consumer: %.3f (target >= 0.3)%n", rate[0] / bare);
            System.out.printf("  report-service inbox, %,d events of a type no projection maps:   %,10.0f events/s (%,d applied; ratio to bare %.3f)%n",
                    events, floor[0], appliedUnmapped, floor[0] / bare);
            System.out.printf("  rebuild (the same %,d events as a backlog, replayed from the beginning; %,d of %,d applied):%n",
                    2L * events, replayed, 2L * events);
            System.out.printf("    member events into projections: %,10.0f events/s (ratio to bare %.3f); unmapped type: %,10.0f events/s (ratio %.3f)%n",
                    replay[0], replay[0] / bare, replayFloor[0], replayFloor[0] / bare);
            System.out.printf("  inspection-service applied %,d of the %,d events on the topic; its lag endpoint: %s%n", inspection,
                    2 * events, inspectionLag.length() > 600 ? inspectionLag.substring(0, 600) + "..." : inspectionLag);
        }
    }

    static long publish(String bootstrap, int events, int organisations) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        int members = events / 2;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            UUID[] ids = new UUID[members];
            for (int k = 0; k < events; k++) {
                int m = k % members;
                boolean rating = k >= members;
                if (ids[m] == null) {
                    ids[m] = UUID.randomUUID();
                }
                String org = String.format("BENCH-O%04d", m % organisations);
                String cell = org + "-CB" + (m / organisations % 10 + 1);
                String json = rating ? envelope("evaluation.member-rated", org, ids[m], "{\"organization\":\"" + org
                        + "\",\"year\":2021,\"memberId\":\"" + ids[m] + "\",\"cellCode\":\"" + cell + "\",\"rating\":\""
                        + (m % 10 < 2 ? "EXCELLENT" : m % 10 < 9 ? "GOOD" : "COMPLETED") + "\",\"score\":null,\"previousRating\":null}")
                        : envelope("member.registered", org, ids[m], "{\"memberId\":\"" + ids[m] + "\",\"organization\":\"" + org
                                + "\",\"kind\":\"REGISTERED\",\"effectiveDate\":\"2021-01-01\",\"cellCode\":\"" + cell
                                + "\",\"status\":\"OFFICIAL\",\"onOfficialRoll\":true,\"previousCellCode\":null,\"previousStatus\":null,"
                                + "\"religious\":" + (m % 60 == 0) + ",\"admissionDate\":\"" + LocalDate.of(1990, 1, 1).plusDays(m % 9000)
                                + "\",\"confirmationDate\":\"" + LocalDate.of(1991, 1, 1).plusDays(m % 9000) + "\",\"transferKind\":null,"
                                + "\"counterpart\":null,\"expectedReturn\":null,\"reason\":null,\"candidateId\":null}");
                acks.add(producer.send(new ProducerRecord<>(TOPIC, ids[m].toString(), json.getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
            return acks.size();
        }
    }

    static final String UNMAPPED = "bench.unmapped";

    static void publishUnmapped(String bootstrap, int events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int k = 0; k < events; k++) {
                UUID id = UUID.randomUUID();
                String json = envelope(UNMAPPED, "BENCH-O0000", id, "{\"n\":" + k + "}");
                acks.add(producer.send(new ProducerRecord<>(TOPIC, id.toString(), json.getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
        }
    }

    static long awaitApplied(String report, long expected, int limitSeconds) throws Exception {
        long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
        long applied = 0;
        while (System.nanoTime() < deadline) {
            applied = count(report, "SELECT count(*) FROM inbox WHERE topic = '" + TOPIC + "'");
            if (applied >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        return applied;
    }

    static String envelope(String type, String org, UUID member, String payload) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"version\":1,\"source\":\"member-service\","
                + "\"occurredAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS) + "\",\"organization\":\""
                + org + "\",\"aggregateType\":\"member\",\"aggregateId\":\"" + member + "\",\"payload\":" + payload + "}";
    }

    /**
     * From the inbox rows of the topic: [overall rate, rate over the first quarter, rate over the last quarter, rows].
     * Each rate counts the rows applied in transactions that started before the span's last transaction.
     */
    static double[] applyRate(String jdbc, List<String> types) throws Exception {
        List<Long> micros = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("SELECT (extract(epoch FROM applied_at) * 1000000)::bigint FROM inbox"
                     + " WHERE topic = ? AND event_type = ANY(?) ORDER BY applied_at")) {
            ps.setString(1, TOPIC);
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
