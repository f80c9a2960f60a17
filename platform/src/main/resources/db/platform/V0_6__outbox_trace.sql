-- The W3C trace context (traceparent) of the request that recorded the event, so the relay can send it with the
-- event and the consumer can continue the same trace. NULL when tracing is off or the write had no trace.
ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(64);
