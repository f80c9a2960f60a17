-- The roll at the evaluation date, computed once when a year is finalised (a finalised year is locked), so that the
-- statistics of a finalised year are served without rebuilding the roll from every movement of the organisation.
-- NULL while the year is open (statistics computed live) and cleared on reopening; finalising again recomputes.
ALTER TABLE evaluation_year
    ADD COLUMN final_members_on_roll        INT,
    ADD COLUMN final_admitted_recently      INT,
    ADD COLUMN final_suspended              INT;
