-- The tokens V70 kept in plain text become hashes in alert_token (the links already sent keep working), and
-- the plain-text columns go. The PostgreSQL version of this file computes the same hash.
INSERT INTO alert_token (token_hash, subscription_id, purpose, created_at)
SELECT LOWER(RAWTOHEX(HASH('SHA-256', CAST(confirm_token AS VARCHAR)))), id, 'CONFIRM', created_at FROM alert_subscription;
INSERT INTO alert_token (token_hash, subscription_id, purpose, created_at)
SELECT LOWER(RAWTOHEX(HASH('SHA-256', CAST(unsubscribe_token AS VARCHAR)))), id, 'UNSUBSCRIBE', created_at FROM alert_subscription;

ALTER TABLE alert_subscription DROP CONSTRAINT alert_subscription_confirm_uk;
ALTER TABLE alert_subscription DROP CONSTRAINT alert_subscription_unsubscribe_uk;
ALTER TABLE alert_subscription DROP COLUMN confirm_token;
ALTER TABLE alert_subscription DROP COLUMN unsubscribe_token;
