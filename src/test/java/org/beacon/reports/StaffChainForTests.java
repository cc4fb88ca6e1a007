package org.beacon.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.beacon.identity.AuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Stands in for the identity module's staff chain in this module's tests: staff paths need a signed-in
 * user (anonymous visitors are sent to the login page), CSRF protection on. Also records audit entries so
 * tests can see them; {@code @Primary} so it wins over identity's trail in these tests once both exist.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StaffChainForTests {

	@Bean
	@Order(50)
	SecurityFilterChain staffChainForTests(HttpSecurity http) throws Exception {
		http.securityMatcher("/staff/**")
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
		return http.build();
	}

	@Bean
	@Primary
	RecordingAuditTrail recordingAuditTrail() {
		return new RecordingAuditTrail();
	}

	/** Keeps audit entries in memory as "action target outcome". */
	public static class RecordingAuditTrail implements AuditTrail {

		private final List<String> entries = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void record(String action, String target, String outcome) {
			entries.add(action + " " + target + " " + outcome);
		}

		@Override
		public void record(String actor, String sourceAddress, String action, String target, String outcome) {
			entries.add(action + " " + target + " " + outcome);
		}

		@Override
		public AuditVerification verify() {
			return new AuditVerification(entries.size(), 0, null);
		}

		public List<String> entries() {
			return List.copyOf(entries);
		}
	}
}
