package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NotificationRetriesTests {

	@Test
	void byDefaultEightAttemptsSpanAboutADay() {
		OverdoseProperties.Notifications defaults = new OverdoseProperties(null, null, null).notifications();

		// pauses after attempts 1..7: 10, 20, 40, 80, 160, 320, 640 minutes = 1,270 minutes (21 h 10 min)
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < 8; attempt++) {
			total = total.plus(defaults.retryDelay(attempt));
		}
		assertThat(defaults.maxAttempts()).isEqualTo(8);
		assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofMinutes(10));
		assertThat(defaults.retryDelay(7)).isEqualTo(Duration.ofMinutes(640));
		assertThat(total).isEqualTo(Duration.ofMinutes(1270));
		assertThat(defaults.retryDelay(8)).as("the eighth failure is the last").isNull();
	}

	@Test
	void theCapAndTheFirstPauseAreConfigurable() {
		var notifications = new OverdoseProperties.Notifications(null, null, null, null, null, 3, Duration.ofSeconds(30),
				null);

		assertThat(notifications.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(notifications.retryDelay(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(notifications.retryDelay(3)).isNull();
	}

	@Test
	void aVeryHighCapDoesNotOverflowThePause() {
		var notifications = new OverdoseProperties.Notifications(null, null, null, null, null, 100, Duration.ofMinutes(1),
				null);

		assertThat(notifications.retryDelay(99)).isEqualTo(Duration.ofMinutes(1L << 20));
	}
}
