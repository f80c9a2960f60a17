-- Indicator catalogue, values by organisation and period, plan targets, validation rules and their violations,
-- approval of an organisation's period, and the audit trail of every change.

CREATE TABLE indicator (
    id             UUID PRIMARY KEY,
    code           VARCHAR(40)   NOT NULL UNIQUE,
    name           VARCHAR(300)  NOT NULL,
    unit           VARCHAR(20)   NOT NULL,
    unit_label     VARCHAR(60),
    scale          VARCHAR(20)   NOT NULL DEFAULT 'ONE',
    aggregation    VARCHAR(20)   NOT NULL DEFAULT 'SUM',
    direction      VARCHAR(20)   NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    owner_division VARCHAR(200),
    formula        VARCHAR(1000),
    description    TEXT,
    version        INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE indicator_set (
    code       VARCHAR(40)  PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    version    INT          NOT NULL DEFAULT 0
);

CREATE TABLE indicator_set_member (
    set_code       VARCHAR(40) NOT NULL REFERENCES indicator_set (code),
    position       INT         NOT NULL,
    indicator_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (set_code, position)
);

CREATE TABLE indicator_value (
    id               UUID PRIMARY KEY,
    indicator_id     UUID          NOT NULL REFERENCES indicator (id),
    organization     VARCHAR(40)   NOT NULL,
    period           VARCHAR(10)   NOT NULL,
    period_type      VARCHAR(10)   NOT NULL,
    period_start     DATE          NOT NULL,
    period_end       DATE          NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    value            NUMERIC(38, 6),
    published_growth NUMERIC(14, 4),
    derived          BOOLEAN       NOT NULL DEFAULT FALSE,
    inputs           JSONB,
    source           VARCHAR(300),
    note             TEXT,
    revision         INT           NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    recorded_by      VARCHAR(120),
    UNIQUE (indicator_id, organization, period)
);
CREATE INDEX indicator_value_org_period ON indicator_value (organization, period_start);

CREATE TABLE indicator_value_revision (
    id               UUID PRIMARY KEY,
    value_id         UUID          NOT NULL REFERENCES indicator_value (id),
    revision         INT           NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    value            NUMERIC(38, 6),
    published_growth NUMERIC(14, 4),
    inputs           JSONB,
    source           VARCHAR(300),
    note             TEXT,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    recorded_by      VARCHAR(120),
    UNIQUE (value_id, revision)
);

CREATE TABLE plan_target (
    id             UUID PRIMARY KEY,
    indicator_id   UUID          NOT NULL REFERENCES indicator (id),
    organization   VARCHAR(40)   NOT NULL,
    period         VARCHAR(10)   NOT NULL,
    period_start   DATE          NOT NULL,
    period_end     DATE          NOT NULL,
    target_value   NUMERIC(38, 6),
    target_growth  NUMERIC(14, 4),
    plan_document  VARCHAR(300),
    note           TEXT,
    version        INT           NOT NULL DEFAULT 0,
    set_at         TIMESTAMPTZ   NOT NULL,
    set_by         VARCHAR(120),
    UNIQUE (indicator_id, organization, period),
    CHECK (target_value IS NOT NULL OR target_growth IS NOT NULL)
);

CREATE TABLE validation_rule (
    id               UUID PRIMARY KEY,
    code             VARCHAR(60)   NOT NULL UNIQUE,
    name             VARCHAR(300)  NOT NULL,
    left_expression  VARCHAR(1000) NOT NULL,
    operator         VARCHAR(40)   NOT NULL,
    right_expression VARCHAR(1000) NOT NULL,
    tolerance        NUMERIC(38, 6) NOT NULL DEFAULT 0,
    missing_strategy VARCHAR(30)   NOT NULL,
    importance       VARCHAR(10)   NOT NULL,
    message          VARCHAR(1000) NOT NULL,
    period_type      VARCHAR(10),
    version          INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE validation_violation (
    id           UUID PRIMARY KEY,
    rule_id      UUID          NOT NULL REFERENCES validation_rule (id),
    rule_code    VARCHAR(60)   NOT NULL,
    organization VARCHAR(40)   NOT NULL,
    period       VARCHAR(10)   NOT NULL,
    period_start DATE          NOT NULL,
    left_value   NUMERIC(38, 6) NOT NULL,
    right_value  NUMERIC(38, 6) NOT NULL,
    importance   VARCHAR(10)   NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    found_at     TIMESTAMPTZ   NOT NULL,
    UNIQUE (rule_id, organization, period)
);

CREATE TABLE period_approval (
    id              UUID PRIMARY KEY,
    organization    VARCHAR(40)  NOT NULL,
    period          VARCHAR(10)  NOT NULL,
    period_start    DATE         NOT NULL,
    period_end      DATE         NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    override_reason TEXT,
    version         INT          NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(120),
    UNIQUE (organization, period)
);

CREATE TABLE audit_entry (
    id             UUID PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(120),
    action         VARCHAR(40)  NOT NULL,
    organization   VARCHAR(40),
    period         VARCHAR(10),
    indicator_code VARCHAR(40),
    detail         TEXT,
    reason         TEXT
);
CREATE INDEX audit_entry_org_period ON audit_entry (organization, period, at);
