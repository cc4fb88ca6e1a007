package org.beacon.publicsafety.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@ExtendWith(OutputCaptureExtension.class)
class PublicRateLimitTests {

	AtomicLong nanos = new AtomicLong();
	// 3 reads a minute (one token every 20 s), 2 writes an hour (one every 30 min)
	PublicRateLimit limit = new PublicRateLimit(3, 2, nanos::get);
	int passed;

	@Test
	void refusesReadsOnceTheBucketIsEmptyAndRefillsWithTime() throws Exception {
		assertThat(status("GET", "198.51.100.1")).isEqualTo(200);
		assertThat(status("GET", "198.51.100.1")).isEqualTo(200);
		assertThat(status("GET", "198.51.100.1")).isEqualTo(200);
		assertThat(status("GET", "198.51.100.1")).isEqualTo(429);
		assertThat(status("GET", "198.51.100.2")).as("another client has its own bucket").isEqualTo(200);
		nanos.addAndGet(TimeUnit.SECONDS.toNanos(20));
		assertThat(status("GET", "198.51.100.1")).isEqualTo(200);
		assertThat(status("GET", "198.51.100.1")).isEqualTo(429);
		assertThat(passed).isEqualTo(5);
	}

	@Test
	void writesHaveTheirOwnHourlyBudget() throws Exception {
		for (int i = 0; i < 3; i++) {
			status("GET", "198.51.100.1");
		}

		assertThat(status("POST", "198.51.100.1")).as("reads used up, writes not").isEqualTo(200);
		assertThat(status("POST", "198.51.100.1")).isEqualTo(200);
		assertThat(status("POST", "198.51.100.1")).isEqualTo(429);
		nanos.addAndGet(TimeUnit.MINUTES.toNanos(29));
		assertThat(status("POST", "198.51.100.1")).isEqualTo(429);
		nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
		assertThat(status("POST", "198.51.100.1")).isEqualTo(200);
	}

	@Test
	void answers429WithRetryAfterAndNeverLogsTheAddress(CapturedOutput output) throws Exception {
		PublicRateLimit strict = new PublicRateLimit(1, 1, nanos::get);
		strict.doFilter(request("GET", "203.0.113.77"), new MockHttpServletResponse(), (q, s) -> passed++);
		MockHttpServletResponse refused = new MockHttpServletResponse();

		strict.doFilter(request("GET", "203.0.113.77"), refused, (q, s) -> passed++);

		assertThat(passed).isEqualTo(1);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
		assertThat(refused.getErrorMessage()).isEqualTo("Too many requests; please wait a minute.");
		assertThat(output.getAll()).doesNotContain("203.0.113.77");
	}

	private int status(String method, String address) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request(method, address), response, (q, s) -> passed++);
		return response.getStatus();
	}

	private static MockHttpServletRequest request(String method, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/public/map");
		request.setRemoteAddr(address);
		return request;
	}
}
