-- The members rated at each level, counted at finalisation (ratings cannot change while the year is finalised), so
-- that the statistics of a finalised year need no aggregate over its member ratings. NULL while the year is open.
ALTER TABLE evaluation_year
    ADD COLUMN final_rated_excellent        INT,
    ADD COLUMN final_rated_good             INT,
    ADD COLUMN final_rated_completed        INT,
    ADD COLUMN final_rated_not_completed    INT;
