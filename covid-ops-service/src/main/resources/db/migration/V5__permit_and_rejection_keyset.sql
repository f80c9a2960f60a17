-- Keyset reads of permits (GET /api/v1/permits?after=), in (issued_at, id) order: a page is an index range scan from
-- the cursor. permit_issued_at (issued_at) is a prefix of the new index and is dropped. Upload rejections are read by
-- (job_id, line_no), their primary key: no index needed.
CREATE INDEX permit_issued_at_id ON permit (issued_at, id);
DROP INDEX permit_issued_at;
