package vn.binhduong.sct.platform.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import vn.binhduong.sct.platform.inbox.InboxConfig;
import vn.binhduong.sct.platform.inbox.InboxConsumer;
import vn.binhduong.sct.platform.inbox.PartitionLag;
import vn.binhduong.sct.platform.outbox.OutboxRelay;

/**
 * The platform's own figures on {@code /q/metrics} (Prometheus), beside the HTTP, JVM and pool metrics Quarkus gives:
 * the outbox backlog and the age of its oldest row, events published, whether the relay is degraded (and why, in
 * the log), events applied by the inbox, its lag per partition, dead letters, database recoveries and re-read gaps.
 * Database figures are read at scrape time, at most once a second.
 */
@ApplicationScoped
public class PlatformMetrics {
    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final InboxConsumer inbox;
    private final InboxConfig inboxConfig;
    private final MeterRegistry registry;
    private volatile long readAt;
    private volatile double pending;
    private volatile double oldestAgeSeconds;
    private volatile double deadLetters;
    private final Map<String, Double> lagByPartition = new ConcurrentHashMap<>();
    private volatile long lagReadAt;

    public PlatformMetrics(DataSource dataSource, OutboxRelay relay, InboxConsumer inbox, InboxConfig inboxConfig,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.inbox = inbox;
        this.inboxConfig = inboxConfig;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("sct_outbox_pending", this, m -> m.read().pending).description("outbox rows not yet published")
                .register(registry);
        Gauge.builder("sct_outbox_oldest_pending_age_seconds", this, m -> m.read().oldestAgeSeconds)
                .description("age of the oldest unpublished outbox row").register(registry);
        FunctionCounter.builder("sct_outbox_published", relay, OutboxRelay::publishedCount)
                .description("events published by this instance's relay").register(registry);
        Gauge.builder("sct_outbox_relay_degraded", relay, r -> r.degradedReason().isPresent() ? 1 : 0)
                .description("1 while the relay cannot publish (broker or database away)").register(registry);
        if (inboxConfig.enabled()) {
            FunctionCounter.builder("sct_inbox_applied", inbox, InboxConsumer::appliedCount)
                    .description("events applied (duplicates not counted)").register(registry);
            FunctionCounter.builder("sct_inbox_database_recoveries", inbox, InboxConsumer::databaseRecoveries)
                    .description("times the inbox waited for the database and resumed from its positions").register(registry);
            FunctionCounter.builder("sct_inbox_gaps_repaired", inbox, InboxConsumer::gapsRepaired)
                    .description("times the database was behind the consumer and the inbox read again").register(registry);
            Gauge.builder("sct_inbox_dead_letters", this, m -> m.read().deadLetters)
                    .description("events set aside in inbox_dead_letter").register(registry);
            for (String topic : inbox.topics()) {
                for (int p = 0; p < 3; p++) {
                    String key = topic + "#" + p;
                    Gauge.builder("sct_inbox_lag", this, m -> m.lag(key)).tags(Tags.of("topic", topic, "partition",
                            Integer.toString(p))).description("events on the partition not yet applied").register(registry);
                }
            }
        }
    }

    private synchronized PlatformMetrics read() {
        long now = System.currentTimeMillis();
        if (now - readAt < 1000) {
            return this;
        }
        readAt = now;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
                      FROM outbox WHERE published_at IS NULL""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                oldestAgeSeconds = rs.getDouble(2);
            }
            if (inboxConfig.enabled()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM inbox_dead_letter");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    deadLetters = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            pending = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            deadLetters = Double.NaN;
        }
        return this;
    }

    private double lag(String key) {
        long now = System.currentTimeMillis();
        if (now - lagReadAt > 5000) {
            lagReadAt = now;
            try {
                List<PartitionLag> lags = inbox.lag();
                lagByPartition.clear();
                for (PartitionLag l : lags) {
                    lagByPartition.put(l.topic() + "#" + l.partition(), (double) l.lag());
                }
            } catch (RuntimeException brokerAway) {
                lagByPartition.clear();
            }
        }
        return lagByPartition.getOrDefault(key, Double.NaN);
    }
}
