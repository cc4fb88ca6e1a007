package org.beacon.overdose.web;

import org.beacon.identity.SecurityHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;

/**
 * The public notices are for everyone: read-only, stateless (no session, no cookie, no saved request), with
 * the same security headers as every Beacon page. Anything but GET is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicNoticesSecurity {

	@Bean
	@Order(20)
	SecurityFilterChain publicNoticesChain(HttpSecurity http, SecurityHeaders headers) throws Exception {
		return http.securityMatcher("/public/notices", "/public/notices/**", "/public/notices.atom")
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).permitAll()
						.requestMatchers(HttpMethod.HEAD).permitAll().anyRequest().denyAll())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
				.csrf(csrf -> csrf.disable())
				.headers(headers)
				.build();
	}
}
