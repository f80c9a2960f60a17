-- The violations of indicator-service's validation rules, as the last validation.violation-found event of each rule,
-- organisation and period states them. indicator-service removes a resolved violation without an event, so a row
-- stays as of its last event.
CREATE TABLE projection_indicator_violation (
    organization     VARCHAR(40)    NOT NULL,
    year             INT            NOT NULL,
    period           VARCHAR(20)    NOT NULL,
    rule_code        VARCHAR(120)   NOT NULL,
    rule_name        VARCHAR(400),
    operator         VARCHAR(10),
    left_expression  VARCHAR(1000),
    right_expression VARCHAR(1000),
    left_value       NUMERIC(30, 6),
    right_value      NUMERIC(30, 6),
    difference       NUMERIC(30, 6),
    importance       VARCHAR(20),
    message          VARCHAR(2000),
    event_id         UUID           NOT NULL,
    occurred_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (organization, period, rule_code)
);
