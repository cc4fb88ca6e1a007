package org.beacon.incidents;

import org.beacon.geography.Geography;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link FakeGeography} in front of any real geography bean, so incident tests know every area. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeGeographyConfiguration {

	@Bean
	@Primary
	Geography fakeGeography() {
		return new FakeGeography();
	}
}
