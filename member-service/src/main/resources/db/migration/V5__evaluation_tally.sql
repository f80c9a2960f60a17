-- The figures of each evaluation year at its evaluation date, kept up to date instead of rebuilt from every movement
-- of the organisation on each read (statistics/ratings, finalisation). One row per evaluation year, written when the
-- year is opened (a recount from the registry) and then changed by the delta of every command that changes a member's
-- standing at that date, in the command's own transaction: register, admit, transfer in, confirm, transfer between
-- cells, transfer out, return from a temporary transfer, remove, death, suspension, and a member's rating.
--   on_roll            the official roll at the evaluation date (on-roll status, not a temporary attendee)
--   admitted_recently  of it, admitted less than 6 months before the evaluation date (not rated)
--   suspended          of the others, suspended on the evaluation date (not rated)
--   excellent .. not_completed
--                      ratings of the year of the members to be rated (on that roll, not admitted recently, not
--                      suspended): a rating of a member who left the roll by a change dated on or before the
--                      evaluation date no longer counts.
CREATE TABLE evaluation_tally (
    year_id           UUID PRIMARY KEY REFERENCES evaluation_year (id),
    on_roll           INT NOT NULL,
    admitted_recently INT NOT NULL,
    suspended         INT NOT NULL,
    excellent         INT NOT NULL,
    good              INT NOT NULL,
    completed         INT NOT NULL,
    not_completed     INT NOT NULL
);

-- Backfill: every existing year recounted from the registry (the same statement as EvaluationTally.RECOUNT).
INSERT INTO evaluation_tally (year_id, on_roll, admitted_recently, suspended, excellent, good, completed, not_completed)
SELECT y.id,
       count(roll.id),
       count(roll.id) FILTER (WHERE roll.recent),
       count(roll.id) FILTER (WHERE NOT roll.recent AND roll.suspended),
       count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'EXCELLENT'),
       count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'GOOD'),
       count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'COMPLETED'),
       count(roll.id) FILTER (WHERE NOT roll.recent AND NOT roll.suspended AND roll.rating = 'NOT_COMPLETED')
  FROM evaluation_year y
  LEFT JOIN LATERAL (
        SELECT m.id,
               m.admission_date > (y.evaluation_date - INTERVAL '6 months')::date AS recent,
               (m.suspended_from IS NOT NULL AND m.suspended_from <= y.evaluation_date
                    AND (m.suspended_until IS NULL OR m.suspended_until >= y.evaluation_date)) AS suspended,
               r.rating
          FROM (SELECT DISTINCT ON (member_id) member_id, status, temporary
                  FROM member_movement
                 WHERE organization_id = y.organization_id AND effective_date <= y.evaluation_date
                 ORDER BY member_id, effective_date DESC, id DESC) latest
          JOIN member m ON m.id = latest.member_id
          LEFT JOIN member_rating r ON r.year_id = y.id AND r.member_id = m.id
         WHERE latest.status IN ('PROBATIONARY', 'OFFICIAL') AND NOT latest.temporary) roll ON TRUE
 GROUP BY y.id;
