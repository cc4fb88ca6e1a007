package org.beacon.overdose.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code beacon.overdose.*}: what detection runs, when, and how alarms reach partners.
 *
 * @param detection the EARS/CUSUM detectors run after each import and on the schedule
 * @param scan the prospective space-time scan run with them
 * @param notifications e-mail and webhook delivery
 */
@ConfigurationProperties("beacon.overdose")
public record OverdoseProperties(Detection detection, Scan scan, Notifications notifications) {

	public OverdoseProperties {
		detection = detection == null ? new Detection(null, null, 0, 0, null) : detection;
		scan = scan == null ? new Scan(null, null, 0, 0, 0, null, 0, 0) : scan;
		notifications = notifications == null ? new Notifications(null, null, null, null, null, 0, null, null) : notifications;
	}

	/**
	 * @param methods c1, c2, c3, cusum (default c2)
	 * @param by groupings, e.g. jurisdiction, neighbourhood, county, h3:8 (default jurisdiction, neighbourhood)
	 * @param lookbackDays days up to today that each scheduled run evaluates (default 3)
	 * @param notifyWithinDays alarms on days older than this many days before today are stored without
	 *        notifying anyone: an import of last year's data should not page partners (default 3)
	 * @param cron when the scheduled run happens (default every 15 minutes; {@code beacon.overdose.scheduling.enabled=false}
	 *        turns the scheduled jobs off)
	 */
	public record Detection(List<String> methods, List<String> by, int lookbackDays, int notifyWithinDays, String cron) {

		public Detection {
			methods = methods == null || methods.isEmpty() ? List.of("c2") : List.copyOf(methods);
			by = by == null || by.isEmpty() ? List.of("jurisdiction", "neighbourhood") : List.copyOf(by);
			lookbackDays = lookbackDays <= 0 ? 3 : lookbackDays;
			notifyWithinDays = notifyWithinDays <= 0 ? 3 : notifyWithinDays;
			cron = cron == null || cron.isBlank() ? "0 */15 * * * *" : cron;
		}
	}

	/**
	 * @param enabled whether detection also scans (default true)
	 * @param by the locations: a grouping other than jurisdiction (default h3:8, cells about 0.7 km²)
	 * @param studyDays days of history ending on the evaluated day (default 56)
	 * @param windowDays longest cluster in days (default 7)
	 * @param replications Monte Carlo replications (default 999)
	 * @param seed random seed (default 20240601)
	 * @param alpha largest p-value that raises an alarm (default 0.05)
	 * @param maxRadiusMetres largest circle (default 3000: an outreach team cannot act on a city-wide "cluster")
	 */
	public record Scan(Boolean enabled, String by, int studyDays, int windowDays, int replications, Long seed,
			double alpha, double maxRadiusMetres) {

		public Scan {
			enabled = enabled == null || enabled;
			by = by == null || by.isBlank() ? "h3:8" : by;
			studyDays = studyDays <= 0 ? 56 : studyDays;
			windowDays = windowDays <= 0 ? 7 : windowDays;
			replications = replications <= 0 ? 999 : replications;
			seed = seed == null ? 20240601L : seed;
			alpha = alpha <= 0 ? 0.05 : alpha;
			maxRadiusMetres = maxRadiusMetres <= 0 ? 3000 : maxRadiusMetres;
		}
	}

	/**
	 * @param baseUrl how partners reach this server, for links in e-mails and webhooks
	 * @param from the e-mail sender address
	 * @param redeliveryCron when undelivered alarms are tried again (default every 5 minutes)
	 * @param redeliveryMinAge how old an undelivered publication must be before it is tried again (default 2 minutes)
	 * @param webhookTimeout how long a partner's webhook may take to answer (default 10 seconds)
	 * @param maxAttempts attempts per delivery before it is marked failed and left (default 8)
	 * @param firstRetryDelay the pause after the first failed attempt, doubled after each further one (default
	 *        10 minutes: 8 attempts then span 10 + 20 + ... + 640 minutes, about 21 hours)
	 * @param followUpWindow how long after detection an unacknowledged alarm still goes to recipients added
	 *        since, e.g. a partner whose e-mail address was entered later (default 1 day)
	 */
	public record Notifications(String baseUrl, String from, String redeliveryCron, Duration redeliveryMinAge,
			Duration webhookTimeout, int maxAttempts, Duration firstRetryDelay, Duration followUpWindow) {

		public Notifications {
			baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
			from = from == null || from.isBlank() ? "beacon@localhost" : from;
			redeliveryCron = redeliveryCron == null || redeliveryCron.isBlank() ? "0 */5 * * * *" : redeliveryCron;
			redeliveryMinAge = redeliveryMinAge == null ? Duration.ofMinutes(2) : redeliveryMinAge;
			webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
			maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
			firstRetryDelay = firstRetryDelay == null || firstRetryDelay.isNegative() ? Duration.ofMinutes(10) : firstRetryDelay;
			followUpWindow = followUpWindow == null || followUpWindow.isNegative() ? Duration.ofDays(1) : followUpWindow;
		}

		/**
		 * The pause after the {@code attempts}-th failed attempt: {@code firstRetryDelay · 2^(attempts − 1)}, the
		 * doubling capped at 2^20 so it cannot overflow; {@code null} once {@code attempts} reaches
		 * {@link #maxAttempts}, meaning "give up".
		 */
		public Duration retryDelay(int attempts) {
			if (attempts >= maxAttempts) {
				return null;
			}
			return firstRetryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		}
	}
}
