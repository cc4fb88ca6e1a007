-- Alarms also go to every enabled partner and supervisor account with an e-mail address, recorded per
-- account: a delivery row names either a recipient row or an account (identity owns accounts, so no
-- foreign key; the id is what identity's API hands out). Deliveries that keep failing are retried with
-- growing pauses (next_attempt_at) and, after the configured number of attempts, marked FAILED and left.
ALTER TABLE overdose_delivery ALTER COLUMN recipient_id DROP NOT NULL;
ALTER TABLE overdose_delivery ADD COLUMN account_id BIGINT;
ALTER TABLE overdose_delivery ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE overdose_delivery DROP CONSTRAINT overdose_delivery_state_ck;
ALTER TABLE overdose_delivery ADD CONSTRAINT overdose_delivery_state_ck
    CHECK (state IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED'));
ALTER TABLE overdose_delivery ADD CONSTRAINT overdose_delivery_account_uk UNIQUE (alarm_id, account_id, channel);
ALTER TABLE overdose_delivery ADD CONSTRAINT overdose_delivery_target_ck
    CHECK ((recipient_id IS NULL AND account_id IS NOT NULL) OR (recipient_id IS NOT NULL AND account_id IS NULL));

-- The banner on every partner's and supervisor's page counts the agency's unacknowledged alarms.
CREATE INDEX overdose_alarm_agency_state_ix ON overdose_alarm (agency_id, state, notify);
