package vn.binhduong.sct.bench;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.sct.launcher.Launcher;

/**
 * The reliability drills: steady writes (party organisations registered in member-service, 30 a second, each retried
 * with its Idempotency-Key as a provincial system would) while one thing at a time is killed with SIGKILL: the
 * broker, report-service, the writing service, PostgreSQL; then, on a second stack of three brokers, one broker.
 * After each drill every acknowledged write is looked for at the source, on the topic and applied in report-service:
 * lost = acknowledged but missing at the source or never applied; phantom = applied but not at the source;
 * duplicated = a write whose effect was applied more than once. Target: 0 lost, 0 phantom, 0 duplicated.
 *
 * <p>{@code ./bench/run drills [seconds-of-load-per-drill [broker,report,member,postgres,cluster]]} (default 40 s, all
 * drills; the fault starts after a quarter of the load).
 */
public final class DrillsBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int RATE = 30;

    record Outcome(String drill, int sent, int acknowledged, int atSource, int onTopic, int applied, int lost, int phantom,
            int duplicated, int failedWrites) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        // which drills: broker,report,member,postgres,cluster (default all)
        Set<String> only = new HashSet<>(List.of((args.length > 1 ? args[1] : "broker,report,member,postgres,cluster").split(",")));
        Path home = Path.of(System.getProperty("sct.home", "."));
        List<Outcome> outcomes = new ArrayList<>();
        try (Launcher stack = Launcher.start(System.out, "--data", home.resolve("bench/target/drills-data").toString(),
                "--reset", "--pg-port", "0", "--kafka-port", "0", "--base-port", "0", "--no-supervise")) {
            if (only.contains("broker")) outcomes.add(drill(stack, "broker SIGKILL 20 s", seconds, () -> {
                stack.embeddedKafka().orElseThrow().kill(1);
                Thread.sleep(20_000);
                stack.embeddedKafka().orElseThrow().restart(1);
            }));
            if (only.contains("report")) outcomes.add(drill(stack, "report-service SIGKILL 10 s", seconds, () -> {
                stack.kill("report-service");
                Thread.sleep(10_000);
                stack.restart("report-service");
            }));
            if (only.contains("member")) outcomes.add(drill(stack, "member-service SIGKILL 10 s", seconds, () -> {
                stack.kill("member-service");
                Thread.sleep(10_000);
                stack.restart("member-service");
            }));
            if (only.contains("postgres")) outcomes.add(drill(stack, "PostgreSQL SIGKILL 15 s", seconds, () -> {
                stack.embeddedPostgres().orElseThrow().kill();
                Thread.sleep(15_000);
                stack.embeddedPostgres().orElseThrow().restart();
            }));
        }
        if (only.contains("cluster")) try (Launcher stack = Launcher.start(System.out, "--data", home.resolve("bench/target/drills-data-3").toString(),
                "--reset", "--pg-port", "0", "--kafka-port", "0", "--base-port", "0", "--no-supervise", "--brokers", "3")) {
            outcomes.add(drill(stack, "1 of 3 brokers SIGKILL 20 s", seconds, () -> {
                stack.embeddedKafka().orElseThrow().kill(2);
                Thread.sleep(20_000);
                stack.embeddedKafka().orElseThrow().restart(2);
            }));
        }
        System.out.printf("%nReliability drills: %d writes/s to member-service, %d s of load each, one fault each%n", RATE,
                seconds);
        System.out.printf("  %-30s %6s %6s %7s %7s %7s %5s %7s %6s %6s%n", "drill", "sent", "acked", "source", "topic",
                "applied", "lost", "phantom", "dupl.", "failed");
        for (Outcome o : outcomes) {
            System.out.printf("  %-30s %6d %6d %7d %7d %7d %5d %7d %6d %6d%n", o.drill(), o.sent(), o.acknowledged(),
                    o.atSource(), o.onTopic(), o.applied(), o.lost(), o.phantom(), o.duplicated(), o.failedWrites());
        }
        boolean ok = outcomes.stream().allMatch(o -> o.lost() == 0 && o.phantom() == 0 && o.duplicated() == 0);
        System.out.println(ok ? "  every drill: 0 lost, 0 phantom, 0 duplicated" : "  TARGET MISSED");
    }

    interface Fault {
        void inject() throws Exception;
    }

    static Outcome drill(Launcher stack, String name, int seconds, Fault fault) throws Exception {
        System.out.println("\n== " + name);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String url = stack.url("member-service") + "/api/v1/organizations";
        String token = stack.token("admin");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(32);
        int total = RATE * seconds;
        for (int i = 0; i < total; i++) {
            String code = "DRL-" + run + "-" + i;
            pacer.schedule(() -> {
                if (write(url, token, code)) {
                    acknowledged.add(code);
                } else {
                    failed.incrementAndGet();
                }
            }, i * 1_000_000L / RATE, TimeUnit.MICROSECONDS);
        }
        Thread.sleep(seconds * 250L);
        long t = System.nanoTime();
        fault.inject();
        System.out.printf("fault and recovery took %d s%n", (System.nanoTime() - t) / 1_000_000_000L);
        pacer.shutdown();
        pacer.awaitTermination(seconds + 180L, TimeUnit.SECONDS);
        awaitHealthy(stack, Duration.ofSeconds(120));
        stack.awaitCaughtUp(Duration.ofSeconds(180));
        return verify(stack, name, run, total, acknowledged, failed.get());
    }

    /** One write, retried for up to 120 s on refusals that say "later" (no answer, 503, 409 in progress). */
    static boolean write(String url, String token, String code) {
        String key = "drill-" + code;
        String body = "{\"code\":\"" + code + "\",\"name\":\"Đảng bộ diễn tập " + code + "\",\"superiorBody\":\"Đảng bộ khối\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = Rest.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    return true;
                }
                if (r.statusCode() != 503 && r.statusCode() != 409 && r.statusCode() < 500) {
                    System.err.println("write " + code + " refused: " + r.statusCode() + " " + r.body());
                    return false;
                }
                if (r.statusCode() == 409 && r.body().contains("duplicate")) {
                    return false; // the first try committed but its answer was lost: at the source, not acknowledged
                }
            } catch (Exception unreachable) {
                // the service is down: try again as a client would
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static void awaitHealthy(Launcher stack, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String s : List.of("member-service", "report-service")) {
            while (!stack.healthy(s) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
        }
    }

    static Outcome verify(Launcher stack, String name, String run, int sent, Set<String> acknowledged, int failed)
            throws Exception {
        String like = "DRL-" + run + "-%";
        // at the source: the organisations and the ids of the events their registration wrote
        Map<String, String> eventOfCode = new HashMap<>();
        Set<String> atSource = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("member-service"), "postgres", "postgres")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM party_organization WHERE code LIKE ?")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        atSource.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT payload->>'code', event_id::text FROM outbox WHERE event_type = 'party-organization.registered' "
                            + "AND payload->>'code' LIKE ?")) {
                ps.setString(1, like);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        eventOfCode.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        // on the topic: every registration event of this run, by code
        Map<String, Set<String>> topicEventsByCode = new HashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "drill-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("sct.member.events"));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < 5_000_000_000L) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    JsonNode e = JSON.readTree(r.value());
                    String code = e.path("payload").path("code").asText("");
                    if (code.startsWith("DRL-" + run + "-") && e.path("type").asText().equals("party-organization.registered")) {
                        topicEventsByCode.computeIfAbsent(code, k -> new HashSet<>()).add(e.path("id").asText());
                    }
                }
            }
        }
        // applied in report-service: the inbox rows of those events
        Set<String> topicEventIds = new HashSet<>();
        topicEventsByCode.values().forEach(topicEventIds::addAll);
        Set<String> applied = new HashSet<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("report-service"), "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("SELECT event_id::text FROM inbox WHERE event_id = ANY (?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", topicEventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
        }
        int lost = 0;
        for (String code : acknowledged) {
            String event = eventOfCode.get(code);
            if (!atSource.contains(code) || event == null || !applied.contains(event)) {
                lost++;
            }
        }
        int phantom = 0;
        int duplicated = 0;
        for (Map.Entry<String, Set<String>> e : topicEventsByCode.entrySet()) {
            long appliedOfCode = e.getValue().stream().filter(applied::contains).count();
            if (appliedOfCode > 0 && !atSource.contains(e.getKey())) {
                phantom++;
            }
            if (appliedOfCode > 1) {
                duplicated++;
            }
        }
        Outcome o = new Outcome(name, sent, acknowledged.size(), (int) acknowledged.stream().filter(atSource::contains).count(),
                (int) acknowledged.stream().filter(topicEventsByCode::containsKey).count(), applied.size(), lost, phantom,
                duplicated, failed);
        System.out.println(o);
        return o;
    }
}
