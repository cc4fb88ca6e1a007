package org.beacon.identity.internal;

import org.beacon.identity.SecurityHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Who may see what, for staff. Two chains share one account store and one lockout:
 * <ul>
 * <li>{@code /api/**}: stateless HTTP Basic. No session, no cookie, so no CSRF token either.</li>
 * <li>everything else: the login form at {@code /login}, a session that ends after 30 idle minutes
 * ({@code server.servlet.session.timeout}), logout by POST, CSRF tokens on every form; static files,
 * {@code /login} and {@code /error} are public, {@code /admin/**} needs {@code ADMIN}, the rest any
 * signed-in staff member.</li>
 * </ul>
 * Both chains send the {@link SecurityHeaders}: a Content-Security-Policy without inline scripts (pages load
 * their JavaScript from files), no framing, {@code nosniff}, and {@code strict-origin-when-cross-origin}.
 * <p>
 * These chains sit at the end ({@link #WEB_ORDER}, {@link #API_ORDER}) and the browser chain matches every
 * request, so another module can open paths of its own to the public, e.g. Open311 under
 * {@code /open311/**}, with a {@code SecurityFilterChain} bean that has a {@code securityMatcher} for those
 * paths and a smaller {@code @Order}, such as {@code @Order(Ordered.HIGHEST_PRECEDENCE + 100)}, applying
 * the same headers with {@code http.headers(securityHeaders)}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

	/** The browser chain: last, because it matches everything. */
	static final int WEB_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	/** The API chain: just before the browser chain. */
	static final int API_ORDER = Ordered.LOWEST_PRECEDENCE - 20;

	private static final String[] PUBLIC_PATHS = { "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/login",
			"/error" };

	private final SecurityHeaders headers;

	SecurityConfiguration(SecurityHeaders headers) {
		this.headers = headers;
	}

	@Bean
	@Order(API_ORDER)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			StaffUserDetailsService users) throws Exception {
		return http.securityMatcher("/api/**")
				.authenticationManager(authenticationManager)
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.httpBasic(basic -> basic.realmName("Beacon"))
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable())
				.requestCache(cache -> cache.disable())
				.headers(headers)
				.addFilterBefore(StaffSessionFilter.forApi(users), AuthorizationFilter.class)
				.build();
	}

	@Bean
	@Order(WEB_ORDER)
	SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			StaffUserDetailsService users) throws Exception {
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		return http.authenticationManager(authenticationManager)
				.securityContext(context -> context.securityContextRepository(contexts))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(PUBLIC_PATHS).permitAll()
						.requestMatchers("/admin/**").hasRole("ADMIN")
						.anyRequest().authenticated())
				.formLogin(form -> form.loginPage("/login").failureUrl("/login?error").successHandler(afterLogin()))
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
				.headers(headers)
				.addFilterBefore(StaffSessionFilter.forSessions(users, contexts), AuthorizationFilter.class)
				.build();
	}

	/** Straight to the password form when the password is temporary; else where the user was going. */
	private static AuthenticationSuccessHandler afterLogin() {
		var savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof StaffPrincipal staff && staff.mustChangePassword()) {
				response.sendRedirect(request.getContextPath() + StaffSessionFilter.PASSWORD_PAGE);
			}
			else {
				savedRequest.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}
}
