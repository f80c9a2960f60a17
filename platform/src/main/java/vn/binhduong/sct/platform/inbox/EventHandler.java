package vn.binhduong.sct.platform.inbox;

import vn.binhduong.sct.platform.events.EventEnvelope;

/**
 * Applies consumed events to a service's own tables. Implementations are CDI beans; each is called inside the
 * consumer's transaction, at most once per event id. Unknown event types are to be ignored (tolerant reader).
 */
public interface EventHandler {
    void apply(EventEnvelope event);
}
