-- Keyset pagination (issue 16): every list over members reads a page as an index range scan from the cursor
-- ("WHERE (sort key) > (cursor) ORDER BY sort key LIMIT size + 1"), however deep the page.
-- Already in V1: member_org_name (organization_id, full_name, id), the unfiltered member list.

-- The member list of one cell (?cell=), and filtered by status (?status=), in name order.
CREATE INDEX member_cell_name ON member (cell_id, full_name, id);
CREATE INDEX member_org_status_name ON member (organization_id, status, full_name, id);

-- A year's member ratings in (cell, member) order, whole or for one cell; and for one rating (?rating=), which also
-- serves the rating distribution (GROUP BY rating) that member_rating_year_rating served.
CREATE INDEX member_rating_year_cell_member ON member_rating (year_id, cell_id, member_id);
CREATE INDEX member_rating_year_rating_cell_member ON member_rating (year_id, rating, cell_id, member_id);
DROP INDEX member_rating_year_rating;

-- Trainings (year, programme, id) and candidates (awareness-class date, id) of an organisation.
CREATE INDEX training_org_year_programme ON training (organization_id, year, programme, id);
CREATE INDEX candidate_org_date ON candidate (organization_id, awareness_class_date, id);
