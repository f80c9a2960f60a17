-- Transactional outbox: one row per event, written in the same transaction as the state change it describes.
-- Platform migrations use versions 0.x; a service's own migrations start at 1.
CREATE TABLE outbox (
    id             BIGSERIAL    PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    event_type     VARCHAR(120) NOT NULL,
    event_version  INT          NOT NULL,
    source         VARCHAR(80)  NOT NULL,
    organization   VARCHAR(80),
    aggregate_type VARCHAR(80)  NOT NULL,
    aggregate_id   VARCHAR(120) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
-- The relay reads unpublished rows in id order; a partial index keeps that cheap however long the history grows.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
