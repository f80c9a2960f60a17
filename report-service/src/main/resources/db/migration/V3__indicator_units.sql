-- What report-service knows of each indicator's unit, from indicator-service's indicator.defined and
-- indicator-value.recorded events (the latest event wins): the annex prints a rule's values in the indicator's
-- display scale (6.800.000.000 USD with scale BILLION is "6,8 tỷ USD").
CREATE TABLE projection_indicator_unit (
    indicator_code VARCHAR(120)  NOT NULL PRIMARY KEY,
    unit           VARCHAR(40),
    scale          VARCHAR(20),
    display_unit   VARCHAR(120),
    event_id       UUID          NOT NULL,
    occurred_at    TIMESTAMPTZ   NOT NULL
);
