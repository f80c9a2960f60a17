package vn.binhduong.sct.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.binhduong.sct.platform.KafkaConfig;
import vn.binhduong.sct.platform.Topics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import org.jboss.logging.MDC;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.text.LogSafe;
import vn.binhduong.sct.platform.tracing.EventTracing;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.problem.DatabaseErrors;
import vn.binhduong.sct.platform.sql.PgArray;

/**
 * The idempotent consumer (DESIGN.md §3, step 3). For each polled batch, in one database transaction: insert each
 * event id into {@code inbox} ({@code ON CONFLICT DO NOTHING}), call the {@link EventHandler}s only for ids that were
 * new, and store each partition's last applied offset in {@code inbox_position}. Kafka offsets are committed after that
 * transaction commits. On assignment the consumer seeks to the stored position, so the database alone decides what
 * was applied. A batch whose transaction fails is retried record by record; a record that keeps failing is set aside
 * in {@code inbox_dead_letter} so one bad event does not stop the topic.
 */
@ApplicationScoped
public class InboxConsumer {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final InboxConfig config;
    private final KafkaConfig kafka;
    private final EntityManager em;
    private final Instance<EventHandler> handlers;
    private final Tracer tracer;
    private final String groupId;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong databaseRecovered = new AtomicLong();
    private final AtomicLong gapsRepaired = new AtomicLong();
    private final String instanceId;
    private final java.util.Set<String> gapsSeenOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Replay> replays = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile String failure;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    public InboxConsumer(InboxConfig config, KafkaConfig kafka, EntityManager em, Instance<EventHandler> handlers,
            @ConfigProperty(name = "quarkus.application.name") String application, OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("vn.binhduong.sct.platform.inbox");
        this.config = config;
        this.kafka = kafka;
        this.em = em;
        this.handlers = handlers;
        this.groupId = config.groupId().orElse(application);
        this.instanceId = config.instanceId().orElseGet(() -> groupId + "-" + hostName());
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                h = "local";
            }
        }
        return h;
    }

    /** Why the consumer is not consuming right now (its last poll failed), or empty; for health and status. */
    public java.util.Optional<String> degradedReason() {
        return java.util.Optional.ofNullable(failure);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || config.topics().map(List::isEmpty).orElse(true)) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "inbox-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events applied (not counting duplicates) since start. */
    public long appliedCount() {
        return applied.get();
    }

    public String groupId() {
        return groupId;
    }

    public List<String> topics() {
        return config.topics().orElse(List.of());
    }

    /**
     * Forgets everything applied and replays every topic from the beginning. {@code resetInTransaction} runs in the
     * same transaction that empties the inbox and positions; it must empty whatever the handlers built.
     */
    public CompletableFuture<Void> replayFromBeginning(Runnable resetInTransaction) {
        Replay replay = new Replay(resetInTransaction, new CompletableFuture<>());
        if (!running) {
            QuarkusTransaction.requiringNew().run(() -> reset(resetInTransaction));
            replay.done().complete(null);
            return replay.done();
        }
        replays.add(replay);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        return replay.done();
    }

    /** Per partition of the consumed topics: the last applied offset (from the database) against the end offset. */
    public List<PartitionLag> lag() {
        Properties p = kafka.admin();
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        Map<TopicPartition, Long> appliedOffsets = storedPositions();
        List<PartitionLag> result = new ArrayList<>();
        try (Admin admin = Admin.create(p)) {
            Map<String, TopicDescription> described;
            try {
                described = admin.describeTopics(topics()).allTopicNames().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // a topic that no producer has created yet has no partitions and no lag
                described = new HashMap<>();
                for (String t : topics()) {
                    try {
                        described.put(t, admin.describeTopics(List.of(t)).allTopicNames().get(5, TimeUnit.SECONDS).get(t));
                    } catch (java.util.concurrent.ExecutionException missing) {
                        // skip
                    }
                }
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(
                    pi -> request.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest())));
            var ends = admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
            request.keySet().stream()
                    .sorted((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                            : a.topic().compareTo(b.topic()))
                    .forEach(tp -> {
                        long end = ends.get(tp).offset();
                        long last = appliedOffsets.getOrDefault(tp, -1L);
                        result.add(new PartitionLag(tp.topic(), tp.partition(), last, end, Math.max(0, end - last - 1)));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("broker unreachable: " + e.getMessage(), e);
        }
        return result;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = newConsumer()) {
                Topics.ensure(kafka, topics(), Topics.DEFAULT_PARTITIONS);
                consumer = c;
                c.subscribe(topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        seekToStoredPositions(c, partitions);
                    }
                });
                while (running) {
                    Replay replay = replays.poll();
                    if (replay != null) {
                        performReplay(c, replay);
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records;
                    try {
                        records = c.poll(config.pollTimeout());
                    } catch (WakeupException woken) {
                        continue;
                    }
                    failure = null;
                    if (!records.isEmpty()) {
                        process(c, records);
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    boolean refused = vn.binhduong.sct.platform.KafkaErrors.refused(e);
                    failure = (refused ? "Kafka refuses this consumer's credentials or rights (" : "Kafka unreachable (")
                            + kafka.bootstrapServers() + ", " + kafka.securityProtocol() + "): " + e.getMessage();
                    LOG.warnf("inbox consumer restarting after: %s", e.toString());
                    sleep(2000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void performReplay(KafkaConsumer<String, byte[]> c, Replay replay) {
        try {
            QuarkusTransaction.requiringNew().run(() -> reset(replay.reset()));
            c.seekToBeginning(c.assignment());
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (TopicPartition tp : c.assignment()) {
                zero.put(tp, new OffsetAndMetadata(c.position(tp)));
            }
            c.commitSync(zero);
            replay.done().complete(null);
        } catch (RuntimeException e) {
            replay.done().completeExceptionally(e);
        }
    }

    private void reset(Runnable resetInTransaction) {
        em.createNativeQuery("DELETE FROM inbox").executeUpdate();
        em.createNativeQuery("DELETE FROM inbox_dead_letter").executeUpdate();
        em.createNativeQuery("DELETE FROM inbox_position WHERE consumer_group = ?1").setParameter(1, groupId).executeUpdate();
        resetInTransaction.run();
    }

    private void process(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
            int n = QuarkusTransaction.requiringNew().call(() -> applyAll(c, batch));
            applied.addAndGet(n);
        } catch (BehindConsumer gap) {
            // The database lost applied batches (a crash before they were flushed, a restore): read them again.
            LOG.warnf("inbox positions in the database are behind what was consumed (%s); re-reading from the stored "
                    + "positions", gap.getMessage());
            gapsRepaired.incrementAndGet();
            seekToStoredPositions(c, c.assignment());
            return;
        } catch (RuntimeException batchFailed) {
            if (DatabaseErrors.unavailable(batchFailed)) {
                awaitDatabase(c, batchFailed);
                return;
            }
            LOG.debugf("batch of %d failed (%s); applying one by one", batch.size(), batchFailed.toString());
            try {
                for (ConsumerRecord<String, byte[]> r : batch) {
                    applyWithRetries(c, r);
                }
            } catch (DatabaseDown down) {
                awaitDatabase(c, down.getCause());
                return;
            } catch (BehindConsumer gap) {
                gapsRepaired.incrementAndGet();
                seekToStoredPositions(c, c.assignment());
                return;
            }
        }
        commit(c, batch);
    }

    /**
     * The database is away: nothing of the batch counts against its events. Wait until it answers, then go on from
     * the positions it has stored, so a batch it lost in a crash is applied again.
     */
    private void awaitDatabase(KafkaConsumer<String, byte[]> c, Throwable cause) {
        long since = System.nanoTime();
        LOG.warnf("inbox cannot reach the database (%s); consumption paused until it answers", rootMessage(cause));
        long backoff = 250;
        while (running) {
            sleep(backoff);
            backoff = Math.min(backoff * 2, 5000);
            try {
                storedPositions();
                break;
            } catch (RuntimeException stillDown) {
                if (!DatabaseErrors.unavailable(stillDown)) {
                    break;
                }
            }
        }
        LOG.infof("database reachable again after %d s; inbox resumes from its stored positions",
                (System.nanoTime() - since) / 1_000_000_000L);
        databaseRecovered.incrementAndGet();
        seekToStoredPositions(c, c.assignment());
    }

    private void applyWithRetries(KafkaConsumer<String, byte[]> c, ConsumerRecord<String, byte[]> r) {
        for (int attempt = 1; ; attempt++) {
            try {
                applied.addAndGet(QuarkusTransaction.requiringNew().call(() -> applyAll(c, List.of(r))));
                return;
            } catch (BehindConsumer gap) {
                throw gap;
            } catch (RuntimeException e) {
                if (DatabaseErrors.unavailable(e)) {
                    throw new DatabaseDown(e); // not the event's fault: never set aside for it
                }
                if (attempt >= config.maxAttempts()) {
                    org.apache.kafka.common.header.Header id = r.headers()
                            .lastHeader(vn.binhduong.sct.platform.events.EventHeaders.EVENT_ID);
                    String eventId = id == null ? "(no event-id header)"
                            : LogSafe.of(new String(id.value(), java.nio.charset.StandardCharsets.UTF_8));
                    LOG.errorf(e, "event %s at %s-%d@%d failed %d times; set aside in inbox_dead_letter", eventId,
                            r.topic(), r.partition(), r.offset(), attempt);
                    try {
                        QuarkusTransaction.requiringNew().run(() -> deadLetter(r, e));
                    } catch (RuntimeException deadLetterFailed) {
                        throw new DatabaseDown(deadLetterFailed);
                    }
                    return;
                }
                sleep(200L * attempt);
            }
        }
    }

    private int applyAll(KafkaConsumer<String, byte[]> c, List<ConsumerRecord<String, byte[]>> batch) {
        int n = 0;
        checkNoGap(c, batch);
        Map<TopicPartition, Long> last = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(batch.size());
        List<EventEnvelope> events = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> r : batch) {
            last.put(new TopicPartition(r.topic(), r.partition()), r.offset());
            try {
                events.add(EventJson.fromBytes(r.value()));
                readable.add(r);
            } catch (RuntimeException unreadable) {
                deadLetter(r, unreadable);
            }
        }
        // One statement records the whole batch; it returns the ids that were new, the only ones to apply.
        java.util.Set<UUID> fresh = recordInInbox(readable, events);
        for (EventHandler handler : handlers) {
            handler.beginBatch();
        }
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            if (fresh.remove(event.id())) {
                ConsumerRecord<String, byte[]> r = readable.get(i);
                // the apply continues the producer's trace (its traceparent header); the log lines carry the event id
                Span span = EventTracing.startApply(tracer, EventTracing.traceparent(r.headers()), event, r.topic(),
                        groupId);
                MDC.put("eventId", event.id().toString());
                try (Scope scope = span.makeCurrent()) {
                    for (EventHandler handler : handlers) {
                        handler.apply(event);
                    }
                } catch (RuntimeException failed) {
                    span.recordException(failed);
                    span.setStatus(StatusCode.ERROR);
                    throw failed;
                } finally {
                    span.end();
                    MDC.remove("eventId");
                }
                n++;
            }
        }
        for (EventHandler handler : handlers) {
            handler.endBatch();
        }
        for (Map.Entry<TopicPartition, Long> e : last.entrySet()) {
            em.createNativeQuery("""
                    INSERT INTO inbox_position (consumer_group, topic, partition_no, offset_no, updated_at)
                    VALUES (?1, ?2, ?3, ?4, now())
                    ON CONFLICT (consumer_group, topic, partition_no)
                    DO UPDATE SET offset_no = GREATEST(inbox_position.offset_no, EXCLUDED.offset_no), updated_at = now()""")
                    .setParameter(1, groupId)
                    .setParameter(2, e.getKey().topic())
                    .setParameter(3, e.getKey().partition())
                    .setParameter(4, e.getValue())
                    .executeUpdate();
        }
        em.flush();
        return n;
    }

    @SuppressWarnings("unchecked")
    private java.util.Set<UUID> recordInInbox(List<ConsumerRecord<String, byte[]>> records, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return new java.util.HashSet<>();
        }
        List<Object> ids = new ArrayList<>(events.size());
        List<Object> types = new ArrayList<>(events.size());
        List<Object> topics = new ArrayList<>(events.size());
        List<Object> partitions = new ArrayList<>(events.size());
        List<Object> offsets = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ids.add(events.get(i).id());
            types.add(events.get(i).type());
            topics.add(records.get(i).topic());
            partitions.add(records.get(i).partition());
            offsets.add(records.get(i).offset());
        }
        List<Object> inserted = em.createNativeQuery("""
                INSERT INTO inbox (event_id, event_type, topic, partition_no, offset_no)
                SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS varchar[]), CAST(?3 AS varchar[]),
                                     CAST(?4 AS int[]), CAST(?5 AS bigint[]))
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id""")
                .setParameter(1, PgArray.of(ids))
                .setParameter(2, PgArray.of(types))
                .setParameter(3, PgArray.of(topics))
                .setParameter(4, PgArray.of(partitions))
                .setParameter(5, PgArray.of(offsets))
                .getResultList();
        java.util.Set<UUID> fresh = new java.util.HashSet<>();
        for (Object id : inserted) {
            fresh.add(id instanceof UUID u ? u : UUID.fromString(id.toString()));
        }
        return fresh;
    }

    /**
     * Refuses a batch that starts past the position the database stored for its partition: the events in between
     * were consumed (and maybe applied) but the database no longer knows it, so they must be read again, not skipped.
     */
    private void checkNoGap(KafkaConsumer<String, byte[]> c, List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        Map<TopicPartition, Long> stored = storedPositionsInTransaction();
        for (Map.Entry<TopicPartition, Long> e : first.entrySet()) {
            Long position = stored.get(e.getKey());
            long expected;
            if (position != null) {
                expected = position + 1;
            } else {
                expected = c.beginningOffsets(List.of(e.getKey())).getOrDefault(e.getKey(), 0L);
            }
            if (e.getValue() > expected) {
                // Offsets a broker never hands out (transaction markers, compaction) read the same way twice: the
                // second time the gap is the log's own, not a loss.
                String gap = e.getKey() + "@" + expected + ">" + e.getValue();
                if (gapsSeenOnce.remove(gap)) {
                    continue;
                }
                gapsSeenOnce.add(gap);
                throw new BehindConsumer(e.getKey() + " stored up to " + (expected - 1) + ", batch starts at "
                        + e.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<TopicPartition, Long> storedPositionsInTransaction() {
        Map<TopicPartition, Long> result = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(
                "SELECT topic, partition_no, offset_no FROM inbox_position WHERE consumer_group = ?1")
                .setParameter(1, groupId).getResultList();
        for (Object[] row : rows) {
            result.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()), ((Number) row[2]).longValue());
        }
        return result;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, Exception error) {
        UUID eventId = null;
        String type = null;
        try {
            EventEnvelope e = EventJson.fromBytes(r.value());
            eventId = e.id();
            type = e.type();
        } catch (RuntimeException ignored) {
            // unreadable: keep the raw value only
        }
        em.createNativeQuery("""
                INSERT INTO inbox_dead_letter (topic, partition_no, offset_no, event_id, event_type, error, record_value)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, r.topic())
                .setParameter(2, r.partition())
                .setParameter(3, r.offset())
                .setParameter(4, eventId)
                .setParameter(5, type)
                .setParameter(6, String.valueOf(error))
                .setParameter(7, r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO inbox_position (consumer_group, topic, partition_no, offset_no, updated_at)
                VALUES (?1, ?2, ?3, ?4, now())
                ON CONFLICT (consumer_group, topic, partition_no)
                DO UPDATE SET offset_no = GREATEST(inbox_position.offset_no, EXCLUDED.offset_no), updated_at = now()""")
                .setParameter(1, groupId)
                .setParameter(2, r.topic())
                .setParameter(3, r.partition())
                .setParameter(4, r.offset())
                .executeUpdate();
    }

    private void commit(KafkaConsumer<String, byte[]> c, List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            c.commitSync(offsets);
        } catch (RuntimeException e) {
            // harmless: on restart the consumer seeks to the positions stored in the database
            LOG.debugf("offset commit failed: %s", e.toString());
        }
    }

    private void seekToStoredPositions(KafkaConsumer<String, byte[]> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = storedPositions();
        for (TopicPartition tp : partitions) {
            Long last = stored.get(tp);
            if (last != null) {
                c.seek(tp, last + 1);
            } else {
                c.seekToBeginning(List.of(tp));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<TopicPartition, Long> storedPositions() {
        return QuarkusTransaction.requiringNew().call(this::storedPositionsInTransaction);
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties p = kafka.consumer();
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxPollRecords()));
        p.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-inbox");
        // Static membership: a restarted instance takes its partitions back at once instead of waiting for the
        // group to time the dead one out; a replica that is really gone is noticed after the session timeout.
        p.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        p.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        // what guards exactly-once effects is not configurable
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Times the inbox found the database away and resumed from its stored positions (for tests and metrics). */
    public long databaseRecoveries() {
        return databaseRecovered.get();
    }

    /** Times a batch started past the stored position and the inbox read again from there. */
    public long gapsRepaired() {
        return gapsRepaired.get();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The database has fewer applied events than the consumer has read. */
    static final class BehindConsumer extends RuntimeException {
        BehindConsumer(String message) {
            super(message, null, false, false);
        }
    }

    /** The database cannot be reached; the event is not at fault. */
    static final class DatabaseDown extends RuntimeException {
        DatabaseDown(Throwable cause) {
            super(cause);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Replay(Runnable reset, CompletableFuture<Void> done) {
    }
}
