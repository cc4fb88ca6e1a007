package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.beacon.incidents.IncidentsImported;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisclosedWindowsTests {

	final AtomicLong now = new AtomicLong();
	final AtomicInteger loads = new AtomicInteger();
	final DisclosedWindows windows = new DisclosedWindows(Duration.ofSeconds(60), 2, now::get);

	@AfterEach
	void stop() {
		windows.destroy();
	}

	String load() {
		return "v" + loads.incrementAndGet();
	}

	@Test
	void keepsAValueForItsTtl() {
		assertThat(windows.<String>get("2019", this::load)).isEqualTo("v1");
		now.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(windows.<String>get("2019", this::load)).isEqualTo("v1");
		assertThat(loads).hasValue(1);
	}

	@Test
	void servesTheOldValueOnceStaleAndRefreshesItInTheBackground() {
		windows.get("2019", this::load);
		now.addAndGet(Duration.ofSeconds(61).toNanos());

		assertThat(windows.<String>get("2019", this::load)).as("nobody waits for the refresh").isEqualTo("v1");
		await().atMost(Duration.ofSeconds(5)).until(() -> "v2".equals(windows.get("2019", this::load)));
		assertThat(loads).hasValue(2);
	}

	@Test
	void anImportOnThisNodeMakesEveryWindowStale() {
		windows.get("2019", this::load);
		windows.on(new IncidentsImported(AgencyId.of(1), "stl-slmpd", 10, 0, 0));

		windows.get("2019", this::load);
		await().atMost(Duration.ofSeconds(5)).until(() -> "v2".equals(windows.get("2019", this::load)));
	}

	@Test
	void concurrentFirstRequestsShareOneLoad() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Future<String> first = pool.submit(() -> windows.get("2019", () -> {
				loading.countDown();
				awaitLatch(release);
				return load();
			}));
			assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
			Future<String> second = pool.submit(() -> windows.get("2019", this::load));
			Future<String> third = pool.submit(() -> windows.get("2019", this::load));
			release.countDown();
			assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("v1");
			assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("v1");
			assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("v1");
			assertThat(loads).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFailedLoadIsNotKept() {
		assertThatThrownBy(() -> windows.get("2019", () -> {
			throw new IllegalStateException("database down");
		})).isInstanceOf(IllegalStateException.class).hasMessage("database down");
		assertThat(windows.<String>get("2019", this::load)).isEqualTo("v1");
	}

	@Test
	void dropsTheLeastRecentlyUsedBeyondItsSize() {
		windows.get("a", this::load);
		now.incrementAndGet();
		windows.get("b", this::load);
		now.incrementAndGet();
		windows.get("a", this::load);
		now.incrementAndGet();
		windows.get("c", this::load);

		assertThat(windows.size()).isEqualTo(2);
		assertThat(windows.<String>get("a", this::load)).as("used last, kept").isEqualTo("v1");
		assertThat(windows.<String>get("b", this::load)).as("dropped, loaded again").isEqualTo("v4");
	}

	@Test
	void aTtlOfZeroKeepsNothing() {
		DisclosedWindows off = new DisclosedWindows(Duration.ZERO, 16, now::get);
		assertThat(off.<String>get("2019", this::load)).isEqualTo("v1");
		assertThat(off.<String>get("2019", this::load)).isEqualTo("v2");
		off.destroy();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
