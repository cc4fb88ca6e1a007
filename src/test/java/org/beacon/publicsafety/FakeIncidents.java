package org.beacon.publicsafety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.beacon.geography.AreaKind;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentImports;
import org.beacon.incidents.IncidentQueries;
import org.beacon.shared.AgencyId;
import java.io.InputStream;
import java.nio.file.Path;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.MonthlyCount;
import org.beacon.incidents.OffenseCategory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A small in-memory {@link IncidentQueries} for this module's tests, until the real one is on this branch. It is
 * also an {@link IncidentImports} that refuses, so that a context without the incidents module starts.
 */
class FakeIncidents implements IncidentQueries, IncidentImports {

	static final ZoneId ZONE = ZoneId.of("America/Chicago");

	final List<IncidentRow> rows = new CopyOnWriteArrayList<>();

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
		IncidentRow row = new IncidentRow(rows.size() + 1, "test", "S-" + rows.size(), day.atTime(13, 15).atZone(ZONE)
				.toInstant(), "0", description, category, address, lat, lon, 3, "Tower Grove South");
		rows.add(row);
		return row;
	}

	private List<IncidentRow> matching(IncidentFilter f) {
		List<IncidentRow> out = new ArrayList<>();
		for (IncidentRow r : rows) {
			LocalDate d = r.occurredAt().atZone(ZONE).toLocalDate();
			if ((f.from() == null || !d.isBefore(f.from())) && (f.to() == null || !d.isAfter(f.to()))
					&& (f.categories().isEmpty() || f.categories().contains(r.category()))) {
				out.add(r);
			}
		}
		out.sort(Comparator.comparing(IncidentRow::occurredAt).reversed());
		return out;
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
		List<IncidentRow> m = matching(filter);
		return m.subList(Math.min(offset, m.size()), Math.min(offset + limit, m.size()));
	}

	@Override
	public long count(IncidentFilter filter) {
		return matching(filter).size();
	}

	@Override
	public void forEach(IncidentFilter filter, Consumer<IncidentRow> consumer) {
		matching(filter).forEach(consumer);
	}

	@Override
	public ImportResult importFile(AgencyId agency, Path file, String profile, Map<String, String> columns,
			ImportProgress progress) {
		throw new UnsupportedOperationException("the public safety tests do not import");
	}

	@Override
	public ImportResult importStream(AgencyId agency, InputStream in, String sourceName, long totalBytes,
			String profile, Map<String, String> columns, ImportProgress progress) {
		throw new UnsupportedOperationException("the public safety tests do not import");
	}

	static Instant at(LocalDate day) {
		return day.atTime(12, 0).atZone(ZONE).toInstant();
	}
}
