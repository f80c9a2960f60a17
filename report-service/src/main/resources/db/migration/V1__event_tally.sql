-- How many events of each type from each source were applied: the first projection, and the proof that every
-- topic reaches the report.
CREATE TABLE event_tally (
    source     VARCHAR(80)  NOT NULL,
    event_type VARCHAR(120) NOT NULL,
    applied    BIGINT       NOT NULL,
    last_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source, event_type)
);
