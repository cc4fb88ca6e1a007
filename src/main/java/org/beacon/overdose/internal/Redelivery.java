package org.beacon.overdose.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Hands this module's unfinished event publications (an alarm whose delivery failed, a detection run cut
 * short) back to their listeners. Runs on the schedule, on one node at a time; restarts republish them too
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class Redelivery {

	static final String LOCK = "overdose.redelivery";

	private final ObjectProvider<IncompleteEventPublications> publications;
	private final JobLocks locks;
	private final OverdoseProperties properties;

	Redelivery(ObjectProvider<IncompleteEventPublications> publications, JobLocks locks, OverdoseProperties properties) {
		this.publications = publications;
		this.locks = locks;
		this.properties = properties;
	}

	void resubmit() {
		IncompleteEventPublications incomplete = publications.getIfAvailable();
		if (incomplete == null || !locks.tryLock(LOCK, Duration.ofMinutes(10))) {
			return;
		}
		try {
			incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
					.withMinAge(properties.notifications().redeliveryMinAge()).withFilter(Redelivery::ours));
		}
		finally {
			locks.unlock(LOCK);
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
