package org.beacon.identity.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are checked: one {@link AuthenticationManager} for the login form and HTTP Basic alike,
 * publishing Spring Security's success and failure events, on which lockout and auditing hang
 * ({@link LoginEvents}).
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	/**
	 * Spring Security's delegating encoder: new hashes are BCrypt (cost 10, prefixed {@code {bcrypt}}), and
	 * a stored hash in any other supported format still verifies and is re-encoded at the next login. Argon2id
	 * would be the first choice, but Spring's Argon2 encoder needs BouncyCastle, which Beacon does not ship;
	 * the prefix lets a later release switch the default without invalidating any password.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events) {
		var provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setUserDetailsPasswordService(users);
		var manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}
}
