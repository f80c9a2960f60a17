-- Keyset pagination (?after=): each list that can grow large is read in a stable order on a unique key, and these
-- indexes hold exactly that key, so the page after any cursor is an index range scan however deep it is.
CREATE INDEX state_inspection_keyset ON state_inspection (year, (COALESCE(decision_date, DATE '0001-01-01')), id);
CREATE INDEX penalty_decision_keyset ON penalty_decision (year, (COALESCE(decided_on, DATE '0001-01-01')), id);
CREATE INDEX inspection_item_keyset ON inspection_item (planned_from, id);
CREATE INDEX compliance_visit_keyset ON compliance_visit (year, visited_on, id);
CREATE INDEX known_party_unit_organization ON known_party_unit (organization_code, id);

-- Lookups by parent: a delegation's subjects and penalties (views, CSV export), an establishment's visits in a year
-- (whether a visit is the first).
CREATE INDEX state_inspection_subject_inspection ON state_inspection_subject (state_inspection_id);
CREATE INDEX penalty_decision_inspection ON penalty_decision (state_inspection_id);
CREATE INDEX compliance_visit_establishment_year ON compliance_visit (establishment_code, year);
