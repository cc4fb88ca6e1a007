package org.beacon.publicsafety.web;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.beacon.shared.TokenBuckets;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A token bucket per client address for the public paths: {@code reads} GETs a minute and {@code writes} POSTs
 * (subscriptions) an hour. Over the limit answers 429 with Retry-After. Addresses are kept only in memory, in
 * {@link TokenBuckets} (at most 100,000 of each kind), and never logged.
 */
class PublicRateLimit extends OncePerRequestFilter {

	private static final int MAX_CLIENTS = 100_000;

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
	private static final long HOUR = TimeUnit.HOURS.toNanos(1);

	private final TokenBuckets reads = new TokenBuckets(MAX_CLIENTS);
	private final TokenBuckets writes = new TokenBuckets(MAX_CLIENTS);
	private final int readsPerMinute;
	private final int writesPerHour;
	private final LongSupplier nanos;

	PublicRateLimit(int readsPerMinute, int writesPerHour, LongSupplier nanos) {
		this.readsPerMinute = Math.max(1, readsPerMinute);
		this.writesPerHour = Math.max(1, writesPerHour);
		this.nanos = nanos;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = Objects.requireNonNullElse(request.getRemoteAddr(), "");
		boolean allowed = "POST".equals(request.getMethod())
				? writes.tryTake(client, writesPerHour, HOUR, nanos.getAsLong())
				: reads.tryTake(client, readsPerMinute, MINUTE, nanos.getAsLong());
		if (!allowed) {
			response.setHeader("Retry-After", "60");
			response.sendError(429, "Too many requests; please wait a minute.");
			return;
		}
		chain.doFilter(request, response);
	}
}
