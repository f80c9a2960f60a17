-- Idempotency-Key support for POSTs from other systems: the first response is kept and replayed for the same key.
CREATE TABLE idempotency_key (
    caller       VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    method       VARCHAR(10)  NOT NULL,
    path         VARCHAR(1000) NOT NULL,
    status       INT          NOT NULL,
    content_type VARCHAR(200),
    body         BYTEA,
    location     VARCHAR(1000),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);
