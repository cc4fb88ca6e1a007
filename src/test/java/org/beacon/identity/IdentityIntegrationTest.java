package org.beacon.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The whole application with MockMvc, a hand-moved clock and a known first administrator password. All
 * classes carrying it share one application context and therefore one database: tests create accounts
 * with names of their own ({@link IdentityFixtures#uniqueName}) and never assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "beacon.admin.password=" + IdentityIntegrationTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
@Import(IdentityIntegrationTest.Clocks.class)
public @interface IdentityIntegrationTest {

	String ADMIN_PASSWORD = "first-start-admin-password";

	@TestConfiguration(proxyBeanMethods = false)
	class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2030-01-01T08:00:00Z"));
		}
	}
}
