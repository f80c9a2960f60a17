-- The personal-data access log (V8) writes one row per answer instead of one per member (issue 16): a list page of 50
-- members cost 50 rows, 150 index entries and 50 foreign-key checks (1.9 ms of PostgreSQL time per page, ten times
-- the page's own range scan). A row now holds the members it served in member_ids, in the order served; rows written
-- before keep their single member_id. GET /api/v1/personal-data-reads still answers one entry per member (unnest).
-- Members are never deleted, so the ids in the array need no foreign key.
ALTER TABLE personal_data_read ADD COLUMN member_ids UUID[];
ALTER TABLE personal_data_read ALTER COLUMN member_id DROP NOT NULL;
ALTER TABLE personal_data_read ADD CONSTRAINT personal_data_read_member_or_members
    CHECK ((member_id IS NULL) <> (member_ids IS NULL) AND (member_ids IS NULL OR cardinality(member_ids) > 0));
-- ?member=: the rows that served one member (member_ids @> ARRAY[member]); personal_data_read_member (V8) for old rows.
CREATE INDEX personal_data_read_members ON personal_data_read USING gin (member_ids);
