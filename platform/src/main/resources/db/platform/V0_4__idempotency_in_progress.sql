-- Idempotency-Key done right: a key is reserved (IN_PROGRESS) before its request runs, so concurrent retries run it
-- once; the body's fingerprint tells a retry from a different request under the same key; keys expire.
ALTER TABLE idempotency_key ALTER COLUMN status DROP NOT NULL;
ALTER TABLE idempotency_key ADD COLUMN state VARCHAR(12) NOT NULL DEFAULT 'DONE';
ALTER TABLE idempotency_key ADD COLUMN fingerprint VARCHAR(64);
ALTER TABLE idempotency_key ADD COLUMN expires_at TIMESTAMPTZ NOT NULL DEFAULT now() + INTERVAL '24 hours';
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
