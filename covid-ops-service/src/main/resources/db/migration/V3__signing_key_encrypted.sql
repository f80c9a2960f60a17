-- Permit signing keys encrypted at rest (AES-256-GCM under a key-encryption key from configuration, sct.permits.kek)
-- and rotated by key id. The plain PKCS#8 column stays nullable only until the first start after this migration: the
-- service encrypts every row that still holds a plain key and empties the column (PermitKeys.ensureKey).
ALTER TABLE signing_key ALTER COLUMN private_pkcs8 DROP NOT NULL;
ALTER TABLE signing_key ADD COLUMN private_encrypted BYTEA;
-- Which key-encryption key wrapped it: the first 8 bytes of SHA-256 over the KEK, base64url (never the KEK itself).
ALTER TABLE signing_key ADD COLUMN kek_id VARCHAR(20);
-- A retired key is no longer published and its permits no longer verify; the active key cannot be retired.
ALTER TABLE signing_key ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE signing_key ADD CONSTRAINT signing_key_private_held CHECK (private_pkcs8 IS NOT NULL OR private_encrypted IS NOT NULL);
ALTER TABLE signing_key ADD CONSTRAINT signing_key_active_not_retired CHECK (NOT (active AND retired_at IS NOT NULL));
