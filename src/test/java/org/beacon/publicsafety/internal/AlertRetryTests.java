package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AlertRetryTests {

	final AlertRetry defaults = new AlertRetry(8, Duration.ofMinutes(10), Duration.ofHours(6));

	@Test
	void doublesTheWaitUpToTheLongestAndGivesUpAfterTheLastAttempt() {
		// 10, 20, 40, 80, 160, 320 minutes, then 640 capped at 360
		assertThat(defaults.waitAfter(1)).isEqualTo(Duration.ofMinutes(10));
		assertThat(defaults.waitAfter(2)).isEqualTo(Duration.ofMinutes(20));
		assertThat(defaults.waitAfter(6)).isEqualTo(Duration.ofMinutes(320));
		assertThat(defaults.waitAfter(7)).isEqualTo(Duration.ofHours(6));
		assertThat(defaults.waitAfter(60)).isEqualTo(Duration.ofHours(6));
		// 10 + 20 + 40 + 80 + 160 + 320 + 360 = 990 minutes between the first attempt and the eighth
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < 8; attempt++) {
			total = total.plus(defaults.waitAfter(attempt));
		}
		assertThat(total).isEqualTo(Duration.ofMinutes(990));
		assertThat(defaults.exhausted(7)).isFalse();
		assertThat(defaults.exhausted(8)).isTrue();
	}

	@Test
	void refusesNoAttemptsAndNegativeWaits() {
		assertThatThrownBy(() -> new AlertRetry(0, Duration.ZERO, Duration.ZERO))
				.hasMessageContaining("beacon.alerts.max-attempts must be at least 1");
		assertThatThrownBy(() -> new AlertRetry(3, Duration.ofMinutes(-1), Duration.ZERO))
				.hasMessageContaining("cannot be negative");
	}
}
