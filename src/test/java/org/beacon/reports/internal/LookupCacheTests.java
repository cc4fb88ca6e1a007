package org.beacon.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LookupCacheTests {

	final AtomicLong now = new AtomicLong();
	final AtomicInteger reads = new AtomicInteger();

	String read(String key) {
		return key + reads.incrementAndGet();
	}

	@Test
	void keepsAnAnswerForItsTtlThenReadsAgain() {
		LookupCache<String, String> cache = new LookupCache<>(Duration.ofSeconds(30), now::get);
		assertThat(cache.get("stl", this::read)).isEqualTo("stl1");
		now.addAndGet(Duration.ofSeconds(30).toNanos());
		assertThat(cache.get("stl", this::read)).as("30 s is still fresh").isEqualTo("stl1");
		now.incrementAndGet();
		assertThat(cache.get("stl", this::read)).isEqualTo("stl2");
	}

	@Test
	void clearForgetsEverything() {
		LookupCache<String, String> cache = new LookupCache<>(Duration.ofSeconds(30), now::get);
		cache.get("a", this::read);
		cache.clear();
		assertThat(cache.get("a", this::read)).isEqualTo("a2");
	}

	@Test
	void aTtlOfZeroReadsEveryTime() {
		LookupCache<String, String> cache = new LookupCache<>(Duration.ZERO, now::get);
		cache.get("a", this::read);
		assertThat(cache.get("a", this::read)).isEqualTo("a2");
	}

	@Test
	void startsAfreshBeyondItsSize() {
		LookupCache<Integer, String> cache = new LookupCache<>(Duration.ofSeconds(30), now::get);
		for (int i = 0; i < LookupCache.MAX_ENTRIES; i++) {
			cache.get(i, k -> "v");
		}
		cache.get(-1, k -> "new");
		assertThat(cache.get(0, k -> "read again")).isEqualTo("read again");
		assertThat(cache.get(-1, k -> "not read")).isEqualTo("new");
	}
}
