package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.overdose.OverdoseAlarmRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells partners and supervisors about a new alarm at once: by e-mail to every enabled PARTNER and SUPERVISOR
 * account of the agency that has an address (identity's {@link StaffAccounts#reachableByEmail}), and to the
 * recipients an administrator added on the recipients page, by e-mail and webhook. Every (alarm, recipient,
 * channel) has a row in the delivery ledger; only rows not yet DELIVERED or FAILED are sent, and a failed one
 * only once its pause has passed ({@link OverdoseProperties.Notifications#retryDelay}). While any row may still
 * be sent the listener throws after trying the rest, so the event publication stays incomplete in the registry
 * and is resubmitted later ({@link Redelivery}, or on restart): a mail outage delays the alarm, it does not lose
 * it, and the recipients already reached are not sent it twice. A delivery whose attempts are used up is FAILED:
 * the alarm page shows it and it is not tried again.
 */
@Component
class AlarmNotifier {

	private static final Logger log = LoggerFactory.getLogger(AlarmNotifier.class);

	/** How long a send may take before another attempt may take over a delivery claimed by a dead node. */
	static final Duration SEND_LEASE = Duration.ofMinutes(5);

	/** The roles that must hear of an alarm at once. */
	static final Set<Role> ALERTED_ROLES = Set.of(Role.PARTNER, Role.SUPERVISOR);

	private final AlarmRepository alarms;
	private final RecipientRepository recipients;
	private final DeliveryRepository deliveries;
	private final AlarmChannels channels;
	private final ObjectProvider<StaffAccounts> accounts;
	private final ObjectProvider<Clock> clock;
	private final OverdoseProperties properties;

	AlarmNotifier(AlarmRepository alarms, RecipientRepository recipients, DeliveryRepository deliveries,
			AlarmChannels channels, ObjectProvider<StaffAccounts> accounts, ObjectProvider<Clock> clock,
			OverdoseProperties properties) {
		this.alarms = alarms;
		this.recipients = recipients;
		this.deliveries = deliveries;
		this.channels = channels;
		this.accounts = accounts;
		this.clock = clock;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(OverdoseAlarmRaised raised) {
		StoredAlarm alarm = alarms.find(raised.agency(), raised.alarmId()).orElse(null);
		if (alarm == null) {
			log.warn("overdose alarm {} of agency {} no longer exists; nothing to deliver", raised.alarmId(), raised.agency());
			return;
		}
		deliver(alarm);
	}

	/**
	 * Sends the alarm to everyone who should have it and has not: safe to call again at any time.
	 *
	 * @throws IllegalStateException when some delivery failed or waits for its next attempt
	 */
	void deliver(StoredAlarm alarm) {
		List<String> failures = new ArrayList<>();
		Set<String> addressed = new HashSet<>();
		for (Recipient r : recipients.list(alarm.agency())) {
			if (!eligible(r)) {
				continue;
			}
			if (r.email() != null) {
				addressed.add(r.email().toLowerCase(Locale.ROOT));
				send(alarm, deliveries.ensure(alarm.agency(), alarm.id(), r.id(), "EMAIL"), "EMAIL to recipient " + r.id(),
						() -> channels.email(alarm, r), failures);
			}
			if (r.webhookUrl() != null) {
				long id = deliveries.ensure(alarm.agency(), alarm.id(), r.id(), "WEBHOOK");
				send(alarm, id, "WEBHOOK to recipient " + r.id(), () -> channels.webhook(alarm, r, id), failures);
			}
		}
		StaffAccounts staff = accounts.getIfAvailable();
		for (StaffAccount a : staff == null ? List.<StaffAccount>of() : staff.reachableByEmail(alarm.agency(), ALERTED_ROLES)) {
			// a partner an administrator also added by hand with the same address gets one e-mail, not two
			if (addressed.add(a.email().toLowerCase(Locale.ROOT))) {
				send(alarm, deliveries.ensureForAccount(alarm.agency(), alarm.id(), a.id()), "EMAIL to account " + a.id(),
						() -> channels.email(alarm, a.email(), "account " + a.id()), failures);
			}
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("overdose alarm " + alarm.id() + ": " + failures.size()
					+ " delivery(ies) not done yet and to be retried: " + String.join("; ", failures));
		}
	}

	private void send(StoredAlarm alarm, long id, String what, Runnable channel, List<String> failures) {
		if (!deliveries.claim(id, now(), SEND_LEASE)) {
			// delivered or given up already, waiting for its next attempt, or another attempt is sending it right
			// now (that one may still fail): this publication is complete only once the row is settled
			String state = deliveries.state(id);
			if (!"DELIVERED".equals(state) && !"FAILED".equals(state)) {
				failures.add(what + " is " + ("PENDING".equals(state) ? "waiting for its next attempt" : "being sent by another attempt"));
			}
			return;
		}
		try {
			channel.run();
			deliveries.delivered(id, now());
		}
		catch (RuntimeException e) {
			int attempts = deliveries.attempts(id);
			if (deliveries.failed(id, e.getMessage(), now(), properties.notifications().retryDelay(attempts))) {
				failures.add(e.getMessage());
			}
			else {
				log.warn("overdose alarm {}: {} failed {} times and is given up: {}", alarm.id(), what, attempts, e.getMessage());
			}
		}
	}

	/** Enabled, and either an organisation's endpoint or a current PARTNER or SUPERVISOR of the same agency. */
	private boolean eligible(Recipient r) {
		if (!r.enabled()) {
			return false;
		}
		if (r.username() == null) {
			return true;
		}
		StaffAccounts staff = accounts.getIfAvailable();
		if (staff == null) {
			return false;
		}
		return staff.findByUsername(r.username())
				.filter(StaffAccount::enabled)
				.filter(a -> a.agency().equals(r.agency()))
				.filter(a -> ALERTED_ROLES.stream().anyMatch(a::hasRole))
				.isPresent();
	}

	private Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}
}
