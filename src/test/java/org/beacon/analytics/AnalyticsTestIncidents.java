package org.beacon.analytics;

import java.time.Instant;
import java.time.ZoneOffset;

import org.beacon.incidents.InMemoryIncidents;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.OffenseCategory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only stand-in for the incidents module while its implementation is not in this branch: a fixed list
 * of burglaries (St. Louis, downtown) in {@link InMemoryIncidents}, which filters them by UTC date and
 * category, streams them newest first and counts the streams. Imports are refused.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AnalyticsTestIncidents {

	@Bean
	@Primary
	Fake analyticsFakeIncidents() {
		return new Fake();
	}

	/** The four burglaries; {@link #streams()} counts {@code forEach} calls. */
	public static class Fake extends InMemoryIncidents {

		Fake() {
			super(ZoneOffset.UTC);
			// 3 at one corner, 1 about 1 km east; January 2024
			burglary("2024-01-03T18:00:00Z", 38.6270, -90.1994);
			burglary("2024-01-04T18:00:00Z", 38.6270, -90.1994);
			burglary("2024-01-10T18:00:00Z", 38.6271, -90.1993);
			burglary("2024-01-11T18:00:00Z", 38.6270, -90.1879);
		}

		private void burglary(String at, double lat, double lon) {
			add(new IncidentRow(size() + 1, "test", "t" + size(), Instant.parse(at), "50000", "BURGLARY",
					OffenseCategory.BURGLARY, "", lat, lon, 0, null));
		}
	}
}
