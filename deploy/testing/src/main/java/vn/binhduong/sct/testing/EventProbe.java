package vn.binhduong.sct.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;

/**
 * Reads what a service really published to its topic, for asserting on events. Open it before the action under test
 * (it starts at the end of the topic), then {@link #await} the events you expect.
 */
public final class EventProbe implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private EventProbe(String topic, boolean fromBeginning) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        // Join the group and fix the starting position now, so that nothing published after this returns is missed.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        consumer.assignment().forEach(consumer::position);
    }

    /** Events published to {@code topic} from now on. */
    public static EventProbe fromNow(String topic) {
        return new EventProbe(topic, false);
    }

    /** Every event ever published to {@code topic}. */
    public static EventProbe fromBeginning(String topic) {
        return new EventProbe(topic, true);
    }

    /** Waits until {@code count} events matching {@code filter} were seen (or the timeout passes) and returns them all. */
    public List<EventEnvelope> await(Predicate<EventEnvelope> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<EventEnvelope> matching = events().stream().filter(filter).toList();
            if (matching.size() >= count || System.nanoTime() > deadline) {
                return matching;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Events of {@code type}, waiting for at least {@code count}. */
    public List<EventEnvelope> awaitType(String type, int count) {
        return await(e -> e.type().equals(type), count, Duration.ofSeconds(30));
    }

    /** Polls for {@code quiet} more and returns everything seen, to assert that something did NOT arrive. */
    public List<EventEnvelope> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return events();
    }

    public List<EventEnvelope> events() {
        return seen.stream().map(r -> EventJson.fromBytes(r.value())).toList();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
