package org.beacon.reports.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.identity.SecurityHeaders;
import org.beacon.reports.internal.FormTokens;
import org.beacon.tips.AnonymousEdgePaths;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The resident report pages ({@code /report/**}) are for everyone and remember nobody: stateless, no cookie,
 * Beacon's security headers. Their form still carries a CSRF token, one that needs no session: signed by
 * {@link FormTokens}. The paths go behind the anonymous edge of the tips module (declared with
 * {@link AnonymousEdgePaths}), so reports filed here get the same per-client and per-node write limits as Open311 and
 * tips, and the same promise that no address, user agent or cookie is seen or logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResidentReportSecurity {

	static final String CSRF_PARAMETER = "_csrf";

	@Bean
	@Order(12)
	SecurityFilterChain residentReportChain(HttpSecurity http, SecurityHeaders headers, FormTokens tokens)
			throws Exception {
		return http.securityMatcher("/report", "/report/**")
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).permitAll()
						.requestMatchers(HttpMethod.HEAD).permitAll()
						.requestMatchers(HttpMethod.POST, "/report").permitAll()
						.anyRequest().denyAll())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
				.csrf(csrf -> csrf.csrfTokenRepository(new SignedCsrfTokens(tokens))
						.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
				.exceptionHandling(e -> e.accessDeniedHandler(ResidentReportSecurity::expiredForm))
				.headers(headers)
				.build();
	}

	/** Puts {@code /report/*} behind the tips module's anonymous edge. */
	@Bean
	AnonymousEdgePaths reportPagesBehindAnonymousEdge() {
		return new AnonymousEdgePaths(List.of("/report/*"));
	}

	private static void expiredForm(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException e) throws java.io.IOException {
		response.setStatus(403);
		response.setContentType("text/plain; charset=utf-8");
		response.getOutputStream().write(("_csrf: the form is missing its token, has expired (after "
				+ FormTokens.LIFETIME.toHours() + " hours) or did not come from this site. Please open the report form "
				+ "again; nothing was sent.").getBytes(StandardCharsets.UTF_8));
	}

	/** Spring Security's CSRF check backed by signed tokens instead of a session. */
	static final class SignedCsrfTokens implements CsrfTokenRepository {

		private final FormTokens tokens;

		SignedCsrfTokens(FormTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public CsrfToken generateToken(HttpServletRequest request) {
			return new DefaultCsrfToken("X-CSRF-TOKEN", CSRF_PARAMETER, tokens.issue());
		}

		@Override
		public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
			// nothing to keep: the token carries its own proof
		}

		/** The token the form sent back, when it is one Beacon signed and still fresh; else none. */
		@Override
		public CsrfToken loadToken(HttpServletRequest request) {
			String sent = request.getParameter(CSRF_PARAMETER);
			return tokens.valid(sent) ? new DefaultCsrfToken("X-CSRF-TOKEN", CSRF_PARAMETER, sent) : null;
		}
	}
}
