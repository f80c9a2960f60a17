-- Keyset pagination (?after=): each list is read in a stable order on an index, so a deep page is an index range
-- scan like the first, and no page counts the table unless asked (total=true).

-- Values: (organization, period_start, period_type, indicator_id) is unique, because a period is its start and its
-- type and UNIQUE (indicator_id, organization, period) already holds; with an organisation filter it is also the
-- range the list reads.
CREATE UNIQUE INDEX indicator_value_keyset ON indicator_value (organization, period_start, period_type, indicator_id);

-- The audit trail, newest first.
CREATE INDEX audit_entry_keyset ON audit_entry (at DESC, id DESC);
