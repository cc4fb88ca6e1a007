package org.beacon.tips.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.shared.TokenBuckets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First thing on every resident-facing path (Open311, tips, receipts). It
 * <ol>
 * <li>rate-limits by a salted hash of the client address, kept only in memory (see {@link TokenBuckets});</li>
 * <li>marks the request so the servlet container's access log skips it;</li>
 * <li>passes on an {@link AnonymousRequest} and a {@link CookielessResponse}, so nothing later can see,
 * log or store the address, user agent or cookies, or set a cookie.</li>
 * </ol>
 * It never logs.
 */
final class AnonymousEdgeFilter extends OncePerRequestFilter {

	/** Request attribute the access log's {@code conditionUnless} looks for. */
	static final String SKIP_ACCESS_LOG = "org.beacon.anonymous";

	private final TokenBuckets buckets;
	private final AddressHasher hasher;
	private final AnonymousEdgeProperties limits;
	private final LongSupplier nanoTime;

	AnonymousEdgeFilter(AnonymousEdgeProperties limits, LongSupplier nanoTime) {
		this.limits = limits;
		this.buckets = new TokenBuckets(limits.maxTrackedClients());
		this.hasher = new AddressHasher();
		this.nanoTime = nanoTime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(SKIP_ACCESS_LOG, Boolean.TRUE);
		Kind kind = Kind.of(request);
		String client = kind.name() + ':' + hasher.key(request.getRemoteAddr());
		int capacity = capacity(kind);
		long period = limits.period().toNanos();
		long now = nanoTime.getAsLong();
		boolean allowed = buckets.tryTake(client, capacity, period, now)
				&& (kind == Kind.READ || buckets.tryTake("node:writes", limits.writesPerNode(), period, now));
		if (!allowed) {
			tooMany(request, response, buckets.secondsUntilToken(client, capacity, period));
			return;
		}
		chain.doFilter(new AnonymousRequest(request), new CookielessResponse(response));
	}

	private int capacity(Kind kind) {
		return switch (kind) {
			case READ -> limits.readsPerClient();
			case WRITE -> limits.writesPerClient();
			case RECEIPT -> limits.receiptChecksPerClient();
		};
	}

	private static void tooMany(HttpServletRequest request, HttpServletResponse response, long retryAfter)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String message = "Too many requests from this connection. Please try again in " + retryAfter + " seconds.";
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(retryAfter));
		response.setHeader("Cache-Control", "no-store");
		String body;
		if (path.startsWith("/open311/") && path.endsWith(".json")) {
			response.setContentType("application/json; charset=utf-8");
			body = "[{\"code\":429,\"description\":\"" + message + "\"}]";
		}
		else if (path.startsWith("/open311/")) {
			response.setContentType("text/xml; charset=utf-8");
			body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>429</code><description>" + message
					+ "</description></error></errors>";
		}
		else if (path.startsWith("/api/")) {
			response.setContentType("application/problem+json; charset=utf-8");
			body = "{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"" + message + "\"}";
		}
		else {
			response.setContentType("text/plain; charset=utf-8");
			body = message;
		}
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	/** What a request costs: reads are cheap, receipt checks run a slow hash and guard a secret. */
	enum Kind {
		READ, WRITE, RECEIPT;

		static Kind of(HttpServletRequest request) {
			String method = request.getMethod();
			if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
				return READ;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/tips/receipt") ? RECEIPT : WRITE;
		}
	}
}
