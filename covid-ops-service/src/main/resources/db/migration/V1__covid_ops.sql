-- covid-ops-service schema (DESIGN.md §2: this service is the only writer of it).
CREATE TABLE establishment (
    id           UUID PRIMARY KEY,
    code         VARCHAR(40)  NOT NULL UNIQUE,
    name         VARCHAR(300) NOT NULL,
    type         VARCHAR(40)  NOT NULL,
    cluster_code VARCHAR(40),
    district     VARCHAR(120),
    version      INT NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE testing_campaign (
    id             UUID PRIMARY KEY,
    code           VARCHAR(40)  NOT NULL UNIQUE,
    name           VARCHAR(300) NOT NULL,
    plan_reference VARCHAR(120) NOT NULL,
    start_date     DATE NOT NULL,
    interval_days  INT,
    version        INT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per establishment, campaign and date: the natural key that makes API posts and bulk uploads idempotent.
CREATE TABLE test_session (
    id               UUID PRIMARY KEY,
    campaign_id      UUID NOT NULL REFERENCES testing_campaign (id),
    establishment_id UUID NOT NULL REFERENCES establishment (id),
    session_date     DATE NOT NULL,
    tests_performed  INT  NOT NULL CHECK (tests_performed >= 0),
    positives        INT  NOT NULL CHECK (positives >= 0 AND positives <= tests_performed),
    self_testing     BOOLEAN NOT NULL,
    upload_job_id    UUID,
    version          INT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT test_session_natural_key UNIQUE (campaign_id, establishment_id, session_date)
);
CREATE INDEX test_session_date ON test_session (session_date);

-- A total as a source document states it (e.g. the 2021 report's "69.180 lượt, 392 ca F0 (tỷ lệ 0,47%)"), kept
-- beside the computed one and never adjusted.
CREATE TABLE testing_reported_total (
    id                    UUID PRIMARY KEY,
    campaign_id           UUID REFERENCES testing_campaign (id),
    as_of                 DATE NOT NULL,
    tests_performed       BIGINT NOT NULL,
    positives             BIGINT NOT NULL,
    stated_rate_percent   NUMERIC(7, 3),
    source                VARCHAR(500) NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT testing_reported_total_key UNIQUE (campaign_id, as_of, source)
);

CREATE TABLE upload_job (
    id                UUID PRIMARY KEY,
    format            VARCHAR(20) NOT NULL,
    status            VARCHAR(20) NOT NULL,
    rows_read         BIGINT NOT NULL DEFAULT 0,
    rows_inserted     BIGINT NOT NULL DEFAULT 0,
    rows_duplicate    BIGINT NOT NULL DEFAULT 0,
    rows_rejected     BIGINT NOT NULL DEFAULT 0,
    tests_added       BIGINT NOT NULL DEFAULT 0,
    positives_added   BIGINT NOT NULL DEFAULT 0,
    error             VARCHAR(1000),
    started_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at       TIMESTAMPTZ
);

CREATE TABLE upload_rejection (
    job_id   UUID   NOT NULL REFERENCES upload_job (id),
    line_no  BIGINT NOT NULL,
    reason   VARCHAR(500) NOT NULL,
    content  VARCHAR(500),
    PRIMARY KEY (job_id, line_no)
);

CREATE TABLE vaccination_campaign (
    id             UUID PRIMARY KEY,
    code           VARCHAR(40)  NOT NULL UNIQUE,
    name           VARCHAR(300) NOT NULL,
    plan_reference VARCHAR(300) NOT NULL,
    start_date     DATE NOT NULL,
    version        INT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE vaccination_record (
    id            UUID PRIMARY KEY,
    campaign_id   UUID NOT NULL REFERENCES vaccination_campaign (id),
    record_date   DATE NOT NULL,
    target_group  VARCHAR(40) NOT NULL,
    doses         INT NOT NULL CHECK (doses >= 0),
    source        VARCHAR(500),
    version       INT NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT vaccination_record_natural_key UNIQUE (campaign_id, record_date, target_group)
);

CREATE TABLE signing_key (
    kid             VARCHAR(64) PRIMARY KEY,
    algorithm       VARCHAR(10) NOT NULL,
    public_x        VARCHAR(100) NOT NULL,
    public_y        VARCHAR(100) NOT NULL,
    private_pkcs8   BYTEA NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- At most one key signs new permits.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;

CREATE TABLE permit (
    id             UUID PRIMARY KEY,
    kind           VARCHAR(40)  NOT NULL,
    holder_name    VARCHAR(200) NOT NULL,
    company        VARCHAR(300) NOT NULL,
    valid_from     DATE NOT NULL,
    valid_until    DATE NOT NULL,
    status         VARCHAR(20) NOT NULL,
    kid            VARCHAR(64) NOT NULL REFERENCES signing_key (kid),
    token          VARCHAR(2000) NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    revoke_reason  VARCHAR(500),
    version        INT NOT NULL DEFAULT 0,
    CHECK (valid_until >= valid_from)
);
CREATE INDEX permit_issued_at ON permit (issued_at);

CREATE TABLE permit_reported_total (
    id                   UUID PRIMARY KEY,
    as_of                DATE NOT NULL,
    total                INT NOT NULL,
    delivery_workers     INT,
    import_export_staff  INT,
    source               VARCHAR(500) NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT permit_reported_total_key UNIQUE (as_of, source)
);

CREATE TABLE industrial_cluster (
    id        UUID PRIMARY KEY,
    code      VARCHAR(40)  NOT NULL UNIQUE,
    name      VARCHAR(300) NOT NULL,
    district  VARCHAR(120),
    version   INT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE mobile_health_unit (
    id              UUID PRIMARY KEY,
    cluster_id      UUID NOT NULL REFERENCES industrial_cluster (id),
    kind            VARCHAR(20) NOT NULL,
    established_on  DATE NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    CONSTRAINT mobile_health_unit_key UNIQUE (cluster_id, kind)
);

-- cluster_id NULL: the province-wide total over all clusters, as the report states it.
CREATE TABLE cluster_status (
    id                              UUID PRIMARY KEY,
    cluster_id                      UUID REFERENCES industrial_cluster (id),
    scope                           VARCHAR(40) NOT NULL,
    report_date                     DATE NOT NULL,
    businesses_total                INT NOT NULL,
    businesses_operating            INT NOT NULL,
    on_site                         INT NOT NULL,
    three_green                     INT NOT NULL,
    one_route_two_sites             INT NOT NULL,
    switched_on_site_to_three_green INT NOT NULL,
    workers                         INT NOT NULL,
    cumulative_positives            INT NOT NULL,
    source                          VARCHAR(500),
    version                         INT NOT NULL DEFAULT 0,
    created_at                      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT cluster_status_key UNIQUE (scope, report_date)
);

CREATE TABLE retail_status (
    id           UUID PRIMARY KEY,
    report_date  DATE NOT NULL,
    category     VARCHAR(40) NOT NULL,
    operating    INT NOT NULL,
    total        INT NOT NULL,
    source       VARCHAR(500),
    version      INT NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT retail_status_key UNIQUE (report_date, category)
);

CREATE TABLE lockdown_operation (
    id               UUID PRIMARY KEY,
    code             VARCHAR(40) NOT NULL UNIQUE,
    plan_reference   VARCHAR(300) NOT NULL,
    districts        VARCHAR(300) NOT NULL,
    wards            INT NOT NULL,
    staff_assigned   INT NOT NULL,
    working_groups   INT NOT NULL,
    start_date       DATE NOT NULL,
    end_date         DATE NOT NULL,
    supply_actions   VARCHAR(2000),
    version          INT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
