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

	/**
	 * Claims the row for sending: PENDING and not waiting for its back-off ({@code next_attempt_at}), or SENDING
	 * with an expired lease.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean claim(long id, Instant now, Duration lease) {
		return jdbc.sql("""
				UPDATE alert_delivery SET state = 'SENDING', claimed_until = :until, attempts = attempts + 1
				WHERE id = :id AND ((state = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= :now))
				    OR (state = 'SENDING' AND claimed_until < :now))""")
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
				UPDATE alert_delivery SET state = :state, delivered_at = :now, claimed_until = NULL, last_error = NULL,
				    next_attempt_at = NULL WHERE id = :id""").param("state", state).param("now", SubscriptionRepository.utc(now)).param("id", id)
				.update();
	}

	/**
	 * Records a failed attempt. Within {@link AlertRetry#maxAttempts} the row goes back to PENDING and waits
	 * {@link AlertRetry#waitAfter}; after the last it is FAILED for good. Returns true when this call gave it up.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean failed(long id, String error, Instant now, AlertRetry retry) {
		String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
		int attempts = jdbc.sql("SELECT attempts FROM alert_delivery WHERE id = :id").param("id", id).query(Integer.class)
				.single();
		if (retry.exhausted(attempts)) {
			return jdbc.sql("""
					UPDATE alert_delivery SET state = 'FAILED', claimed_until = NULL, next_attempt_at = NULL,
					    failed_at = :now, last_error = :error WHERE id = :id AND state <> 'FAILED'""")
					.param("now", SubscriptionRepository.utc(now)).param("error", message).param("id", id).update() == 1;
		}
		jdbc.sql("""
				UPDATE alert_delivery SET state = 'PENDING', claimed_until = NULL, next_attempt_at = :next,
				    last_error = :error WHERE id = :id""")
				.param("next", SubscriptionRepository.utc(now.plus(retry.waitAfter(attempts)))).param("error", message)
				.param("id", id).update();
		return false;
	}

	/** When a PENDING row may be tried again; empty when it may now (or is not PENDING). */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public Optional<Instant> nextAttempt(long id, Instant now) {
		return jdbc.sql("""
				SELECT next_attempt_at FROM alert_delivery
				WHERE id = :id AND state = 'PENDING' AND next_attempt_at > :now""")
				.param("id", id).param("now", SubscriptionRepository.utc(now))
				.query((rs, row) -> SubscriptionRepository.instant(rs, "next_attempt_at")).optional();
	}

	/**
	 * Whether every unfinished row of these periods of a subscription waits for its back-off: then resubmitting
	 * their event now would only repeat the work and send nothing. False when there is no unfinished row (a run
	 * that never started or stopped half-way must be resubmitted) or one may be tried now.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public boolean allWaiting(long subscription, java.util.Collection<String> periods, Instant now) {
		return waiting(jdbc.sql("""
				SELECT state, next_attempt_at, claimed_until FROM alert_delivery
				WHERE subscription_id = :s AND period IN (:periods) AND state IN ('PENDING', 'SENDING')""")
				.param("s", subscription).param("periods", periods), now);
	}

	/** {@link #allWaiting(long, java.util.Collection, Instant)} for the rows of any subscription of an agency. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public boolean allWaiting(AgencyId agency, java.util.Collection<String> periods, Instant now) {
		return waiting(jdbc.sql("""
				SELECT state, next_attempt_at, claimed_until FROM alert_delivery
				WHERE agency_id = :a AND period IN (:periods) AND state IN ('PENDING', 'SENDING')""")
				.param("a", agency.value()).param("periods", periods), now);
	}

	private static boolean waiting(JdbcClient.StatementSpec query, Instant now) {
		java.util.List<Instant> until = query.query((rs, row) -> {
			Instant t = "PENDING".equals(rs.getString("state")) ? SubscriptionRepository.instant(rs, "next_attempt_at")
					: SubscriptionRepository.instant(rs, "claimed_until");
			return t == null ? Instant.MIN : t;
		}).list();
		return !until.isEmpty() && until.stream().allMatch(t -> t.isAfter(now));
	}
}
