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
 * The delivery ledger, {@code overdose_delivery}: one row per (alarm, recipient, channel). Every change commits
 * on its own ({@code REQUIRES_NEW}), so a delivery recorded as done stays done even when the listener that made
 * it fails on another recipient and its own transaction rolls back.
 */
@Repository
public class DeliveryRepository {

	/** A delivery as the alarm page shows it. */
	public record Delivery(long recipientId, String channel, String state, int attempts, Instant deliveredAt,
			String lastError) {
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

	/**
	 * Claims the delivery for sending: true when it was PENDING, or SENDING with an expired lease (a node died
	 * mid-send). False when it is DELIVERED or another node is sending it now.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean claim(long id, Instant now, Duration lease) {
		return jdbc.sql("""
				UPDATE overdose_delivery SET state = 'SENDING', claimed_until = :until, attempts = attempts + 1
				WHERE id = :id AND (state = 'PENDING' OR (state = 'SENDING' AND claimed_until < :now))""")
				.param("until", AlarmRepository.utc(now.plus(lease))).param("now", AlarmRepository.utc(now))
				.param("id", id).update() == 1;
	}

	/** The row's state: PENDING, SENDING or DELIVERED. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public String state(long id) {
		return jdbc.sql("SELECT state FROM overdose_delivery WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void delivered(long id, Instant now) {
		jdbc.sql("""
				UPDATE overdose_delivery SET state = 'DELIVERED', delivered_at = :now, claimed_until = NULL, last_error = NULL
				WHERE id = :id""").param("now", AlarmRepository.utc(now)).param("id", id).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(long id, String error) {
		String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.sql("UPDATE overdose_delivery SET state = 'PENDING', claimed_until = NULL, last_error = :error WHERE id = :id")
				.param("error", message).param("id", id).update();
	}

	public List<Delivery> forAlarm(AgencyId agency, long alarmId) {
		return jdbc.sql("""
				SELECT recipient_id, channel, state, attempts, delivered_at, last_error FROM overdose_delivery
				WHERE agency_id = :agency AND alarm_id = :alarm ORDER BY recipient_id, channel""")
				.param("agency", agency.value()).param("alarm", alarmId)
				.query((rs, n) -> new Delivery(rs.getLong("recipient_id"), rs.getString("channel"), rs.getString("state"),
						rs.getInt("attempts"), OverdoseEventRepository.instant(rs, "delivered_at"), rs.getString("last_error")))
				.list();
	}
}
