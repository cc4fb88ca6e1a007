package org.beacon.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The response headers every Beacon page and API answer carries: a Content-Security-Policy that allows no
 * inline or foreign scripts (pages load their JavaScript from files under {@code /js} or {@code /webjars}),
 * inline styles (Leaflet sets them), images from this server, {@code data:} URLs, the sources named in
 * {@code beacon.security.image-sources} (default any HTTPS host) and the origin of the map's tile server
 * ({@code beacon.map.tile-url}, so an intranet {@code http://} tile server is not silently blocked), no framing
 * by anyone, {@code nosniff}, {@code strict-origin-when-cross-origin} referrers, and no camera or microphone.
 * <p>
 * Identity's own filter chains use it. A module that adds a chain of its own for public paths applies the
 * same headers with {@code http.headers(securityHeaders)}.
 */
@Component
public class SecurityHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

	/** The tile server the maps use when {@code beacon.map.tile-url} is not set (OpenStreetMap). */
	static final String DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

	private final String contentSecurityPolicy;

	SecurityHeaders(@Value("${beacon.security.image-sources:https:}") String imageSources,
			@Value("${beacon.map.tile-url:" + DEFAULT_TILE_URL + "}") String tileUrl) {
		this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
				+ "img-src " + imageSources(imageSources, tileUrl) + "; font-src 'self'; connect-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
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

	/**
	 * The img-src sources: {@code 'self' data:}, the configured ones, then the tile server's origin unless one
	 * of them already allows it (a scheme source such as {@code https:}, or the origin itself).
	 */
	static String imageSources(String configured, String tileUrl) {
		List<String> sources = new ArrayList<>(List.of("'self'", "data:"));
		for (String source : configured.trim().split("\\s+")) {
			if (!source.isEmpty() && !sources.contains(source)) {
				sources.add(source);
			}
		}
		String origin = tileOrigin(tileUrl);
		if (origin != null && !sources.contains(origin)
				&& !sources.contains(origin.substring(0, origin.indexOf(':') + 1))) {
			sources.add(origin);
		}
		return String.join(" ", sources);
	}

	/**
	 * The origin of a Leaflet tile URL template, as a CSP source: {@code http://tiles.example:8080} for
	 * {@code http://tiles.example:8080/{z}/{x}/{y}.png}; a subdomain placeholder becomes a wildcard
	 * ({@code https://{s}.tile.example/...} gives {@code https://*.tile.example}). Null for an empty URL (no
	 * tiles), a relative one (this server) or one that is not http(s).
	 */
	static String tileOrigin(String tileUrl) {
		if (tileUrl == null) {
			return null;
		}
		String url = tileUrl.trim();
		int schemeEnd = url.indexOf("://");
		if (schemeEnd <= 0) {
			return null;
		}
		String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		int hostStart = schemeEnd + 3;
		int end = url.length();
		for (int i = hostStart; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		String authority = url.substring(hostStart, end);
		authority = authority.substring(authority.lastIndexOf('@') + 1).replaceAll("\\{[^}]*}", "*")
				.toLowerCase(Locale.ROOT);
		if (authority.isEmpty() || !authority.matches("(\\*\\.)?[a-z0-9.\\-\\[\\]:]+")) {
			return null;
		}
		return scheme + "://" + authority;
	}
}
