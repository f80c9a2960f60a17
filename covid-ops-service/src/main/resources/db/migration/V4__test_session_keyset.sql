-- Keyset reads of test sessions (GET /api/v1/test-sessions?after=): the list is ordered by (session_date, id), unique,
-- so a page is an index range scan from the cursor, as cheap deep in the list as at its start. The filtered lists by
-- campaign and by establishment get their own (filter, session_date, id) index. test_session_date (session_date) is
-- a prefix of the first one and is dropped.
CREATE INDEX test_session_date_id ON test_session (session_date, id);
CREATE INDEX test_session_campaign_date_id ON test_session (campaign_id, session_date, id);
CREATE INDEX test_session_establishment_date_id ON test_session (establishment_id, session_date, id);
DROP INDEX test_session_date;
