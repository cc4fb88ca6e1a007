package org.beacon.incidents;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.beacon.geography.AreaKind;
import org.beacon.shared.AgencyId;

/**
 * Incidents in a list, for the tests of modules that read incidents without importing them. Queries keep the
 * {@link IncidentQueries} contract over the rows a test adds: local dates {@code [from, to]} in {@link #zone()},
 * categories, newest first (any agency: a test's rows are its own). Counts by area and by month are empty.
 * Imports are refused; being an {@link IncidentImports} lets a context start with this in place of the module.
 */
public class InMemoryIncidents implements IncidentQueries, IncidentImports {

	private final ZoneId zone;
	private final List<IncidentRow> rows = new CopyOnWriteArrayList<>();
	private final AtomicInteger streams = new AtomicInteger();

	public InMemoryIncidents(ZoneId zone) {
		this.zone = zone;
	}

	/** Adds {@code row} as stored; {@link #size()} + 1 is a free id for it. */
	public IncidentRow add(IncidentRow row) {
		rows.add(row);
		return row;
	}

	public int size() {
		return rows.size();
	}

	public void clear() {
		rows.clear();
	}

	/** The zone whose local dates the filters mean. */
	public ZoneId zone() {
		return zone;
	}

	/** How many times {@link #forEach} has streamed, for tests of caches in front of it. */
	public int streams() {
		return streams.get();
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
		List<IncidentRow> matching = matching(filter);
		return matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
	}

	@Override
	public long count(IncidentFilter filter) {
		return matching(filter).size();
	}

	@Override
	public void forEach(IncidentFilter filter, Consumer<IncidentRow> consumer) {
		streams.incrementAndGet();
		matching(filter).forEach(consumer);
	}

	@Override
	public ImportResult importFile(AgencyId agency, Path file, String profile, Map<String, String> columns,
			ImportProgress progress) {
		throw new UnsupportedOperationException("in-memory incidents for tests do not import");
	}

	@Override
	public ImportResult importStream(AgencyId agency, InputStream in, String sourceName, long totalBytes,
			String profile, Map<String, String> columns, ImportProgress progress) {
		throw new UnsupportedOperationException("in-memory incidents for tests do not import");
	}

	private List<IncidentRow> matching(IncidentFilter filter) {
		return rows.stream().filter(row -> within(filter, row.occurredAt().atZone(zone).toLocalDate()))
				.filter(row -> filter.categories().isEmpty() || filter.categories().contains(row.category()))
				.sorted(Comparator.comparing(IncidentRow::occurredAt).reversed()).toList();
	}

	private static boolean within(IncidentFilter filter, LocalDate day) {
		return (filter.from() == null || !day.isBefore(filter.from())) && (filter.to() == null || !day.isAfter(filter.to()));
	}
}
