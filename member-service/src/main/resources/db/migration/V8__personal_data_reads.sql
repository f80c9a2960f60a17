-- The access log of personal data (issue 12): every answer that carries a member's sensitive personal data (national
-- ID, date of birth, residence, ethnicity, religion) writes one row per member before it is sent: who (the token's
-- subject and roles), which member, when, and through which operation and endpoint. Never the data itself.
-- Read by admins only (GET /api/v1/personal-data-reads), in id order with keyset paging.
CREATE TABLE personal_data_read (
    id         BIGSERIAL PRIMARY KEY,
    read_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    subject    VARCHAR(200) NOT NULL,
    roles      VARCHAR(300) NOT NULL,
    member_id  UUID NOT NULL REFERENCES member (id),
    operation  VARCHAR(80) NOT NULL,
    endpoint   VARCHAR(300) NOT NULL
);
-- ?member=: the reads of one member in id order; ?from=&to=: a range of time.
CREATE INDEX personal_data_read_member ON personal_data_read (member_id, id);
CREATE INDEX personal_data_read_at ON personal_data_read (read_at);
