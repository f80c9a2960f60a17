-- The outbox's unique index on event_id went: every event id is a fresh random UUID (EventEnvelope.create), and
-- duplicates are the consumers' business anyway (each inbox drops an event id it has seen, the relay may send a row
-- twice). The index was maintained twice per event, on the insert and again when the relay marks the row published
-- (the mark writes a new row version, and every index gets an entry for it): without it, marking 50,000 rows in
-- batches of 500 took 6 us a row against 11 (PostgreSQL 15, bench/README.md, issue 16, fifth session).
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_event_id_key;
