package org.beacon.publicsafety.web;

import org.beacon.identity.SecurityHeaders;
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
 * alert forms accept POST; anonymous requests are rate-limited per client by {@link PublicRateLimit}.
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

	@Bean
	FilterRegistrationBean<PublicRateLimit> publicRateLimit(
			@org.springframework.beans.factory.annotation.Value("${beacon.public.reads-per-minute:120}") int reads,
			@org.springframework.beans.factory.annotation.Value("${beacon.public.writes-per-hour:20}") int writes) {
		var registration = new FilterRegistrationBean<>(new PublicRateLimit(reads, writes, System::nanoTime));
		registration.addUrlPatterns("/public/map", "/public/map/*", "/public/incidents.csv", "/public/incidents.geojson",
				"/public/incidents.atom", "/public/alerts", "/public/alerts/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		registration.setName("publicSafetyRateLimit");
		return registration;
	}
}
