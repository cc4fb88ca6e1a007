package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Hands this module's unfinished event publications (an alarm whose delivery failed, a detection run cut
 * short) back to their listeners, then sends unacknowledged recent alarms to recipients added since they were
 * raised (a partner whose e-mail address was entered later, a recipient added when the list was empty). Runs on
 * the schedule, on one node at a time; restarts republish them too
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class Redelivery {

	static final String LOCK = "overdose.redelivery";

	/** Alarms looked at per run: a day of a busy jurisdiction's alarms, with room to spare. */
	static final int FOLLOW_UP_LIMIT = 500;

	private static final Logger log = LoggerFactory.getLogger(Redelivery.class);

	private final ObjectProvider<IncompleteEventPublications> publications;
	private final JobLocks locks;
	private final OverdoseProperties properties;
	private final AlarmRepository alarms;
	private final AlarmNotifier notifier;
	private final ObjectProvider<Clock> clock;

	Redelivery(ObjectProvider<IncompleteEventPublications> publications, JobLocks locks, OverdoseProperties properties,
			AlarmRepository alarms, AlarmNotifier notifier, ObjectProvider<Clock> clock) {
		this.publications = publications;
		this.locks = locks;
		this.properties = properties;
		this.alarms = alarms;
		this.notifier = notifier;
		this.clock = clock;
	}

	void resubmit() {
		IncompleteEventPublications incomplete = publications.getIfAvailable();
		if (incomplete == null || !locks.tryLock(LOCK, Duration.ofMinutes(10))) {
			return;
		}
		try {
			incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
					.withMinAge(properties.notifications().redeliveryMinAge()).withFilter(Redelivery::ours));
			followUp();
		}
		finally {
			locks.unlock(LOCK);
		}
	}

	/** Recent unacknowledged alarms go to whoever should have them and has not; each failure waits for its retry. */
	void followUp() {
		Instant since = clock.getIfAvailable(Clock::systemUTC).instant().minus(properties.notifications().followUpWindow());
		for (StoredAlarm alarm : alarms.openDetectedSince(since, FOLLOW_UP_LIMIT)) {
			try {
				notifier.deliver(alarm);
			}
			catch (RuntimeException e) {
				log.debug("overdose alarm {} follow-up: {}", alarm.id(), e.getMessage());
			}
		}
	}

	/** Events of this module that this module listens to; {@code ResidentNoticePublished} is the alerts module's. */
	static boolean ours(EventPublication publication) {
		Object event = publication.getEvent();
		return event instanceof org.beacon.overdose.OverdoseAlarmRaised
				|| event instanceof org.beacon.overdose.OverdoseEventsImported
				|| event instanceof org.beacon.overdose.OverdoseEventRecorded;
	}
}
