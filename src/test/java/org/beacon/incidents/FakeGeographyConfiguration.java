package org.beacon.incidents;

import org.beacon.geography.Geography;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link FakeGeography}'s fixed areas in front of the geography module for incident tests. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeGeographyConfiguration {

	@Bean
	@Primary
	Geography fakeGeography(ObjectProvider<Geography> all) {
		return new FakeGeography(all);
	}
}
