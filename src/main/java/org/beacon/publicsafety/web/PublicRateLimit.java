package org.beacon.publicsafety.web;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A token bucket per client address for the public paths: {@code reads} GETs a minute and {@code writes} POSTs
 * (subscriptions) an hour. Over the limit answers 429 with Retry-After. Addresses are kept only in memory,
 * only while their bucket is not full, and never logged.
 */
class PublicRateLimit extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	private final Buckets reads;
	private final Buckets writes;

	PublicRateLimit(int readsPerMinute, int writesPerHour, LongSupplier nanos) {
		this.reads = new Buckets(readsPerMinute, 60e9 / Math.max(1, readsPerMinute), nanos);
		this.writes = new Buckets(writesPerHour, 3600e9 / Math.max(1, writesPerHour), nanos);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Buckets buckets = "POST".equals(request.getMethod()) ? writes : reads;
		if (!buckets.take(request.getRemoteAddr())) {
			response.setHeader("Retry-After", "60");
			response.sendError(429, "Too many requests; please wait a minute.");
			return;
		}
		chain.doFilter(request, response);
	}

	static final class Buckets {

		private final int capacity;
		private final double nanosPerToken;
		private final LongSupplier nanos;
		private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

		Buckets(int capacity, double nanosPerToken, LongSupplier nanos) {
			this.capacity = Math.max(1, capacity);
			this.nanosPerToken = nanosPerToken;
			this.nanos = nanos;
		}

		/** Takes one token of the client's bucket; false when it is empty. Bucket = {tokens, last refill nanos}. */
		boolean take(String client) {
			if (buckets.size() > MAX_CLIENTS) {
				buckets.clear();
			}
			long now = nanos.getAsLong();
			boolean[] taken = { false };
			buckets.compute(client == null ? "" : client, (k, b) -> {
				if (b == null) {
					b = new double[] { capacity, now };
				}
				b[0] = Math.min(capacity, b[0] + (now - b[1]) / nanosPerToken);
				b[1] = now;
				if (b[0] >= 1) {
					b[0] -= 1;
					taken[0] = true;
				}
				return b;
			});
			return taken[0];
		}
	}
}
