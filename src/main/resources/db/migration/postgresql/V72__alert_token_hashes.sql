-- The tokens V70 kept in plain text become hashes in alert_token (the links already sent keep working), and
-- the plain-text columns go. The H2 version of this file computes the same hash.
INSERT INTO alert_token (token_hash, subscription_id, purpose, created_at)
SELECT encode(sha256(convert_to(confirm_token, 'UTF8')), 'hex'), id, 'CONFIRM', created_at FROM alert_subscription;
INSERT INTO alert_token (token_hash, subscription_id, purpose, created_at)
SELECT encode(sha256(convert_to(unsubscribe_token, 'UTF8')), 'hex'), id, 'UNSUBSCRIBE', created_at FROM alert_subscription;

ALTER TABLE alert_subscription DROP CONSTRAINT alert_subscription_confirm_uk;
ALTER TABLE alert_subscription DROP CONSTRAINT alert_subscription_unsubscribe_uk;
ALTER TABLE alert_subscription DROP COLUMN confirm_token;
ALTER TABLE alert_subscription DROP COLUMN unsubscribe_token;
