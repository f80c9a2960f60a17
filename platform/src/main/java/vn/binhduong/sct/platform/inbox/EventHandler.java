package vn.binhduong.sct.platform.inbox;

import vn.binhduong.sct.platform.events.EventEnvelope;

/**
 * Applies consumed events to a service's own tables. Implementations are CDI beans; each is called inside the
 * consumer's transaction, at most once per event id. Unknown event types are to be ignored (tolerant reader).
 *
 * <p>The consumer applies a polled batch in one transaction: {@link #beginBatch()} on every handler, then
 * {@link #apply} for each new event, then {@link #endBatch()} on every handler, then the commit. Work that depends on
 * the state after many events (a recount of an organisation's members) belongs in {@code endBatch}, done once per
 * batch instead of once per event. A batch whose transaction fails is retried in smaller batches (one event each), each
 * again framed by {@code beginBatch}/{@code endBatch}; a handler that keeps per-batch state must therefore start it
 * afresh in {@code beginBatch}. All three run on the consumer's single thread.
 */
public interface EventHandler {
    void apply(EventEnvelope event);

    /** Called first in each batch transaction, before any {@link #apply}. */
    default void beginBatch() {
    }

    /** Called last in each batch transaction, after every {@link #apply} of the batch and before the commit. */
    default void endBatch() {
    }
}
