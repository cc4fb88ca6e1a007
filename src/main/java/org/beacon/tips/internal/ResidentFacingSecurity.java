package org.beacon.tips.internal;

import org.apache.catalina.valves.AbstractAccessLogValve;
import org.beacon.tips.AnonymousEdgePaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security for the resident-facing paths: everyone may use them, nobody is remembered. Stateless (no
 * session, no saved request, no saved security context, so no cookie), no CSRF tokens because nothing on
 * these paths acts on a cookie-authenticated session. Staff pages stay under the staff chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResidentFacingSecurity {

	/** The paths residents use without an account. */
	static final String[] PATHS = { "/open311/**", "/tips/**", "/api/tips/**" };

	/** The same paths as servlet URL patterns, for the edge filter. */
	static final String[] URL_PATTERNS = { "/open311/*", "/tips/*", "/api/tips/*" };

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(10)
	SecurityFilterChain residentFacingChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS)
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
				.csrf(csrf -> csrf.disable())
				.headers(headers -> headers
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	FilterRegistrationBean<AnonymousEdgeFilter> anonymousEdgeFilter(AnonymousEdgeProperties limits,
			ObjectProvider<AnonymousEdgePaths> morePaths) {
		var registration = new FilterRegistrationBean<>(new AnonymousEdgeFilter(limits, System::nanoTime));
		registration.addUrlPatterns(URL_PATTERNS);
		// other modules' resident pages (e.g. the web report form) join the same edge
		morePaths.orderedStream()
				.forEach(paths -> registration.addUrlPatterns(paths.urlPatterns().toArray(String[]::new)));
		// after character encoding, before Spring Security and anything else that might look at the client
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setName("anonymousEdgeFilter");
		return registration;
	}

	/** Makes the container's access log (when enabled) skip every request the edge filter marked. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ TomcatServletWebServerFactory.class, AbstractAccessLogValve.class })
	static class AccessLogExclusion {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> skipAnonymousInAccessLog() {
			return new AccessLogCustomizer();
		}
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	static final class AccessLogCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.getEngineValves().stream().filter(AbstractAccessLogValve.class::isInstance)
					.map(AbstractAccessLogValve.class::cast)
					.forEach(valve -> valve.setConditionUnless(AnonymousEdgeFilter.SKIP_ACCESS_LOG));
		}
	}
}
