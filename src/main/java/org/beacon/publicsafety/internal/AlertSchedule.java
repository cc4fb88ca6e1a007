package org.beacon.publicsafety.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DigestJob} on a schedule in the web application: due digests every hour at minute 7
 * ({@code beacon.alerts.digest-cron}), redelivery every 5 minutes. Off on the command line and with
 * {@code beacon.alerts.scheduling.enabled=false}.
 */
@Component
@EnableScheduling
@Profile("!cli")
@ConditionalOnProperty(name = "beacon.alerts.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AlertSchedule {

	private final DigestJob job;

	AlertSchedule(DigestJob job) {
		this.job = job;
	}

	@Scheduled(cron = "${beacon.alerts.digest-cron:0 7 * * * *}")
	void digests() {
		job.publishDue();
	}

	@Scheduled(cron = "${beacon.alerts.redelivery-cron:30 */5 * * * *}")
	void redeliver() {
		job.resubmit();
	}
}
