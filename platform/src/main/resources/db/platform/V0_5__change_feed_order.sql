-- The change feed (GET /api/v1/events) reads published events in (published_at, id) order after a cursor.
CREATE INDEX outbox_published_order ON outbox (published_at, id) WHERE published_at IS NOT NULL;
