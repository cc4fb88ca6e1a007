package org.beacon.agency.internal;

import org.beacon.agency.Agencies;
import org.beacon.agency.AgencyProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes sure the configured default agency exists before anything asks for it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgencyProperties.class)
class DefaultAgencyInitializer implements SmartInitializingSingleton {

	private final Agencies agencies;
	private final AgencyProperties properties;

	DefaultAgencyInitializer(Agencies agencies, AgencyProperties properties) {
		this.agencies = agencies;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		agencies.ensure(properties.code(), properties.name(), properties.timeZone(), properties.projection());
	}
}
