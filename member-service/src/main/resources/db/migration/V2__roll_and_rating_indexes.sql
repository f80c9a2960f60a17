-- Indexes for the aggregates over a whole roll (statistics/ratings, finalising a year, statistics/members).
-- Already in V1: member_org_name (organization_id, full_name, id) for the member list order,
-- member_org_cell_status for the list by cell, and UNIQUE (year_id, member_id) on member_rating for a year's ratings.

-- The roll at a date (Roster: DISTINCT ON (member_id) ... ORDER BY member_id, effective_date DESC, id DESC) read in
-- index order instead of sorting every movement of the organisation.
CREATE INDEX member_movement_org_member_latest ON member_movement (organization_id, member_id, effective_date DESC, id DESC);

-- The rating distribution of a year (GROUP BY rating) from the index alone.
CREATE INDEX member_rating_year_rating ON member_rating (year_id, rating);
