-- How many events of each type from each source were applied: the first projection, and the proof that every
-- topic reaches the report.
CREATE TABLE event_tally (
    source     VARCHAR(80)  NOT NULL,
    event_type VARCHAR(120) NOT NULL,
    applied    BIGINT       NOT NULL,
    last_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source, event_type)
);

-- One fact contributed by one subject (a test session, a permit, a member's rating...) to a summed figure. Keyed by
-- subject so that a corrected or repeated event replaces its contribution instead of adding to it. Year 0 holds
-- current-state facts that belong to no year (cells, committee seats).
CREATE TABLE projection_contribution (
    organization VARCHAR(40)    NOT NULL,
    year         INT            NOT NULL,
    metric       VARCHAR(160)   NOT NULL,
    subject_id   VARCHAR(200)   NOT NULL,
    category     VARCHAR(80),
    label        VARCHAR(400),
    value        NUMERIC(30, 6) NOT NULL,
    unit         VARCHAR(20)    NOT NULL,
    as_of        DATE,
    event_id     UUID           NOT NULL,
    event_type   VARCHAR(120)   NOT NULL,
    occurred_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (organization, year, metric, subject_id)
);

-- Members as the member registry describes them, with the dates that decide the counts at a year's end.
CREATE TABLE projection_member (
    organization VARCHAR(40)  NOT NULL,
    member_id    VARCHAR(200) NOT NULL,
    cell_code    VARCHAR(40),
    status       VARCHAR(30)  NOT NULL,
    admitted_on  DATE,
    joined_on    DATE,
    confirmed_on DATE,
    last_effective_on DATE,
    left_on      DATE,
    religious    BOOLEAN      NOT NULL DEFAULT FALSE,
    event_id     UUID         NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization, member_id)
);

-- Every figure the report prints, per organisation and year, under a stable key; the event that last set it.
CREATE TABLE figure (
    organization VARCHAR(40)    NOT NULL,
    year         INT            NOT NULL,
    figure_key   VARCHAR(200)   NOT NULL,
    value        NUMERIC(30, 6),
    text_value   VARCHAR(2000),
    unit         VARCHAR(20)    NOT NULL,
    as_of        DATE,
    event_id     UUID           NOT NULL,
    event_type   VARCHAR(120)   NOT NULL,
    occurred_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (organization, year, figure_key)
);
CREATE INDEX figure_key_idx ON figure (figure_key);

-- Narrative fragments: the prose of one report section, versioned; each save is a new row.
CREATE TABLE narrative_fragment (
    id           BIGSERIAL     PRIMARY KEY,
    organization VARCHAR(40)   NOT NULL,
    year         INT           NOT NULL,
    section      VARCHAR(80)   NOT NULL,
    fragment_version INT       NOT NULL,
    body         TEXT          NOT NULL,
    footnotes    TEXT          NOT NULL DEFAULT '[]',
    author       VARCHAR(200),
    saved_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (organization, year, section, fragment_version)
);

-- The heading and signature data of one annual report (DESIGN.md §9).
CREATE TABLE report_heading (
    organization   VARCHAR(40)   NOT NULL,
    year           INT           NOT NULL,
    superior_body  VARCHAR(300)  NOT NULL,
    issuing_body   VARCHAR(300)  NOT NULL,
    document_number VARCHAR(60)  NOT NULL,
    place          VARCHAR(120)  NOT NULL,
    issued_on      DATE,
    subject        VARCHAR(500)  NOT NULL,
    signer_title   VARCHAR(120)  NOT NULL,
    signer_name    VARCHAR(200)  NOT NULL,
    recipients     TEXT          NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (organization, year)
);

-- Each generation of a report: its outputs, their hashes and the inbox offsets it was built from.
CREATE TABLE report_version (
    id            BIGSERIAL    PRIMARY KEY,
    organization  VARCHAR(40)  NOT NULL,
    year          INT          NOT NULL,
    report_version INT         NOT NULL,
    content_hash  VARCHAR(64)  NOT NULL,
    json_doc      BYTEA        NOT NULL,
    markdown_doc  BYTEA        NOT NULL,
    html_doc      BYTEA        NOT NULL,
    docx_doc      BYTEA        NOT NULL,
    json_hash     VARCHAR(64)  NOT NULL,
    markdown_hash VARCHAR(64)  NOT NULL,
    html_hash     VARCHAR(64)  NOT NULL,
    docx_hash     VARCHAR(64)  NOT NULL,
    offsets       TEXT         NOT NULL,
    generated_by  VARCHAR(200),
    generated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (organization, year, report_version)
);

-- Categories ever seen per summed metric, so that a category that empties (a member re-rated) drops to zero.
CREATE TABLE projection_category (
    organization VARCHAR(40)  NOT NULL,
    year         INT          NOT NULL,
    metric       VARCHAR(160) NOT NULL,
    category     VARCHAR(80)  NOT NULL,
    PRIMARY KEY (organization, year, metric, category)
);
