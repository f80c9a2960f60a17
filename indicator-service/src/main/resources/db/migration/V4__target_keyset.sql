-- Plan targets are read by keyset in the values list's order: (organization, period_start, period_end, indicator_id),
-- unique because UNIQUE (indicator_id, organization, period) holds and a period is its start and end.
CREATE UNIQUE INDEX plan_target_keyset ON plan_target (organization, period_start, period_end, indicator_id);
