-- Confirmation and unsubscribe links of resident alerts. Only the SHA-256 of a token is kept (lower-case hex of
-- the digest of its UTF-8 bytes): a copy of the database does not let anyone confirm or end a subscription.
-- Every message carries a token of its own, so one subscription has many rows; old links keep working.
CREATE TABLE alert_token (
    token_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    subscription_id  BIGINT       NOT NULL REFERENCES alert_subscription (id),
    purpose          VARCHAR(12)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_token_purpose_ck CHECK (purpose IN ('CONFIRM', 'UNSUBSCRIBE'))
);

CREATE INDEX alert_token_subscription_ix ON alert_token (subscription_id);
