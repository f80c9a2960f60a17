-- Idempotent consumer: an event id is applied at most once; the position of each partition is stored in the same
-- transaction as the effects, so the database, not the broker, says how far a consumer has applied.
CREATE TABLE inbox (
    event_id     UUID         PRIMARY KEY,
    event_type   VARCHAR(120) NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    partition_no INT          NOT NULL,
    offset_no    BIGINT       NOT NULL,
    applied_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE inbox_position (
    consumer_group VARCHAR(200) NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    partition_no   INT          NOT NULL,
    offset_no      BIGINT       NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition_no)
);

-- Events a handler kept failing on (after retries) or that could not be read at all; kept for an operator.
CREATE TABLE inbox_dead_letter (
    id           BIGSERIAL    PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    partition_no INT          NOT NULL,
    offset_no    BIGINT       NOT NULL,
    event_id     UUID,
    event_type   VARCHAR(120),
    error        TEXT         NOT NULL,
    record_value TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
