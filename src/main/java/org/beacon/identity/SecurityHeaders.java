package org.beacon.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The response headers every Beacon page and API answer carries: a Content-Security-Policy that allows no
 * inline or foreign scripts (pages load their JavaScript from files under {@code /js} or {@code /webjars}),
 * inline styles (Leaflet sets them), images from this server, {@code data:} URLs and the map tile hosts
 * ({@code beacon.security.image-sources}, default any HTTPS host), no framing by anyone, {@code nosniff},
 * {@code strict-origin-when-cross-origin} referrers, and no camera or microphone.
 * <p>
 * Identity's own filter chains use it. A module that adds a chain of its own for public paths applies the
 * same headers with {@code http.headers(securityHeaders)}.
 */
@Component
public class SecurityHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

	private final String contentSecurityPolicy;

	SecurityHeaders(@Value("${beacon.security.image-sources:https:}") String imageSources) {
		this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data: " + imageSources + "; font-src 'self'; connect-src 'self'; object-src 'none'; "
				+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	public String contentSecurityPolicy() {
		return contentSecurityPolicy;
	}

	@Override
	public void customize(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
				.frameOptions(frame -> frame.deny())
				.contentTypeOptions(Customizer.withDefaults())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self)"));
	}
}
