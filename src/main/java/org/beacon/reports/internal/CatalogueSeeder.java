package org.beacon.reports.internal;

import org.beacon.agency.Agencies;
import org.beacon.agency.AgencyProperties;
import org.beacon.reports.ServiceCatalogue;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gives the default agency the default catalogue on start. It makes sure the agency exists first (the
 * same idempotent call the agency module makes), so the order in which modules start does not matter.
 */
@Component
class CatalogueSeeder implements SmartInitializingSingleton {

	private final Agencies agencies;
	private final AgencyProperties properties;
	private final ServiceCatalogue catalogue;

	CatalogueSeeder(Agencies agencies, AgencyProperties properties, ServiceCatalogue catalogue) {
		this.agencies = agencies;
		this.properties = properties;
		this.catalogue = catalogue;
	}

	@Override
	public void afterSingletonsInstantiated() {
		var agency = agencies.ensure(properties.code(), properties.name(), properties.timeZone(), properties.projection());
		catalogue.seedDefaults(agency.id());
	}
}
