-- Cell committees (chi ủy; in a small cell just its secretary and deputy secretary): a committee of kind CELL names
-- its cell. One committee of a kind per term for the organisation, and one CELL committee per term for each cell.
ALTER TABLE committee ADD COLUMN cell_id UUID REFERENCES party_cell (id);
ALTER TABLE committee DROP CONSTRAINT committee_organization_id_kind_term_start_year_key;
CREATE UNIQUE INDEX committee_org_kind_term ON committee (organization_id, kind, term_start_year) WHERE cell_id IS NULL;
CREATE UNIQUE INDEX committee_cell_kind_term ON committee (cell_id, kind, term_start_year) WHERE cell_id IS NOT NULL;
