package vn.binhduong.sct.report.projection;

import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/** Counts every applied event by source and type. */
@ApplicationScoped
public class EventTallyHandler implements EventHandler {
    private final EntityManager em;

    public EventTallyHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void apply(EventEnvelope event) {
        em.createNativeQuery("""
                INSERT INTO event_tally (source, event_type, applied, last_at) VALUES (?1, ?2, 1, ?3)
                ON CONFLICT (source, event_type)
                DO UPDATE SET applied = event_tally.applied + 1, last_at = GREATEST(event_tally.last_at, EXCLUDED.last_at)""")
                .setParameter(1, event.source())
                .setParameter(2, event.type())
                .setParameter(3, Timestamp.from(event.occurredAt().toInstant()))
                .executeUpdate();
    }
}
