package vn.binhduong.sct.platformtests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/** The consumer side of the harness: copies each note.created event into note_copy. */
@ApplicationScoped
public class NoteCopyHandler implements EventHandler {
    public record NoteCreated(String code, String text) {
    }

    private final EntityManager em;

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
        em.createNativeQuery("INSERT INTO note_copy (event_id, note_code, text) VALUES (?1, ?2, ?3)")
                .setParameter(1, event.id()).setParameter(2, created.code()).setParameter(3, created.text())
                .executeUpdate();
    }
}
