package org.beacon.publicsafety.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PublicRateLimitTests {

	@Test
	void refusesOnceTheBucketIsEmptyAndRefillsWithTime() {
		AtomicLong nanos = new AtomicLong();
		// 3 a minute: one token every 20 s
		var buckets = new PublicRateLimit.Buckets(3, 20e9, nanos::get);
		assertThat(buckets.take("a")).isTrue();
		assertThat(buckets.take("a")).isTrue();
		assertThat(buckets.take("a")).isTrue();
		assertThat(buckets.take("a")).isFalse();
		assertThat(buckets.take("b")).isTrue();
		nanos.addAndGet(20_000_000_000L);
		assertThat(buckets.take("a")).isTrue();
		assertThat(buckets.take("a")).isFalse();
	}
}
