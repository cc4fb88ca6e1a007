package org.beacon.overdose.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.overdose.OverdoseDetection;
import org.beacon.overdose.OverdoseEventRecorded;
import org.beacon.overdose.OverdoseEventsImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * When detection runs: after every import and every entry (from the event publication registry, so a crash
 * before it ran means it runs on the next start), and on a schedule ({@link DetectionSchedule}) for the last
 * few days, so that a quiet day after a spike, or a late entry, is evaluated too. Not in the command line: its
 * {@code overdose import} runs detection itself before it exits and prints what it found.
 */
@Component
@Profile("!cli")
class DetectionTriggers {

	static final String LOCK = "overdose.detection";

	private static final Logger log = LoggerFactory.getLogger(DetectionTriggers.class);

	private final OverdoseDetection detection;
	private final Agencies agencies;
	private final JobLocks locks;
	private final OverdoseProperties properties;
	private final ObjectProvider<Clock> clock;

	DetectionTriggers(OverdoseDetection detection, Agencies agencies, JobLocks locks, OverdoseProperties properties,
			ObjectProvider<Clock> clock) {
		this.detection = detection;
		this.agencies = agencies;
		this.locks = locks;
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OverdoseEventsImported imported) {
		detection.detectAndStore(imported.agency(), imported.first(), imported.last());
	}

	@ApplicationModuleListener
	void on(OverdoseEventRecorded recorded) {
		detection.detectAndStore(recorded.agency(), recorded.day(), recorded.day());
	}

	/** The scheduled run: the last {@code lookbackDays} days of every agency, on one node at a time. */
	void scheduledRun() {
		if (!locks.tryLock(LOCK, Duration.ofMinutes(30))) {
			log.debug("overdose detection is running on another node");
			return;
		}
		try {
			for (Agency agency : agencies.all()) {
				LocalDate today = clock.getIfAvailable(Clock::systemUTC).instant().atZone(agency.timeZone()).toLocalDate();
				detection.detectAndStore(agency.id(), today.minusDays(properties.detection().lookbackDays() - 1L), today);
			}
		}
		finally {
			locks.unlock(LOCK);
		}
	}
}
