-- Alert deliveries that can never succeed (a refused address, a webhook that always answers an error) are no
-- longer retried forever: a failed attempt waits next_attempt_at (back-off doubling each time), and after
-- beacon.alerts.max-attempts attempts the row is FAILED (failed_at) and stops holding back its event.
ALTER TABLE alert_delivery ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_delivery ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_state_ck;
ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_state_ck
    CHECK (state IN ('PENDING', 'SENDING', 'DELIVERED', 'SKIPPED', 'FAILED'));
