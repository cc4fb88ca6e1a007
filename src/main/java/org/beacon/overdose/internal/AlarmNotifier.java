package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * Tells partners and supervisors about a new alarm, by e-mail and webhook, once each. Every (alarm, recipient,
 * channel) has a row in the delivery ledger; only rows not yet DELIVERED are sent. If any send fails the
 * listener throws after trying the rest, so the event publication stays incomplete in the registry and is
 * resubmitted later ({@link Redelivery}, or on restart): a mail outage delays the alarm, it does not lose it,
 * and the recipients already reached are not sent it twice.
 */
@Component
class AlarmNotifier {

	private static final Logger log = LoggerFactory.getLogger(AlarmNotifier.class);

	/** How long a send may take before another attempt may take over a delivery claimed by a dead node. */
	static final Duration SEND_LEASE = Duration.ofMinutes(5);

	private final AlarmRepository alarms;
	private final RecipientRepository recipients;
	private final DeliveryRepository deliveries;
	private final AlarmChannels channels;
	private final ObjectProvider<StaffAccounts> accounts;
	private final ObjectProvider<Clock> clock;

	AlarmNotifier(AlarmRepository alarms, RecipientRepository recipients, DeliveryRepository deliveries,
			AlarmChannels channels, ObjectProvider<StaffAccounts> accounts, ObjectProvider<Clock> clock) {
		this.alarms = alarms;
		this.recipients = recipients;
		this.deliveries = deliveries;
		this.channels = channels;
		this.accounts = accounts;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OverdoseAlarmRaised raised) {
		StoredAlarm alarm = alarms.find(raised.agency(), raised.alarmId()).orElse(null);
		if (alarm == null) {
			log.warn("overdose alarm {} of agency {} no longer exists; nothing to deliver", raised.alarmId(), raised.agency());
			return;
		}
		List<String> failures = new ArrayList<>();
		for (Recipient r : recipients.list(alarm.agency())) {
			if (!eligible(r)) {
				continue;
			}
			if (r.email() != null) {
				send(alarm, r, "EMAIL", failures);
			}
			if (r.webhookUrl() != null) {
				send(alarm, r, "WEBHOOK", failures);
			}
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("overdose alarm " + alarm.id() + ": " + failures.size()
					+ " delivery(ies) failed and will be retried: " + String.join("; ", failures));
		}
	}

	private void send(StoredAlarm alarm, Recipient recipient, String channel, List<String> failures) {
		long id = deliveries.ensure(alarm.agency(), alarm.id(), recipient.id(), channel);
		if (!deliveries.claim(id, clock.getIfAvailable(Clock::systemUTC).instant(), SEND_LEASE)) {
			// delivered already, or another attempt is sending it right now: that one may still fail, so this
			// publication is complete only once the row says DELIVERED
			if (!"DELIVERED".equals(deliveries.state(id))) {
				failures.add(channel + " to recipient " + recipient.id() + " is being sent by another attempt");
			}
			return;
		}
		try {
			if ("EMAIL".equals(channel)) {
				channels.email(alarm, recipient);
			}
			else {
				channels.webhook(alarm, recipient, id);
			}
			deliveries.delivered(id, clock.getIfAvailable(Clock::systemUTC).instant());
		}
		catch (RuntimeException e) {
			deliveries.failed(id, e.getMessage());
			failures.add(e.getMessage());
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
				.filter(a -> a.hasRole(Role.PARTNER) || a.hasRole(Role.SUPERVISOR))
				.isPresent();
	}
}
