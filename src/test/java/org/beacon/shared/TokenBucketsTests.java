package org.beacon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTests {

	static final long MINUTE = 60_000_000_000L;

	@Test
	void allowsTheCapacityThenRefusesUntilATokenRefills() {
		TokenBuckets buckets = new TokenBuckets(100);

		for (int i = 0; i < 3; i++) {
			assertThat(buckets.tryTake("a", 3, MINUTE, 0)).isTrue();
		}
		assertThat(buckets.tryTake("a", 3, MINUTE, 0)).isFalse();
		assertThat(buckets.secondsUntilToken("a", 3, MINUTE)).isEqualTo(20);
		// 3 tokens per minute refill one token every 20 s
		assertThat(buckets.tryTake("a", 3, MINUTE, 19_000_000_000L)).isFalse();
		assertThat(buckets.tryTake("a", 3, MINUTE, 40_000_000_000L)).isTrue();
	}

	@Test
	void keysAreIndependent() {
		TokenBuckets buckets = new TokenBuckets(100);

		assertThat(buckets.tryTake("a", 1, MINUTE, 0)).isTrue();
		assertThat(buckets.tryTake("a", 1, MINUTE, 0)).isFalse();
		assertThat(buckets.tryTake("b", 1, MINUTE, 0)).isTrue();
	}

	@Test
	void forgetsIdleClientsInsteadOfGrowingWithoutBound() {
		TokenBuckets buckets = new TokenBuckets(10);
		for (int i = 0; i < 10; i++) {
			buckets.tryTake("client" + i, 5, MINUTE, 0);
		}

		buckets.tryTake("newcomer", 5, MINUTE, 10 * MINUTE);

		assertThat(buckets.size()).isEqualTo(1);
	}
}
