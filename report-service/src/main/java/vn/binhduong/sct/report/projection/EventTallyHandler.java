package vn.binhduong.sct.report.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/** Counts every applied event by source and type: counted in memory during a batch, written once per pair at its end. */
@ApplicationScoped
public class EventTallyHandler implements EventHandler {
    private final EntityManager em;
    private final Map<String, Tally> batch = new TreeMap<>();

    private record Tally(String source, String type, long applied, Instant lastAt) {
    }

    public EventTallyHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void beginBatch() {
        batch.clear();
    }

    @Override
    public void apply(EventEnvelope event) {
        Instant at = event.occurredAt().toInstant();
        batch.merge(event.source() + '\u0000' + event.type(), new Tally(event.source(), event.type(), 1, at),
                (a, b) -> new Tally(a.source(), a.type(), a.applied() + 1, a.lastAt().isAfter(at) ? a.lastAt() : at));
    }

    @Override
    public void endBatch() {
        for (Tally t : batch.values()) {
            em.createNativeQuery("""
                    INSERT INTO event_tally (source, event_type, applied, last_at) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (source, event_type)
                    DO UPDATE SET applied = event_tally.applied + EXCLUDED.applied,
                                  last_at = GREATEST(event_tally.last_at, EXCLUDED.last_at)""")
                    .setParameter(1, t.source())
                    .setParameter(2, t.type())
                    .setParameter(3, t.applied())
                    .setParameter(4, Timestamp.from(t.lastAt()))
                    .executeUpdate();
        }
        batch.clear();
    }
}
