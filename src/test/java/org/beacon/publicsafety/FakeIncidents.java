package org.beacon.publicsafety;

import java.time.LocalDate;
import java.time.ZoneId;

import org.beacon.incidents.InMemoryIncidents;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.OffenseCategory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * This module's tests' incidents: {@link InMemoryIncidents} in St. Louis's zone, with rows made the way the
 * public map sees them (a block address, in Tower Grove South, at 13:15 local time).
 */
class FakeIncidents extends InMemoryIncidents {

	private static final ZoneId ZONE = ZoneId.of("America/Chicago");

	FakeIncidents() {
		super(ZONE);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		FakeIncidents fakeIncidents() {
			return new FakeIncidents();
		}
	}

	IncidentRow add(OffenseCategory category, String description, String address, double lat, double lon,
			LocalDate day) {
		return add(category, description, address, lat, lon, day, 3, "Tower Grove South");
	}

	IncidentRow add(OffenseCategory category, String description, String address, double lat, double lon,
			LocalDate day, long neighbourhoodId, String neighbourhood) {
		return add(new IncidentRow(size() + 1, "test", "S-" + size(), day.atTime(13, 15).atZone(ZONE).toInstant(), "0",
				description, category, address, lat, lon, neighbourhoodId, neighbourhood));
	}
}
