-- Demographic figures of areas (population and any further numeric column of the imported CSV, e.g. the
-- share of residents in poverty), one row per area and figure. Analytics sets an area's share of the
-- population beside its share of flagged cells. A new import replaces all figures of the areas it names.
CREATE TABLE area_demographic (
    area_id      BIGINT           NOT NULL REFERENCES area (id),
    agency_id    BIGINT           NOT NULL REFERENCES agency (id),
    figure       VARCHAR(100)     NOT NULL,
    amount       DOUBLE PRECISION NOT NULL,
    source       VARCHAR(400)     NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT area_demographic_pk PRIMARY KEY (area_id, figure)
);

CREATE INDEX area_demographic_agency ON area_demographic (agency_id);
