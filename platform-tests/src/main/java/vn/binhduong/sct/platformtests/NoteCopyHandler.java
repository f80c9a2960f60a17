package vn.binhduong.sct.platformtests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/**
 * The consumer side of the harness: copies each note.created event into note_copy. A note whose text starts with
 * "deferred" is copied at the end of the batch instead (the {@link EventHandler#endBatch()} path).
 */
@ApplicationScoped
public class NoteCopyHandler implements EventHandler {
    public record NoteCreated(String code, String text) {
    }

    private final EntityManager em;
    private final java.util.List<Object[]> deferred = new java.util.ArrayList<>();

    public NoteCopyHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void apply(EventEnvelope event) {
        if (!event.is(NoteResource.NOTE_CREATED)) {
            return;
        }
        NoteCreated created = event.payloadAs(NoteCreated.class);
        if (created.text().startsWith("poison")) {
            throw new IllegalArgumentException("a handler that cannot apply this event");
        }
        if (created.text().startsWith("deferred")) {
            deferred.add(new Object[] { event.id(), created.code(), created.text() });
            return;
        }
        copy(event.id(), created.code(), created.text());
    }

    @Override
    public void beginBatch() {
        deferred.clear();
    }

    @Override
    public void endBatch() {
        for (Object[] d : deferred) {
            copy(d[0], (String) d[1], (String) d[2]);
        }
        deferred.clear();
    }

    private void copy(Object eventId, String code, String text) {
        em.createNativeQuery("INSERT INTO note_copy (event_id, note_code, text) VALUES (?1, ?2, ?3)")
                .setParameter(1, eventId).setParameter(2, code).setParameter(3, text)
                .executeUpdate();
    }
}
