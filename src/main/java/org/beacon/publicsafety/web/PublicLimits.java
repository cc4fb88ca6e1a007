package org.beacon.publicsafety.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Chooses the limit a public request counts against. A POST to confirm or end alerts that carries its token
 * ({@link #TOKEN_PATHS}) is sent by the resident's own click or, for RFC 8058 one-click unsubscribe, by their
 * mailbox provider's servers, which send the unsubscribes of many residents from one address: the token is the
 * credential, so those POSTs count against their own generous limit (against guessing tokens), not the
 * per-address limit on subscriptions. Everything else counts against {@code general}.
 */
class PublicLimits extends OncePerRequestFilter {

	/** The paths whose POSTs act on the subscription the token names. */
	static final java.util.Set<String> TOKEN_PATHS = java.util.Set.of("/public/alerts/confirm",
			"/public/alerts/unsubscribe");

	private final PublicRateLimit general;
	private final PublicRateLimit tokenPosts;

	PublicLimits(PublicRateLimit general, PublicRateLimit tokenPosts) {
		this.general = general;
		this.tokenPosts = tokenPosts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		(tokenPost(request) ? tokenPosts : general).doFilter(request, response, chain);
	}

	static boolean tokenPost(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!TOKEN_PATHS.contains(path)) {
			return false;
		}
		String token = request.getParameter("token");
		return token != null && !token.isBlank();
	}
}
