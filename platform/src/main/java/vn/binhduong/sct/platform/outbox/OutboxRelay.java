package vn.binhduong.sct.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;


import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.binhduong.sct.platform.KafkaConfig;
import vn.binhduong.sct.platform.Topics;
import vn.binhduong.sct.platform.KafkaErrors;
import vn.binhduong.sct.platform.events.EventHeaders;
import vn.binhduong.sct.platform.tracing.EventTracing;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.problem.DatabaseErrors;

/**
 * Publishes outbox rows to Kafka in id order. One relay at a time per database (a session advisory lock held for one
 * run, see {@link #publishRun()}), so events of one aggregate leave in the order they were written, whatever number of
 * instances run. Rows are marked
 * published only after the broker acknowledged them ({@code acks=all}, idempotent producer); a row whose send failed
 * stays unpublished, and so does every row after it, so order is kept across retries. While the broker is
 * unreachable, writes go on, rows wait, and the relay retries with back-off, logging once per outage.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "outbox" in ASCII, so it does not collide with a service's own locks by accident. */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final KafkaConfig kafka;
    private final String topic;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    /** Marks sent batches published, in order, beside the relay thread (see {@link Marking}). */
    private final ExecutorService marker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-marker");
        t.setDaemon(true);
        return t;
    });
    private KafkaProducer<String, byte[]> producer;
    private boolean topicReady;
    private volatile Instant outageSince;
    private volatile Instant databaseOutageSince;
    private volatile String lastError;
    private volatile boolean lastErrorRefused;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, KafkaConfig kafka,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.topic = config.topic().orElse("sct." + service + ".events");
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            wakeUp();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        marker.shutdownNow();
        closeProducer();
    }

    /** Asks the relay to look for rows now (called after a transaction that wrote outbox rows commits). */
    public void wakeUp() {
        wakeUps.release();
    }

    public String topic() {
        return topic;
    }

    /** Events published by this instance since start. */
    public long publishedCount() {
        return published.get();
    }

    /** Whether the relay currently cannot reach the broker. */
    public boolean inOutage() {
        return outageSince != null;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                boolean more = publishRun();
                if (outageSince != null) {
                    LOG.infof("Kafka reachable again after %d s; outbox relay resumed publishing to %s",
                            Duration.between(outageSince, Instant.now()).toSeconds(), topic);
                    outageSince = null;
                }
                if (databaseOutageSince != null) {
                    LOG.infof("database reachable again after %d s; outbox relay resumed",
                            Duration.between(databaseOutageSince, Instant.now()).toSeconds());
                    databaseOutageSince = null;
                }
                lastError = null;
                backoff = Duration.ofMillis(250);
                if (!more) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                lastError = rootMessage(e);
                lastErrorRefused = KafkaErrors.refused(e);
                if (e instanceof SQLException || DatabaseErrors.unavailable(e)) {
                    // The rows are safe in the database that cannot be reached; nothing to do with Kafka.
                    if (databaseOutageSince == null) {
                        databaseOutageSince = Instant.now();
                        LOG.warnf("Outbox relay cannot reach the database (%s); committed events wait there and the "
                                + "relay retries with back-off", lastError);
                    }
                } else {
                    if (outageSince == null) {
                        outageSince = Instant.now();
                        LOG.warnf("Outbox relay cannot publish to %s at %s (%s); events wait in the outbox and the relay "
                                + "retries with back-off until it can", topic, kafka.bootstrapServers(), lastError);
                    } else {
                        LOG.debugf("outbox relay still failing: %s", lastError);
                    }
                    // A producer that saw errors may hold stale sequence state; start clean on the next try.
                    closeProducer();
                    topicReady = false;
                }
                try {
                    wakeUps.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(config.maxBackoff()) > 0) {
                    backoff = config.maxBackoff();
                }
            }
        }
    }

    /** Why the relay is not publishing right now, or empty when it is; for health and status. */
    public java.util.Optional<String> degradedReason() {
        if (databaseOutageSince != null) {
            return java.util.Optional.of("database unreachable since " + databaseOutageSince + ": " + lastError);
        }
        if (outageSince != null && lastErrorRefused) {
            return java.util.Optional.of("Kafka refuses this service's credentials or rights since " + outageSince + " ("
                    + kafka.bootstrapServers() + ", " + kafka.securityProtocol() + "): " + lastError);
        }
        if (outageSince != null) {
            return java.util.Optional.of("Kafka unreachable since " + outageSince + " (" + kafka.bootstrapServers() + ", "
                    + kafka.securityProtocol() + "): " + lastError);
        }
        return java.util.Optional.empty();
    }

    /**
     * One relay run. While this instance holds the relay lock (a session advisory lock on one connection), it reads
     * batches in id order and sends each without waiting for the broker's acknowledgements, up to
     * {@code sct.outbox.max-in-flight} batches at once. A second connection marks the batches published on the marker
     * thread, in the order they were sent, each once the broker acknowledged all of it: so the database's marking
     * overlaps the reading, the building of records and the broker's work instead of alternating with them. A run ends
     * when it has caught up, after {@link #BATCHES_PER_RUN} batches (the next run reads again from the oldest
     * unpublished row, so a row whose transaction committed late, with an id below the run's position, waits at most
     * one run), or at the first failure: then only the acknowledged prefix is marked, nothing after it, and the rest is
     * sent again, in order, by a later run. A run returns only once every batch it sent is marked or given up, so the
     * next run (of this instance or another) never reads a row that this one is still marking.
     *
     * @return whether rows may be waiting (the run stopped at its batch limit), so the next run should start at once
     */
    boolean publishRun() throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return false; // another instance relays now
                    }
                }
            }
            try (Connection marks = dataSource.getConnection()) {
                marks.setAutoCommit(true);
                return pipeline(c, new Marking(marks));
            } finally {
                unlock(c);
            }
        }
    }

    /** Rows a run may send before it ends and the next run reads again from the oldest unpublished row. */
    static final int BATCHES_PER_RUN = 100;

    private boolean pipeline(Connection c, Marking marking) throws SQLException, InterruptedException {
        long after = 0;
        int batches = 0;
        boolean more = true;
        try {
            while (true) {
                boolean canRead = more && running && batches < BATCHES_PER_RUN && marking.pending() < config.maxInFlight();
                if (canRead) {
                    List<Row> rows = readBatch(c, after);
                    more = rows.size() == config.batchSize();
                    if (!rows.isEmpty()) {
                        ensureTopic();
                        InFlight sent = send(rows);
                        marking.submit(sent);
                        after = rows.get(rows.size() - 1).id();
                        batches++;
                        more &= !sent.sendFailed();
                    }
                } else if (marking.pending() == 0) {
                    return more && running; // stopped at the batch limit, not caught up
                } else {
                    marking.awaitOldest(); // nothing to read, or enough in flight: wait for the oldest batch's mark
                }
            }
        } finally {
            // a failure leaves batches in flight: let the marker finish with them (it marks none after a failed one)
            marking.awaitAllQuietly();
        }
    }

    /**
     * The marks of one run: each sent batch is a task on the single marker thread, so batches are marked in the order
     * they were sent, on the run's second connection. A task waits for the broker's acknowledgements of its batch, then
     * marks the acknowledged prefix in one short transaction. After a batch that was not acknowledged in full, or a
     * mark that failed, no later batch is marked: its rows are sent again, after the failed ones, by a later run.
     */
    private final class Marking {
        private final Connection marks;
        private final ArrayDeque<Future<?>> tasks = new ArrayDeque<>();
        private volatile boolean stopped;

        Marking(Connection marks) {
            this.marks = marks;
        }

        void submit(InFlight batch) {
            tasks.addLast(marker.submit(() -> {
                if (stopped) {
                    batch.awaitQuietly();
                    return null;
                }
                int acknowledged;
                try {
                    acknowledged = batch.awaitAcknowledgedPrefix();
                    List<Long> ids = new ArrayList<>(acknowledged);
                    for (int i = 0; i < acknowledged; i++) {
                        ids.add(batch.rows().get(i).id());
                    }
                    markPublished(marks, ids);
                    published.addAndGet(ids.size());
                } catch (SQLException | InterruptedException | RuntimeException e) {
                    stopped = true;
                    throw e;
                }
                if (acknowledged < batch.rows().size()) {
                    stopped = true;
                    throw new IllegalStateException("broker acknowledged " + acknowledged + " of " + batch.rows().size()
                            + " events of a batch");
                }
                return null;
            }));
        }

        /** Batches sent and not yet marked; a batch whose mark failed ends the run here with that failure. */
        int pending() throws SQLException, InterruptedException {
            while (!tasks.isEmpty() && tasks.peekFirst().isDone()) {
                outcome(tasks.pollFirst());
            }
            return tasks.size();
        }

        void awaitOldest() throws SQLException, InterruptedException {
            outcome(tasks.pollFirst());
        }

        void awaitAllQuietly() {
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException ignored) {
                    // a failed mark: its rows and every later batch's are sent again by a later run
                }
            }
            tasks.clear();
        }

        private static void outcome(Future<?> task) throws SQLException, InterruptedException {
            try {
                task.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) {
                    throw sql; // the relay's loop tells a database outage from a broker's by the exception's type
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static void unlock(Connection c) {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK_KEY);
            unlock.execute();
        } catch (SQLException ignored) {
            // the connection is broken, and its session's lock went with it
        }
    }

    private List<Row> readBatch(Connection c, long after) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, event_id, event_type, event_version, source, organization, aggregate_type, aggregate_id,
                       occurred_at, payload::text, traceparent
                  FROM outbox WHERE published_at IS NULL AND id > ? ORDER BY id LIMIT ?""")) {
            ps.setLong(1, after);
            ps.setInt(2, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // the stored jsonb goes on the wire as it is: no parse and re-serialisation per event
                    UUID eventId = rs.getObject(2, UUID.class);
                    String type = rs.getString(3);
                    int version = rs.getInt(4);
                    String aggregateId = rs.getString(8);
                    byte[] value = EventJson.toBytes(eventId, type, version, rs.getString(5),
                            rs.getTimestamp(9).toInstant().atOffset(ZoneOffset.UTC), rs.getString(6), rs.getString(7),
                            aggregateId, rs.getString(10));
                    rows.add(new Row(rs.getLong(1), eventId, type, version, aggregateId, value, rs.getString(11)));
                }
            }
        }
        return rows;
    }

    /** Hands the batch to the producer without waiting; a send refused at once ends the batch there. */
    private InFlight send(List<Row> rows) {
        KafkaProducer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, row.aggregateId(), row.value());
            record.headers().add(EventHeaders.EVENT_ID, row.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, row.type().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_VERSION, Integer.toString(row.version()).getBytes(StandardCharsets.UTF_8));
            if (row.traceparent() != null) {
                record.headers().add(EventTracing.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.US_ASCII));
            }
            try {
                futures.add(p.send(record));
            } catch (RuntimeException sendFailed) {
                break; // the rows from here on stay unpublished and are retried in order
            }
        }
        return new InFlight(rows, futures);
    }

    /** A batch handed to the producer: its rows, and the broker's acknowledgement of each sent one, in order. */
    private record InFlight(List<Row> rows, List<Future<RecordMetadata>> futures) {
        boolean sendFailed() {
            return futures.size() < rows.size();
        }

        /** How many rows from the first on the broker acknowledged (the prefix that may be marked). */
        int awaitAcknowledgedPrefix() throws InterruptedException {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException failed) {
                    return i; // keep only the acknowledged prefix: order per aggregate survives the retry
                }
            }
            return futures.size();
        }

        void awaitQuietly() {
            for (Future<RecordMetadata> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException ignored) {
                    // not marked: sent again by a later run
                }
            }
        }
    }

    private static void markPublished(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = kafka.producer();
            // defaults a deployment may tune (kafka.linger.ms, kafka.producer.compression.type, ...)
            p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "2");
            p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
            p.putIfAbsent(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
            p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + topic);
            // what guards delivery and order is not configurable
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void ensureTopic() {
        if (!topicReady) {
            Topics.ensure(kafka, List.of(topic), config.partitions());
            topicReady = true;
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // closing a producer for a broker that is gone may fail; we drop it either way
            }
            producer = null;
        }
    }


    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private record Row(long id, UUID eventId, String type, int version, String aggregateId, byte[] value,
            String traceparent) {
    }
}
