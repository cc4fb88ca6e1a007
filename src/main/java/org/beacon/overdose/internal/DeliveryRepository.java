package org.beacon.overdose.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery ledger, {@code overdose_delivery}: one row per (alarm, recipient, channel), where the recipient is
 * a row of {@code overdose_recipient} or a staff account. Every change commits on its own ({@code REQUIRES_NEW}),
 * so a delivery recorded as done stays done even when the listener that made it fails on another recipient and
 * its own transaction rolls back. A failed attempt is retried after a pause ({@code next_attempt_at}); the last
 * allowed one marks the row FAILED, and nothing sends it again.
 */
@Repository
public class DeliveryRepository {

	/**
	 * A delivery as the alarm page shows it.
	 *
	 * @param recipientId the {@code overdose_recipient} row, or 0 for a staff account's delivery
	 * @param accountId the staff account, or 0 for a recipient row's delivery
	 * @param nextAttemptAt when a PENDING delivery that failed is tried again, else {@code null}
	 */
	public record Delivery(long recipientId, long accountId, String channel, String state, int attempts,
			Instant deliveredAt, String lastError, Instant nextAttemptAt) {

		public boolean failed() {
			return "FAILED".equals(state);
		}
	}

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The row's id, creating it PENDING if it does not exist yet. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long ensure(AgencyId agency, long alarmId, long recipientId, String channel) {
		jdbc.sql("""
				INSERT INTO overdose_delivery (agency_id, alarm_id, recipient_id, channel, state, attempts)
				VALUES (:agency, :alarm, :recipient, :channel, 'PENDING', 0)
				ON CONFLICT DO NOTHING""")
				.param("agency", agency.value()).param("alarm", alarmId).param("recipient", recipientId)
				.param("channel", channel).update();
		return jdbc.sql("""
				SELECT id FROM overdose_delivery WHERE alarm_id = :alarm AND recipient_id = :recipient AND channel = :channel""")
				.param("alarm", alarmId).param("recipient", recipientId).param("channel", channel).query(Long.class)
				.single();
	}

	/** The id of the staff account's e-mail delivery of the alarm, creating it PENDING if it does not exist yet. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long ensureForAccount(AgencyId agency, long alarmId, long accountId) {
		jdbc.sql("""
				INSERT INTO overdose_delivery (agency_id, alarm_id, account_id, channel, state, attempts)
				VALUES (:agency, :alarm, :account, 'EMAIL', 'PENDING', 0)
				ON CONFLICT DO NOTHING""")
				.param("agency", agency.value()).param("alarm", alarmId).param("account", accountId).update();
		return jdbc.sql("""
				SELECT id FROM overdose_delivery WHERE alarm_id = :alarm AND account_id = :account AND channel = 'EMAIL'""")
				.param("alarm", alarmId).param("account", accountId).query(Long.class).single();
	}

	/**
	 * Claims the delivery for sending: true when it was PENDING and due (never tried, or its pause after a failure
	 * has passed), or SENDING with an expired lease (a node died mid-send). False when it is DELIVERED or FAILED,
	 * waiting for its next attempt, or another node is sending it now.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean claim(long id, Instant now, Duration lease) {
		return jdbc.sql("""
				UPDATE overdose_delivery SET state = 'SENDING', claimed_until = :until, attempts = attempts + 1
				WHERE id = :id AND ((state = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= :now))
				                    OR (state = 'SENDING' AND claimed_until < :now))""")
				.param("until", AlarmRepository.utc(now.plus(lease))).param("now", AlarmRepository.utc(now))
				.param("id", id).update() == 1;
	}

	/** The row's state: PENDING, SENDING, DELIVERED or FAILED. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public String state(long id) {
		return jdbc.sql("SELECT state FROM overdose_delivery WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void delivered(long id, Instant now) {
		jdbc.sql("""
				UPDATE overdose_delivery SET state = 'DELIVERED', delivered_at = :now, claimed_until = NULL, last_error = NULL,
				    next_attempt_at = NULL
				WHERE id = :id""").param("now", AlarmRepository.utc(now)).param("id", id).update();
	}

	/**
	 * Records a failed attempt. With {@code retryAfter} the row waits until then for the next one; without it
	 * (the attempts are used up) it becomes FAILED for good.
	 *
	 * @return whether the delivery will be tried again
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean failed(long id, String error, Instant now, Duration retryAfter) {
		String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.sql("""
				UPDATE overdose_delivery SET state = :state, claimed_until = NULL, last_error = :error, next_attempt_at = :next
				WHERE id = :id""")
				.param("state", retryAfter == null ? "FAILED" : "PENDING").param("error", message)
				.param("next", retryAfter == null ? null : AlarmRepository.utc(now.plus(retryAfter)))
				.param("id", id).update();
		return retryAfter != null;
	}

	/** How many attempts the row has had, the one being made included. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public int attempts(long id) {
		return jdbc.sql("SELECT attempts FROM overdose_delivery WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	public List<Delivery> forAlarm(AgencyId agency, long alarmId) {
		return jdbc.sql("""
				SELECT recipient_id, account_id, channel, state, attempts, delivered_at, last_error, next_attempt_at
				FROM overdose_delivery
				WHERE agency_id = :agency AND alarm_id = :alarm ORDER BY id""")
				.param("agency", agency.value()).param("alarm", alarmId)
				.query((rs, n) -> new Delivery(rs.getLong("recipient_id"), rs.getLong("account_id"), rs.getString("channel"),
						rs.getString("state"), rs.getInt("attempts"), OverdoseEventRepository.instant(rs, "delivered_at"),
						rs.getString("last_error"), OverdoseEventRepository.instant(rs, "next_attempt_at")))
				.list();
	}
}
