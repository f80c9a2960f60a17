-- Verification keeps in memory the ids of the permits whose row it must read (revoked, or deleted by hand) and the
-- public keys (PermitChanges, PermitKeys). Every instance LISTENs on sct_permit_changes and hears of each such change
-- when it commits, whoever writes it (this service, another instance, an operator's SQL): 'permit:<id>' when a permit
-- is revoked or deleted, 'key:<kid>' when a signing key changes (retired, say) or is deleted.
CREATE FUNCTION permit_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'permit' THEN
        PERFORM pg_notify('sct_permit_changes', 'permit:' || (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
    ELSE
        PERFORM pg_notify('sct_permit_changes', 'key:' || (CASE WHEN TG_OP = 'DELETE' THEN OLD.kid ELSE NEW.kid END));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER permit_revoked_notify AFTER INSERT OR UPDATE ON permit
    FOR EACH ROW WHEN (NEW.status = 'REVOKED') EXECUTE FUNCTION permit_change_notify();
CREATE TRIGGER permit_deleted_notify AFTER DELETE ON permit
    FOR EACH ROW EXECUTE FUNCTION permit_change_notify();
CREATE TRIGGER signing_key_changed_notify AFTER UPDATE OR DELETE ON signing_key
    FOR EACH ROW EXECUTE FUNCTION permit_change_notify();
