package vn.binhduong.sct.platform.outbox;

import java.sql.Timestamp;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.tracing.EventTracing;

/**
 * Records events in the caller's transaction. The row commits or rolls back with the state change it describes;
 * the {@link OutboxRelay} publishes it after commit. Calling this outside a transaction is a programming error.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final TransactionManager tm;
    private final TransactionSynchronizationRegistry registry;
    private final OutboxRelay relay;
    private final String source;

    public Outbox(EntityManager em, TransactionManager tm, TransactionSynchronizationRegistry registry, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String source) {
        this.em = em;
        this.tm = tm;
        this.registry = registry;
        this.relay = relay;
        this.source = source;
    }

    /** Records a new event about one aggregate; returns its id. */
    public UUID record(EventType type, String organization, String aggregateType, String aggregateId, Object payload) {
        EventEnvelope envelope = EventEnvelope.create(type, source, organization, aggregateType, aggregateId, payload);
        record(envelope);
        return envelope.id();
    }

    public void record(EventEnvelope e) {
        requireTransaction();
        em.createNativeQuery("""
                INSERT INTO outbox (event_id, event_type, event_version, source, organization, aggregate_type,
                                    aggregate_id, occurred_at, payload, traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb), CAST(?10 AS varchar))""")
                .setParameter(1, e.id())
                .setParameter(2, e.type())
                .setParameter(3, e.version())
                .setParameter(4, e.source())
                .setParameter(5, e.organization())
                .setParameter(6, e.aggregateType())
                .setParameter(7, e.aggregateId())
                .setParameter(8, Timestamp.from(e.occurredAt().toInstant()))
                .setParameter(9, EventJson.toJson(e.payload()))
                .setParameter(10, EventTracing.currentTraceparent())
                .executeUpdate();
        // Wake the relay once per transaction, right after commit, instead of waiting for its next poll.
        if (registry.getResource(Outbox.class) == null) {
            registry.putResource(Outbox.class, Boolean.TRUE);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wakeUp();
                    }
                }
            });
        }
    }

    private void requireTransaction() {
        try {
            if (tm.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("Outbox.record must run inside an active transaction");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
