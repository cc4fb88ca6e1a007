-- The district and beat each incident lies in, assigned at import by point-in-area like neighbourhood_id (an
-- area id, or NULL when the agency has no areas of that kind or the point lies in none). district_code stays
-- what the source file says. No index: counts read an agency's incidents in a date range, as for
-- neighbourhoods (V22). Rows imported before this migration get their ids when their file is imported again.
-- See docs/methods/incident-import.md.
ALTER TABLE incident ADD COLUMN district_id BIGINT;
ALTER TABLE incident ADD COLUMN beat_id BIGINT;
