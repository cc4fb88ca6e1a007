-- Analyses run in the background from the analytics page and API, kept in the database so that any node
-- can answer a progress poll and take a cancellation. The node running a job writes its progress (units
-- done of total, a label) at most twice a second, touches updated_at while it runs, and stores the result
-- as JSON text. Finished jobs are deleted a day after they were last updated.
CREATE TABLE analysis_job (
    id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    agency_id     BIGINT        NOT NULL REFERENCES agency (id),
    method        VARCHAR(20)   NOT NULL,
    parameters    VARCHAR(2000) NOT NULL,
    started_by    VARCHAR(100)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    units_done    BIGINT        NOT NULL DEFAULT 0,
    units_total   BIGINT        NOT NULL DEFAULT 0,
    label         VARCHAR(200)  NOT NULL,
    counting_since TIMESTAMP WITH TIME ZONE,
    counted_at    TIMESTAMP WITH TIME ZONE,
    error         VARCHAR(1000),
    result        TEXT,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX analysis_job_started_by ON analysis_job (started_by, status);
CREATE INDEX analysis_job_updated_at ON analysis_job (updated_at);
