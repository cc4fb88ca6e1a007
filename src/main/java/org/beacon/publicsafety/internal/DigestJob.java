package org.beacon.publicsafety.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.beacon.agency.Agencies;
import org.beacon.publicsafety.DigestDue;
import org.beacon.publicsafety.SubscriptionRequested;
import org.beacon.overdose.ResidentNoticePublished;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds due digests and hands unfinished alert deliveries back to their listeners, each under a lease so one node
 * does it at a time. A digest is due for the last complete period (yesterday; last Monday to Sunday) of each active
 * subscription; its ledger row and its {@link DigestDue} publication commit in one transaction, so a period is
 * published exactly once and, once published, delivered at least once.
 */
@Component
public class DigestJob {

	static final String DIGEST_LOCK = "alerts.digests";
	static final String REDELIVERY_LOCK = "alerts.redelivery";

	private final SubscriptionRepository subscriptions;
	private final Agencies agencies;
	private final AlertLocks locks;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final ObjectProvider<IncompleteEventPublications> publications;
	private final AlertProperties properties;
	private final AlertDeliveries deliveries;
	private final ObjectProvider<Clock> clock;

	DigestJob(SubscriptionRepository subscriptions, Agencies agencies, AlertLocks locks, ApplicationEventPublisher events,
			TransactionTemplate transactions, JdbcClient jdbc, ObjectProvider<IncompleteEventPublications> publications,
			AlertProperties properties, AlertDeliveries deliveries, ObjectProvider<Clock> clock) {
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.agencies = agencies;
		this.locks = locks;
		this.events = events;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.publications = publications;
		this.properties = properties;
		this.clock = clock;
	}

	/** Publishes every due digest not published before; returns how many it published. */
	public int publishDue() {
		if (!locks.tryLock(DIGEST_LOCK, Duration.ofMinutes(30))) {
			return 0;
		}
		int published = 0;
		try {
			for (Subscription s : subscriptions.allActive()) {
				ZoneId zone = agencies.get(s.agency()).timeZone();
				LocalDate today = LocalDate.now(clock.getIfAvailable(Clock::systemUTC).withZone(zone));
				DigestDue due = due(s, today);
				Boolean done = transactions.execute(tx -> {
					boolean created = jdbc.sql("""
							INSERT INTO alert_delivery (agency_id, subscription_id, period, state, attempts)
							VALUES (:agency, :subscription, :period, 'PENDING', 0) ON CONFLICT DO NOTHING""")
							.param("agency", s.agency().value()).param("subscription", s.id()).param("period", due.period())
							.update() == 1;
					if (created) {
						events.publishEvent(due);
					}
					return created;
				});
				if (Boolean.TRUE.equals(done)) {
					published++;
				}
			}
		}
		finally {
			locks.unlock(DIGEST_LOCK);
		}
		return published;
	}

	/** The last complete period before {@code today}: yesterday, or the last full Monday-to-Sunday week. */
	static DigestDue due(Subscription s, LocalDate today) {
		if (s.frequency() == Subscription.Frequency.DAILY) {
			LocalDate day = today.minusDays(1);
			return new DigestDue(s.agency(), s.id(), "DAILY:" + day, day, day);
		}
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		return new DigestDue(s.agency(), s.id(), "WEEKLY:" + monday, monday, monday.plusDays(6));
	}

	/**
	 * Resubmits this module's incomplete publications older than {@code beacon.alerts.redelivery-min-age}, except
	 * those whose unfinished deliveries all wait for their back-off: rerunning them would redo the area matching
	 * and send nothing.
	 */
	public void resubmit() {
		IncompleteEventPublications incomplete = publications.getIfAvailable();
		if (incomplete == null || !locks.tryLock(REDELIVERY_LOCK, Duration.ofMinutes(10))) {
			return;
		}
		try {
			incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
					.withMinAge(properties.redeliveryMinAge()).withFilter(p -> ours(p) && !waiting(p.getEvent())));
		}
		finally {
			locks.unlock(REDELIVERY_LOCK);
		}
	}

	private boolean waiting(Object event) {
		java.time.Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
		if (event instanceof DigestDue due) {
			return deliveries.allWaiting(due.subscriptionId(), java.util.List.of(due.period(), due.period() + "#webhook"),
					now);
		}
		if (event instanceof SubscriptionRequested requested) {
			return deliveries.allWaiting(requested.subscriptionId(), java.util.List.of("CONFIRM"), now);
		}
		if (event instanceof ResidentNoticePublished notice) {
			String period = "NOTICE:" + notice.noticeId();
			return deliveries.allWaiting(notice.agency(), java.util.List.of(period, period + "#webhook"), now);
		}
		return false;
	}

	static boolean ours(EventPublication publication) {
		Object event = publication.getEvent();
		// the overdose module does not listen to its own ResidentNoticePublished; this module does
		return event instanceof DigestDue || event instanceof SubscriptionRequested
				|| event instanceof ResidentNoticePublished;
	}
}
