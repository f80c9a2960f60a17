CREATE TABLE note (
    id      BIGSERIAL    PRIMARY KEY,
    code    VARCHAR(100)  NOT NULL CONSTRAINT note_code_unique UNIQUE,
    text    VARCHAR(500) NOT NULL,
    version INT          NOT NULL DEFAULT 0
);
-- What the consumer side builds from note.created events; no unique key on purpose, so a duplicate application
-- would show as a second row.
CREATE TABLE note_copy (
    id        BIGSERIAL    PRIMARY KEY,
    event_id  UUID         NOT NULL,
    note_code VARCHAR(100)  NOT NULL,
    text      VARCHAR(500) NOT NULL
);
