-- Cheaper indexes for the import (docs/adr/0006-incident-import-write-path.md). Every new incident pays for each
-- index on the table, and the import writes hundreds of thousands of rows at a time.
--
-- No query filters or groups on neighbourhood_id with an index: counts per neighbourhood read the agency's
-- counted incidents in a date range, which incident_agency_occurred serves.
DROP INDEX incident_agency_neighbourhood;

-- The same natural keys, most selective column first: a comparison in the index then almost always ends at
-- source_id instead of first comparing the agency and source every row has in common. Lookups name all
-- three columns, so they still use the index.
ALTER TABLE incident DROP CONSTRAINT incident_natural_key;
ALTER TABLE incident ADD CONSTRAINT incident_natural_key UNIQUE (source_id, source, agency_id);
ALTER TABLE incident_reversal DROP CONSTRAINT incident_reversal_natural_key;
ALTER TABLE incident_reversal ADD CONSTRAINT incident_reversal_natural_key UNIQUE (source_id, source, agency_id);
