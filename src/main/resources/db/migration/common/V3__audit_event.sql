-- The append-only, hash-chained audit trail. Rows are never updated or deleted by the application.
-- hash = SHA-256 over the canonical form of (seq, occurred_at, agency_id, actor, source_address, action,
-- target, outcome, prev_hash); see org.beacon.identity.internal.AuditHash.
CREATE TABLE audit_event (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    agency_id       BIGINT        REFERENCES agency (id),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    source_address  VARCHAR(100)  NOT NULL,
    action          VARCHAR(100)  NOT NULL,
    target          VARCHAR(1000) NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    prev_hash       VARCHAR(64)   NOT NULL,
    hash            VARCHAR(64)   NOT NULL
);

-- The single head row every append locks (SELECT ... FOR UPDATE), so appends from several nodes take
-- turns: it holds the last sequence number and hash, and lets verify() notice a truncated tail.
CREATE TABLE audit_head (
    id         INTEGER     NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT audit_head_single_row CHECK (id = 1)
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
