package org.beacon.publicsafety.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert delivery ledger, {@code alert_delivery}: one row per (subscription, period), unique. Every change
 * commits on its own, so a message recorded as sent stays sent even when the listener fails on another one.
 */
@Repository
public class AlertDeliveries {

	private final JdbcClient jdbc;

	AlertDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the row PENDING; true when this call created it (false: it existed already). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean create(AgencyId agency, long subscription, String period) {
		return jdbc.sql("""
				INSERT INTO alert_delivery (agency_id, subscription_id, period, state, attempts)
				VALUES (:agency, :subscription, :period, 'PENDING', 0) ON CONFLICT DO NOTHING""")
				.param("agency", agency.value()).param("subscription", subscription).param("period", period).update() == 1;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long ensure(AgencyId agency, long subscription, String period) {
		create(agency, subscription, period);
		return jdbc.sql("SELECT id FROM alert_delivery WHERE subscription_id = :subscription AND period = :period")
				.param("subscription", subscription).param("period", period).query(Long.class).single();
	}

	/** Claims the row for sending: PENDING, or SENDING with an expired lease. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean claim(long id, Instant now, Duration lease) {
		return jdbc.sql("""
				UPDATE alert_delivery SET state = 'SENDING', claimed_until = :until, attempts = attempts + 1
				WHERE id = :id AND (state = 'PENDING' OR (state = 'SENDING' AND claimed_until < :now))""")
				.param("until", SubscriptionRepository.utc(now.plus(lease))).param("now", SubscriptionRepository.utc(now))
				.param("id", id).update() == 1;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public Optional<String> state(long subscription, String period) {
		return jdbc.sql("SELECT state FROM alert_delivery WHERE subscription_id = :s AND period = :p")
				.param("s", subscription).param("p", period).query(String.class).optional();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public String state(long id) {
		return jdbc.sql("SELECT state FROM alert_delivery WHERE id = :id").param("id", id).query(String.class).single();
	}

	/** DELIVERED, or SKIPPED when there was nothing to send (nothing above usual, subscription ended). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void finished(long id, String state, Instant now) {
		jdbc.sql("""
				UPDATE alert_delivery SET state = :state, delivered_at = :now, claimed_until = NULL, last_error = NULL
				WHERE id = :id""").param("state", state).param("now", SubscriptionRepository.utc(now)).param("id", id)
				.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(long id, String error) {
		String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.sql("UPDATE alert_delivery SET state = 'PENDING', claimed_until = NULL, last_error = :error WHERE id = :id")
				.param("error", message).param("id", id).update();
	}
}
