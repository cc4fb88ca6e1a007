package org.beacon.publicsafety.internal;

import java.time.Duration;

/**
 * How often a failed alert delivery is tried again: after attempt n the wait is {@code first · 2^(n-1)}, at most
 * {@code longest}; after {@code maxAttempts} attempts it is given up. The defaults (8 attempts, 10 minutes first,
 * 6 hours longest) wait 10 + 20 + 40 + 80 + 160 + 320 + 360 minutes = 16 h 30 min between the first attempt and the
 * eighth, so a mail server down overnight still delivers, and an address that is refused stops within a day.
 *
 * @param maxAttempts at least 1
 * @param first the wait after the first failure; zero retries at once (tests)
 * @param longest the longest wait
 */
public record AlertRetry(int maxAttempts, Duration first, Duration longest) {

	public AlertRetry {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("beacon.alerts.max-attempts must be at least 1, was " + maxAttempts);
		}
		if (first.isNegative() || longest.isNegative()) {
			throw new IllegalArgumentException("beacon.alerts.retry-first and retry-longest cannot be negative");
		}
	}

	/** Whether a delivery that failed its {@code attempts}-th attempt is given up. */
	public boolean exhausted(int attempts) {
		return attempts >= maxAttempts;
	}

	/** The wait after the {@code attempts}-th failed attempt (1-based): {@code first · 2^(attempts-1)}, capped. */
	public Duration waitAfter(int attempts) {
		int doublings = Math.max(0, Math.min(attempts - 1, 30));
		Duration wait = first.multipliedBy(1L << doublings);
		return wait.compareTo(longest) > 0 ? longest : wait;
	}
}
