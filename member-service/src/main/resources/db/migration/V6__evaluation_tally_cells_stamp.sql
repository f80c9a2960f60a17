-- Changes whenever the list of the year's cells with their ratings changes (a cell rated for the year, a cell
-- registered in the organisation), so that a service instance may keep that list (5,000 cells in the benchmark) in
-- memory and serve it again while the stamp it read with it is still the stamp in the database.
ALTER TABLE evaluation_tally ADD COLUMN cells_stamp BIGINT NOT NULL DEFAULT 0;
