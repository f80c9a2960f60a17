package vn.binhduong.sct.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.binhduong.sct.launcher.Launcher;

/**
 * From a committed REST write (the start of the transaction that wrote its outbox row) to the event applied in
 * report-service (the applied_at of its inbox row, the start of the applying transaction), at 100 writes per second, p50 and p99; beside it the raw Kafka round trip (send with
 * acks=all to receive by a consumer) at the same rate in the same run. Target: p99 under 1 s.
 */
public final class WriteToConsumerLatencyBench {
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = 100;
        Path data = Path.of(System.getProperty("sct.home", ".")).resolve("bench/target/latency-bench-data");
        try (Launcher stack = Launcher.start(System.out, "--data", data.toString(), "--reset", "--pg-port", "0",
                "--kafka-port", "0", "--base-port", "0")) {
            // 5 s of each path first, not measured: steady state, not JIT warm-up, is what the target is about
            kafkaRoundTrip(stack.kafkaBootstrapServers(), rate, 5);
            restToReport(stack, rate, 5);
            double[] raw = kafkaRoundTrip(stack.kafkaBootstrapServers(), rate, seconds);
            double[] write = restToReport(stack, rate, seconds);
            System.out.printf("%nWrite-to-consumer latency at %d writes/s for %d s%n", rate, seconds);
            System.out.printf("  raw Kafka round trip (baseline): p50 %s  p99 %s  (%d messages)%n",
                    Stats.ms(Stats.percentile(raw, 50)), Stats.ms(Stats.percentile(raw, 99)), raw.length);
            System.out.printf("  REST write -> report-service:    p50 %s  p99 %s  (%d writes; target p99 < 1000 ms)%n",
                    Stats.ms(Stats.percentile(write, 50)), Stats.ms(Stats.percentile(write, 99)), write.length);
        }
    }

    static double[] restToReport(Launcher stack, int rate, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = stack.token("admin");
        String url = stack.url("member-service") + "/api/v1/organizations";
        Map<String, Long> committedAtMicros = new ConcurrentHashMap<>();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        int total = rate * seconds;
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int i = 0; i < total; i++) {
            int n = i;
            pacer.schedule(() -> {
                String body = "{\"code\":\"LAT-" + run + "-" + n + "\",\"name\":\"Chi bộ đo độ trễ " + n
                        + "\",\"superiorBody\":\"Đảng bộ khối\"}";
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long now = nowMicros();
                    Matcher m = ID.matcher(r.body());
                    if (r.statusCode() == 201 && m.find()) {
                        committedAtMicros.put(m.group(1), now);
                    } else {
                        System.err.println("write failed: " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    System.err.println("write failed: " + e);
                }
            }, i * 1_000_000L / rate, TimeUnit.MICROSECONDS);
        }
        pacer.shutdown();
        pacer.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        stack.awaitCaughtUp(Duration.ofSeconds(60));
        // The write's time is the outbox row's created_at: the start of the transaction that committed it (a little
        // before the commit, so latencies are, if anything, overstated). The client's receipt of the 201 is no
        // measure: the relay is woken at commit and often delivers before the response reaches the client.
        Map<String, String> eventByAggregate = new HashMap<>();
        Map<String, Long> writtenAtMicros = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("member-service"), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT aggregate_id, event_id, (extract(epoch FROM created_at) * 1000000)::bigint FROM outbox")) {
            while (rs.next()) {
                eventByAggregate.put(rs.getString(1), rs.getString(2));
                writtenAtMicros.put(rs.getString(1), rs.getLong(3));
            }
        }
        Map<String, Long> appliedAtMicros = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("report-service"), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT event_id, (extract(epoch FROM applied_at) * 1000000)::bigint FROM inbox")) {
            while (rs.next()) {
                appliedAtMicros.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<Double> latencies = new ArrayList<>();
        committedAtMicros.keySet().forEach(aggregate -> {
            Long applied = appliedAtMicros.get(eventByAggregate.get(aggregate));
            Long written = writtenAtMicros.get(aggregate);
            if (applied != null && written != null) {
                latencies.add(Math.max(0, applied - written) / 1000.0);
            }
        });
        if (latencies.size() < committedAtMicros.size()) {
            System.err.printf("%d of %d writes have no applied event%n", committedAtMicros.size() - latencies.size(), committedAtMicros.size());
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] kafkaRoundTrip(String bootstrap, int rate, int seconds) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID();
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int total = rate * seconds;
        List<Double> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            producer.partitionsFor(topic);
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    producer.send(new ProducerRecord<>(topic, Integer.toString(i % 7), Long.toString(nowMicros())));
                }
                producer.flush();
            });
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30L);
            while (latencies.size() < total && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(50)).forEach(r ->
                        latencies.add((nowMicros() - Long.parseLong(r.value())) / 1000.0));
            }
            sender.join();
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
