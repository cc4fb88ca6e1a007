package org.beacon.overdose.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The clock-driven jobs: detection over the last days and redelivery of alarms that could not be delivered.
 * Not in the command line, which runs one command and exits. Each job takes a {@link JobLocks} lease, so
 * with several nodes only one runs it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!cli")
@ConditionalOnProperty(name = "beacon.overdose.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DetectionSchedule {

	private final DetectionTriggers detection;
	private final Redelivery redelivery;

	DetectionSchedule(DetectionTriggers detection, Redelivery redelivery) {
		this.detection = detection;
		this.redelivery = redelivery;
	}

	@Scheduled(cron = "${beacon.overdose.detection.cron:0 */15 * * * *}")
	void detect() {
		detection.scheduledRun();
	}

	@Scheduled(cron = "${beacon.overdose.notifications.redelivery-cron:0 */5 * * * *}")
	void redeliver() {
		redelivery.resubmit();
	}
}
