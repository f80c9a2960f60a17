-- Party organisation (Đảng bộ), its cells (Chi bộ), committees, members and their lifecycle, training,
-- candidates, residence-liaison feedback, and annual evaluations.
CREATE TABLE party_organization (
    id              UUID PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL UNIQUE,
    name            VARCHAR(300) NOT NULL,
    superior_body   VARCHAR(300),
    term_start_year INT,
    term_end_year   INT,
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Cell codes are unique across the service: a cell secretary's token names the cell by code alone.
CREATE TABLE party_cell (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES party_organization (id),
    code            VARCHAR(40)  NOT NULL UNIQUE,
    name            VARCHAR(300) NOT NULL,
    established_on  DATE,
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE member (
    id                     UUID PRIMARY KEY,
    organization_id        UUID NOT NULL REFERENCES party_organization (id),
    cell_id                UUID NOT NULL REFERENCES party_cell (id),
    full_name              VARCHAR(200) NOT NULL,
    gender                 VARCHAR(10),
    ethnicity              VARCHAR(60),
    religious              BOOLEAN NOT NULL DEFAULT FALSE,
    date_of_birth          DATE,
    national_id            VARCHAR(20),
    residence              VARCHAR(400),
    status                 VARCHAR(20) NOT NULL,
    temporary              BOOLEAN NOT NULL DEFAULT FALSE,
    admission_date         DATE NOT NULL,
    confirmation_date      DATE,
    party_card_number      VARCHAR(30),
    department_position    VARCHAR(200),
    on_roll_since          DATE NOT NULL,
    left_on                DATE,
    temporarily_away_until DATE,
    suspended_from         DATE,
    suspended_until        DATE,
    version                INT NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX member_org_cell_status ON member (organization_id, cell_id, status);
CREATE INDEX member_org_name ON member (organization_id, full_name, id);

-- Every lifecycle change, dated: the registry's history, from which counts at any date are computed.
CREATE TABLE member_movement (
    id               BIGSERIAL PRIMARY KEY,
    member_id        UUID NOT NULL REFERENCES member (id),
    organization_id  UUID NOT NULL REFERENCES party_organization (id),
    kind             VARCHAR(30) NOT NULL,
    effective_date   DATE NOT NULL,
    cell_id          UUID NOT NULL REFERENCES party_cell (id),
    status           VARCHAR(20) NOT NULL,
    temporary        BOOLEAN NOT NULL DEFAULT FALSE,
    previous_cell_id UUID,
    previous_status  VARCHAR(20),
    detail           VARCHAR(400),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX member_movement_org_date ON member_movement (organization_id, effective_date);
CREATE INDEX member_movement_member ON member_movement (member_id, effective_date, id);

CREATE TABLE committee (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES party_organization (id),
    kind            VARCHAR(20) NOT NULL,
    term_start_year INT NOT NULL,
    term_end_year   INT NOT NULL,
    seats           INT NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, kind, term_start_year)
);

CREATE TABLE committee_seat (
    id           UUID PRIMARY KEY,
    committee_id UUID NOT NULL REFERENCES committee (id),
    member_id    UUID NOT NULL REFERENCES member (id),
    position     VARCHAR(30) NOT NULL,
    since        DATE NOT NULL,
    until        DATE,
    version      INT NOT NULL DEFAULT 0
);
-- One person holds one seat per committee at a time (positions in other committees are other seats).
CREATE UNIQUE INDEX committee_seat_one_per_member ON committee_seat (committee_id, member_id) WHERE until IS NULL;

CREATE TABLE training (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES party_organization (id),
    member_id       UUID NOT NULL REFERENCES member (id),
    programme       VARCHAR(40) NOT NULL,
    year            INT NOT NULL,
    start_date      DATE,
    end_date        DATE,
    institution     VARCHAR(300),
    status          VARCHAR(20) NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (member_id, programme, year)
);

CREATE TABLE candidate (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES party_organization (id),
    cell_id             UUID NOT NULL REFERENCES party_cell (id),
    full_name           VARCHAR(200) NOT NULL,
    awareness_class_date DATE NOT NULL,
    status              VARCHAR(20) NOT NULL,
    member_id           UUID REFERENCES member (id),
    version             INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Quy định 213-QĐ/TW: the residence committee's yearly remark on a member.
CREATE TABLE residence_feedback (
    id         UUID PRIMARY KEY,
    member_id  UUID NOT NULL REFERENCES member (id),
    year       INT NOT NULL,
    assessment VARCHAR(20) NOT NULL,
    remark     VARCHAR(1000),
    local_committee VARCHAR(300),
    version    INT NOT NULL DEFAULT 0,
    UNIQUE (member_id, year)
);

CREATE TABLE evaluation_year (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES party_organization (id),
    year                 INT NOT NULL,
    rule_set             VARCHAR(20) NOT NULL,
    evaluation_date      DATE NOT NULL,
    status               VARCHAR(20) NOT NULL,
    organization_rating  VARCHAR(20),
    finalized_at         TIMESTAMPTZ,
    version              INT NOT NULL DEFAULT 0,
    UNIQUE (organization_id, year)
);

CREATE TABLE member_rating (
    id        UUID PRIMARY KEY,
    year_id   UUID NOT NULL REFERENCES evaluation_year (id),
    member_id UUID NOT NULL REFERENCES member (id),
    cell_id   UUID NOT NULL REFERENCES party_cell (id),
    rating    VARCHAR(20) NOT NULL,
    score     INT,
    note      VARCHAR(1000),
    version   INT NOT NULL DEFAULT 0,
    UNIQUE (year_id, member_id)
);

CREATE TABLE cell_rating (
    id      UUID PRIMARY KEY,
    year_id UUID NOT NULL REFERENCES evaluation_year (id),
    cell_id UUID NOT NULL REFERENCES party_cell (id),
    rating  VARCHAR(20) NOT NULL,
    version INT NOT NULL DEFAULT 0,
    UNIQUE (year_id, cell_id)
);

-- Finalising and reopening a year are audited acts.
CREATE TABLE evaluation_audit (
    id       BIGSERIAL PRIMARY KEY,
    year_id  UUID NOT NULL REFERENCES evaluation_year (id),
    action   VARCHAR(20) NOT NULL,
    actor    VARCHAR(200) NOT NULL,
    reason   VARCHAR(1000),
    at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
