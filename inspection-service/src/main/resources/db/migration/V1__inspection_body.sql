CREATE TABLE inspection_body (
    id      UUID PRIMARY KEY,
    code VARCHAR(40) NOT NULL UNIQUE,
    name VARCHAR(300) NOT NULL,
    organization VARCHAR(40) NOT NULL,
    version INT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Read model of the party organisations, cells and members member-service announces on sct.member.events.
-- Inspection targets are checked against it; this service never calls member-service.
CREATE TABLE known_party_unit (
    id                BIGSERIAL PRIMARY KEY,
    kind              VARCHAR(20)  NOT NULL,   -- ORGANIZATION, CELL, MEMBER
    organization_code VARCHAR(40)  NOT NULL,
    code              VARCHAR(80),             -- organisation code, cell code; null for members
    external_id       VARCHAR(80),             -- id member-service gave it (cellId, memberId)
    cell_code         VARCHAR(80),             -- for members: their cell
    name              VARCHAR(300),
    last_event_type   VARCHAR(120) NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX known_party_unit_code ON known_party_unit (kind, organization_code, code) WHERE code IS NOT NULL;
CREATE UNIQUE INDEX known_party_unit_external ON known_party_unit (kind, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE inspection_programme (
    id              UUID PRIMARY KEY,
    body_code       VARCHAR(40)  NOT NULL REFERENCES inspection_body (code),
    organization    VARCHAR(40)  NOT NULL,
    document_number VARCHAR(80)  NOT NULL,
    issued_on       DATE         NOT NULL,
    year            INT          NOT NULL,
    title           VARCHAR(500) NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT programme_number_unique_per_issuer UNIQUE (body_code, document_number)
);

CREATE TABLE inspection_item (
    id                 UUID PRIMARY KEY,
    programme_id       UUID         NOT NULL REFERENCES inspection_programme (id),
    kind               VARCHAR(20)  NOT NULL,
    mode               VARCHAR(30)  NOT NULL,
    target_type        VARCHAR(20)  NOT NULL,
    target_ref         VARCHAR(80)  NOT NULL,
    target_cell_code   VARCHAR(80),
    target_name        VARCHAR(300),
    subject            VARCHAR(1000),
    planned_from       DATE         NOT NULL,
    planned_to         DATE         NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    started_on         DATE,
    concluded_on       DATE,
    violation_found    BOOLEAN,
    remarks            TEXT,
    recommendations    TEXT,
    postponed_reason   TEXT,
    postponed_to_year  INT,
    cancelled_reason   TEXT,
    version            INT NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX inspection_item_programme ON inspection_item (programme_id);

CREATE TABLE self_inspection_plan (
    id                     UUID PRIMARY KEY,
    organization           VARCHAR(40)  NOT NULL,
    cell_code              VARCHAR(80)  NOT NULL,
    year                   INT          NOT NULL,
    adopted_on             DATE,
    members_planned        INT          NOT NULL,
    members_self_inspected INT          NOT NULL DEFAULT 0,
    remarks                TEXT,
    version                INT NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT one_self_inspection_plan_per_cell_and_year UNIQUE (organization, cell_code, year)
);

CREATE TABLE state_inspection (
    id                UUID PRIMARY KEY,
    organization      VARCHAR(40)  NOT NULL,
    issuer            VARCHAR(40)  NOT NULL,
    decision_number   VARCHAR(80),
    decision_date     DATE,
    year              INT          NOT NULL,
    fields            VARCHAR(400) NOT NULL,
    title             VARCHAR(500) NOT NULL,
    lead_agency       VARCHAR(200),
    inter_agency      BOOLEAN      NOT NULL DEFAULT FALSE,
    status            VARCHAR(20)  NOT NULL,
    concluded_on      DATE,
    violations_found  BOOLEAN,
    findings          TEXT,
    source_sentence   TEXT,
    version           INT NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT state_inspection_decision_unique_per_issuer UNIQUE (issuer, decision_number)
);

CREATE TABLE state_inspection_subject (
    id                  UUID PRIMARY KEY,
    state_inspection_id UUID         NOT NULL REFERENCES state_inspection (id),
    subject_kind        VARCHAR(20)  NOT NULL,
    name                VARCHAR(300) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE penalty_decision (
    id                  UUID PRIMARY KEY,
    state_inspection_id UUID REFERENCES state_inspection (id),
    organization        VARCHAR(40)  NOT NULL,
    issuer              VARCHAR(40)  NOT NULL,
    decision_number     VARCHAR(80),
    decided_on          DATE,
    year                INT          NOT NULL,
    offender_kind       VARCHAR(20)  NOT NULL,
    offender_name       VARCHAR(300),
    violation           TEXT,
    amount_vnd          BIGINT       NOT NULL CHECK (amount_vnd > 0),
    paid                BOOLEAN      NOT NULL DEFAULT FALSE,
    paid_on             DATE,
    source_sentence     TEXT,
    version             INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT penalty_decision_unique_per_issuer UNIQUE (issuer, decision_number)
);

CREATE TABLE compliance_team (
    id              UUID PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL UNIQUE,
    organization    VARCHAR(40)  NOT NULL,
    name            VARCHAR(300) NOT NULL,
    scope           VARCHAR(40)  NOT NULL,
    year            INT          NOT NULL,
    decision_reference VARCHAR(200),
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE compliance_establishment (
    id          UUID PRIMARY KEY,
    code        VARCHAR(80)  NOT NULL UNIQUE,
    type        VARCHAR(40)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE compliance_visit (
    id               UUID PRIMARY KEY,
    team_code        VARCHAR(40)  NOT NULL REFERENCES compliance_team (code),
    establishment_code VARCHAR(80) NOT NULL REFERENCES compliance_establishment (code),
    visited_on       DATE         NOT NULL,
    year             INT          NOT NULL,
    result           VARCHAR(30)  NOT NULL,
    remarks          TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Counts as a report states them ("02 Đoàn kiểm tra 83 doanh nghiệp trong CCN"), each with its source sentence.
-- Two statements about the same thing with different numbers are both kept; validation flags them.
CREATE TABLE compliance_coverage_report (
    id                  UUID PRIMARY KEY,
    organization        VARCHAR(40)  NOT NULL,
    year                INT          NOT NULL,
    scope               VARCHAR(40)  NOT NULL,
    teams               INT          NOT NULL,
    establishment_type  VARCHAR(40)  NOT NULL,
    establishments      INT          NOT NULL,
    source              VARCHAR(200) NOT NULL,
    source_sentence     TEXT         NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE planned_work (
    id                UUID PRIMARY KEY,
    organization      VARCHAR(40)  NOT NULL,
    year              INT          NOT NULL,
    category          VARCHAR(40)  NOT NULL,
    field             VARCHAR(40),
    title             VARCHAR(500) NOT NULL,
    plan_reference    VARCHAR(200),
    status            VARCHAR(20)  NOT NULL,
    postponed_reason  TEXT,
    postponed_to_year INT,
    source_sentence   TEXT,
    version           INT NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
