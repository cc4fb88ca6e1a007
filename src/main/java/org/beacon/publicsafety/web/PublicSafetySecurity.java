package org.beacon.publicsafety.web;

import org.beacon.identity.SecurityHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;

/**
 * The public map, its exports and resident alerts are for everyone: stateless (no session, no cookie, no
 * saved request), Beacon's security headers, no CSRF token because nothing here acts on a cookie. Only the
 * alert forms accept POST; anonymous requests are rate-limited per client by {@link PublicRateLimit}, chosen by
 * {@link PublicLimits}, on these paths and on the overdose notices.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicSafetySecurity {

	static final String[] PATHS = { "/public/map", "/public/map/**", "/public/incidents.csv",
			"/public/incidents.geojson", "/public/incidents.atom", "/public/alerts", "/public/alerts/**" };

	@Bean
	@Order(15)
	SecurityFilterChain publicSafetyChain(HttpSecurity http, SecurityHeaders headers) throws Exception {
		return http.securityMatcher(PATHS)
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).permitAll()
						.requestMatchers(HttpMethod.HEAD).permitAll()
						.requestMatchers(HttpMethod.POST, "/public/alerts", "/public/alerts/**").permitAll()
						.anyRequest().denyAll())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
				.csrf(csrf -> csrf.disable())
				.headers(headers)
				.build();
	}

	/**
	 * Every public path this module serves, and the overdose notices ({@code /public/notices...}), whose module
	 * has no limiter of its own: all anonymous reads of {@code /public} count against one limit per address.
	 */
	static final String[] LIMITED_URL_PATTERNS = { "/public/map", "/public/map/*", "/public/incidents.csv",
			"/public/incidents.geojson", "/public/incidents.atom", "/public/alerts", "/public/alerts/*",
			"/public/notices", "/public/notices/*", "/public/notices.atom" };

	/**
	 * {@code beacon.public.reads-per-minute} GETs and {@code beacon.public.writes-per-hour} subscriptions per
	 * address; confirm and unsubscribe POSTs with a token count against {@code beacon.public.token-posts-per-hour}
	 * instead ({@link PublicLimits}).
	 */
	@Bean
	FilterRegistrationBean<PublicLimits> publicRateLimit(
			@Value("${beacon.public.reads-per-minute:120}") int reads,
			@Value("${beacon.public.writes-per-hour:20}") int writes,
			@Value("${beacon.public.token-posts-per-hour:1000}") int tokenPosts) {
		var limits = new PublicLimits(new PublicRateLimit(reads, writes, System::nanoTime),
				new PublicRateLimit(reads, tokenPosts, System::nanoTime));
		var registration = new FilterRegistrationBean<>(limits);
		registration.addUrlPatterns(LIMITED_URL_PATTERNS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		registration.setName("publicSafetyRateLimit");
		return registration;
	}
}
