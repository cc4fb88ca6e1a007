-- Status of incident imports started from the staff pages (and of the demo sample load), kept in the
-- database so that any node can answer a progress poll. The row with id 'demo' doubles as the lock that
-- keeps two nodes from loading the demo sample at once.
CREATE TABLE import_job (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    agency_id    BIGINT       NOT NULL REFERENCES agency (id),
    source_name  VARCHAR(255) NOT NULL,
    started_by   VARCHAR(100) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    bytes_read   BIGINT       NOT NULL DEFAULT 0,
    total_bytes  BIGINT       NOT NULL DEFAULT -1,
    rows_read    BIGINT       NOT NULL DEFAULT 0,
    summary      VARCHAR(500),
    errors       TEXT,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX import_job_agency_started ON import_job (agency_id, started_at);
