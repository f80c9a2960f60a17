-- The values list's keyset order is (organization, period_start, period_end, indicator_id): as unique as V2's
-- (a period is its start and its end), and every key a plain column type, so the row comparison of a cursor binds
-- without casts and stays an index range scan.
DROP INDEX indicator_value_keyset;
CREATE UNIQUE INDEX indicator_value_keyset_end ON indicator_value (organization, period_start, period_end, indicator_id);
