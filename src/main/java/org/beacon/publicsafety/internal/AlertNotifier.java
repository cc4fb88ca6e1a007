package org.beacon.publicsafety.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.publicsafety.DigestDue;
import org.beacon.publicsafety.SubscriptionRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Sends resident alerts: the opt-in confirmation, digests and overdose notices. Each message has a row in the
 * ledger, unique per (subscription, period); only rows not yet DELIVERED or SKIPPED are sent. If a send fails the
 * listener throws after trying the rest, so the event publication stays incomplete in the registry and is
 * resubmitted ({@link AlertSchedule}, or on restart): an SMTP outage delays an alert, it neither loses nor
 * doubles it. A failed row waits a back-off before it is tried again, and after {@link AlertRetry#maxAttempts}
 * attempts it is FAILED: logged once (ids only, never the address) and no longer holding back its event, so a
 * refused address or a dead webhook does not keep the other recipients' publication open forever.
 */
@Component
class AlertNotifier {

	private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

	static final Duration SEND_LEASE = Duration.ofMinutes(5);

	private final SubscriptionRepository subscriptions;
	private final AlertTokens tokens;
	private final AlertDeliveries deliveries;
	private final AlertChannels channels;
	private final AlertMessages messages;
	private final Digests digests;
	private final NoticeAreas noticeAreas;
	private final ObjectMapper json;
	private final AlertRetry retry;
	private final ObjectProvider<Clock> clock;

	AlertNotifier(SubscriptionRepository subscriptions, AlertTokens tokens, AlertDeliveries deliveries,
			AlertChannels channels, AlertMessages messages, Digests digests, NoticeAreas noticeAreas, ObjectMapper json,
			AlertProperties properties, ObjectProvider<Clock> clock) {
		this.retry = properties.retry();
		this.subscriptions = subscriptions;
		this.tokens = tokens;
		this.deliveries = deliveries;
		this.channels = channels;
		this.messages = messages;
		this.digests = digests;
		this.noticeAreas = noticeAreas;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SubscriptionRequested requested) {
		Subscription s = subscriptions.find(requested.subscriptionId()).orElse(null);
		if (s == null || !"PENDING".equals(s.state()) || s.email() == null) {
			return;
		}
		List<String> failures = new ArrayList<>();
		send(s, "CONFIRM", failures, () -> channels.email(s.email(), "Confirm your Beacon alerts",
				messages.confirmation(tokens.issue(s.id(), AlertTokens.Purpose.CONFIRM)), null));
		throwIfFailed("confirmation of subscription " + s.id(), failures);
	}

	@ApplicationModuleListener
	void on(DigestDue due) {
		Optional<Subscription> found = subscriptions.find(due.subscriptionId());
		List<String> failures = new ArrayList<>();
		if (found.isEmpty() || !found.get().active()) {
			long id = deliveries.ensure(due.agency(), due.subscriptionId(), due.period());
			deliveries.finished(id, "SKIPPED", now());
			return;
		}
		Subscription s = found.get();
		Digest digest = digests.digest(s, due.from(), due.to());
		boolean skip = s.onlyAboveUsual() && !digest.anyAboveUsual();
		if (s.email() != null) {
			deliver(s, due.period(), skip, failures, () -> {
				String unsubscribe = tokens.issue(s.id(), AlertTokens.Purpose.UNSUBSCRIBE);
				channels.email(s.email(), messages.digestSubject(s, digest), messages.digestText(s, digest, unsubscribe),
						messages.unsubscribeUrl(unsubscribe));
			});
		}
		if (s.webhookUrl() != null) {
			String period = due.period() + "#webhook";
			deliver(s, period, skip, failures, () -> webhook(s, "alerts.digest", period, messages.digestJson(s, digest)));
		}
		throwIfFailed("digest " + due.period() + " of subscription " + s.id(), failures);
	}

	@ApplicationModuleListener
	void on(ResidentNoticePublished notice) {
		List<String> failures = new ArrayList<>();
		String period = "NOTICE:" + notice.noticeId();
		for (Subscription s : subscriptions.active(notice.agency())) {
			if (!noticeAreas.concerns(s, notice)) {
				continue;
			}
			if (s.email() != null) {
				send(s, period, failures, () -> {
					String unsubscribe = tokens.issue(s.id(), AlertTokens.Purpose.UNSUBSCRIBE);
					channels.email(s.email(), "Overdose notice for your area", messages.noticeText(notice, unsubscribe),
							messages.unsubscribeUrl(unsubscribe));
				});
			}
			if (s.webhookUrl() != null) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("type", "overdose.notice");
				body.put("areaLevel", notice.areaLevel());
				body.put("areaCode", notice.areaCode());
				body.put("url", messages.noticeUrl(notice));
				send(s, period + "#webhook", failures,
						() -> webhook(s, "alerts.notice", period + "#webhook", json.writeValueAsString(body)));
			}
		}
		throwIfFailed("notice " + notice.noticeId(), failures);
	}

	private void webhook(Subscription s, String event, String period, String body) {
		long id = deliveries.ensure(s.agency(), s.id(), period);
		channels.webhook(s.webhookUrl(), s.webhookSecret(), event, id, body);
	}

	private void deliver(Subscription s, String period, boolean skip, List<String> failures, Runnable sender) {
		if (skip) {
			long id = deliveries.ensure(s.agency(), s.id(), period);
			if (deliveries.claim(id, now(), SEND_LEASE)) {
				deliveries.finished(id, "SKIPPED", now());
			}
			return;
		}
		send(s, period, failures, sender);
	}

	private void send(Subscription s, String period, List<String> failures, Runnable sender) {
		long id = deliveries.ensure(s.agency(), s.id(), period);
		if (!deliveries.claim(id, now(), SEND_LEASE)) {
			String state = deliveries.state(id);
			if (!FINAL.contains(state)) {
				failures.add(period + " to subscription " + s.id() + (deliveries.nextAttempt(id, now()).isPresent()
						? " waits before its next attempt" : " is being sent by another attempt"));
			}
			return;
		}
		try {
			sender.run();
			deliveries.finished(id, "DELIVERED", now());
		}
		catch (RuntimeException e) {
			if (deliveries.failed(id, e.getMessage(), now(), retry)) {
				// the error text may carry the address (an SMTP refusal quotes it): ids only
				log.warn("alert delivery {} ({}) of subscription {} failed {} times and is given up", id, period, s.id(),
						retry.maxAttempts());
				return;
			}
			failures.add(period + " to subscription " + s.id() + ": attempt failed");
		}
	}

	/** States after which a row is never sent again. */
	static final java.util.Set<String> FINAL = java.util.Set.of("DELIVERED", "SKIPPED", "FAILED");

	private static void throwIfFailed(String what, List<String> failures) {
		if (!failures.isEmpty()) {
			log.info("{}: {} delivery(ies) not done yet; they will be retried", what, failures.size());
			throw new IllegalStateException(what + ": " + String.join("; ", failures));
		}
	}

	private java.time.Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant();
	}
}
