package org.beacon.analytics;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.beacon.geography.AreaKind;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentImports;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.MonthlyCount;
import org.beacon.incidents.OffenseCategory;
import org.beacon.shared.AgencyId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only stand-in for the incidents module while its implementation is not in this branch: a fixed list
 * of burglaries (St. Louis, downtown) that {@code forEach} streams, counting the calls. Imports are refused.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AnalyticsTestIncidents {

	@Bean
	@Primary
	Fake analyticsFakeIncidents() {
		return new Fake();
	}

	/** The fake; {@link #streams()} counts {@code forEach} calls. */
	public static class Fake implements IncidentQueries, IncidentImports {

		private final List<IncidentRow> rows = new ArrayList<>();
		private final AtomicInteger streams = new AtomicInteger();

		Fake() {
			// 3 at one corner, 1 about 1 km east; January 2024
			add("2024-01-03T18:00:00Z", 38.6270, -90.1994);
			add("2024-01-04T18:00:00Z", 38.6270, -90.1994);
			add("2024-01-10T18:00:00Z", 38.6271, -90.1993);
			add("2024-01-11T18:00:00Z", 38.6270, -90.1879);
		}

		private void add(String at, double lat, double lon) {
			rows.add(new IncidentRow(rows.size() + 1, "test", "t" + rows.size(), Instant.parse(at), "50000", "BURGLARY",
					OffenseCategory.BURGLARY, "", lat, lon, 0, null));
		}

		public int streams() {
			return streams.get();
		}

		@Override
		public void forEach(IncidentFilter filter, Consumer<IncidentRow> consumer) {
			streams.incrementAndGet();
			rows.stream().filter(r -> filter.categories().isEmpty() || filter.categories().contains(r.category()))
					.forEach(consumer);
		}

		@Override
		public Map<Long, Long> countsByArea(IncidentFilter filter, AreaKind kind) {
			return Map.of();
		}

		@Override
		public List<MonthlyCount> monthlyCounts(IncidentFilter filter) {
			return List.of();
		}

		@Override
		public List<IncidentRow> page(IncidentFilter filter, int offset, int limit) {
			return List.of();
		}

		@Override
		public long count(IncidentFilter filter) {
			return rows.size();
		}

		@Override
		public ImportResult importFile(AgencyId agency, Path file, String profile, Map<String, String> columns,
				ImportProgress progress) {
			throw new UnsupportedOperationException("test fake");
		}

		@Override
		public ImportResult importStream(AgencyId agency, InputStream in, String sourceName, long totalBytes,
				String profile, Map<String, String> columns, ImportProgress progress) {
			throw new UnsupportedOperationException("test fake");
		}
	}
}
