package org.beacon.staffweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.ImportRejectedException;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentImports;
import org.beacon.incidents.IncidentQueries;
import org.beacon.incidents.IncidentRow;
import org.beacon.incidents.MonthlyCount;
import org.beacon.incidents.OffenseCategory;
import org.beacon.shared.AgencyId;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * Test-only stand-in for the incidents module: rows in memory, filtered in Java, local dates in
 * America/Chicago. Imports only the {@code stl-slmpd} shape, roughly (skips reversals and unfounded rows).
 */
public class FakeIncidents implements IncidentQueries, IncidentImports {

	public static final ZoneId ZONE = ZoneId.of("America/Chicago");

	private static final DateTimeFormatter STL_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");

	private final Geography geography;
	private final List<Stored> rows = new CopyOnWriteArrayList<>();
	private final AtomicLong ids = new AtomicLong();

	private record Stored(AgencyId agency, IncidentRow row) {
	}

	public FakeIncidents(Geography geography) {
		this.geography = geography;
	}

	public void add(AgencyId agency, IncidentRow row) {
		rows.add(new Stored(agency, row));
	}

	public void clear() {
		rows.clear();
	}

	@Override
	public ImportResult importFile(AgencyId agency, Path file, String profile, Map<String, String> columns,
			ImportProgress progress) {
		throw new UnsupportedOperationException("the staff pages import streams");
	}

	@Override
	public ImportResult importStream(AgencyId agency, InputStream in, String sourceName, long totalBytes,
			String profile, Map<String, String> columns, ImportProgress progress) {
		if (!profile.equals("stl-slmpd")) {
			throw new ImportRejectedException("the fake knows only stl-slmpd, not " + profile);
		}
		Map<String, Area> byCode = geography.areas(agency, AreaKind.NEIGHBOURHOOD).stream()
				.collect(Collectors.toMap(Area::code, a -> a, (a, b) -> a));
		long read = 0;
		long imported = 0;
		long rejected = 0;
		long reversed = 0;
		List<ImportResult.RowError> errors = new ArrayList<>();
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
				.ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (NamedCsvRecord record : csv) {
				read++;
				if (record.getField("Count").equals("-1")) {
					reversed++;
					continue;
				}
				if (record.getField("FlagUnfounded").equals("Y")) {
					rejected++;
					continue;
				}
				LocalDateTime occurred;
				try {
					occurred = LocalDateTime.parse(record.getField("DateOccur"), STL_TIME);
				}
				catch (RuntimeException e) {
					rejected++;
					errors.add(new ImportResult.RowError(sourceName, read + 1, "DateOccur", record.getField("DateOccur"),
							"must be M/d/yyyy H:mm"));
					continue;
				}
				int crime = Integer.parseInt(record.getField("Crime"));
				Area area = byCode.get(record.getField("Neighborhood"));
				String lat = record.getField("Latitude");
				String lon = record.getField("Longitude");
				add(agency, new IncidentRow(ids.incrementAndGet(), sourceName, record.getField("Complaint"),
						occurred.atZone(ZONE).toInstant(), record.getField("Crime"), record.getField("Description"),
						OffenseCategory.ofUcrClass(crime / 10000),
						(record.getField("ILEADSAddress") + " " + record.getField("ILEADSStreet")).trim(),
						lat.isEmpty() ? Double.NaN : Double.parseDouble(lat),
						lon.isEmpty() ? Double.NaN : Double.parseDouble(lon), area == null ? 0 : area.id(),
						area == null ? null : area.name()));
				imported++;
				if (read % 50 == 0) {
					progress.progressed(-1, totalBytes, read);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ImportResult(read, imported, 0, 0, rejected, reversed, errors);
	}

	@Override
	public Map<Long, Long> countsByArea(IncidentFilter filter, AreaKind kind) {
		return matching(filter).filter(r -> r.neighbourhoodId() != 0)
				.collect(Collectors.groupingBy(IncidentRow::neighbourhoodId, TreeMap::new, Collectors.counting()));
	}

	@Override
	public List<MonthlyCount> monthlyCounts(IncidentFilter filter) {
		TreeMap<YearMonth, Long> months = matching(filter)
				.collect(Collectors.groupingBy(r -> YearMonth.from(r.occurredAt().atZone(ZONE)), TreeMap::new,
						Collectors.counting()));
		List<MonthlyCount> result = new ArrayList<>();
		if (months.isEmpty()) {
			return result;
		}
		for (YearMonth m = months.firstKey(); !m.isAfter(months.lastKey()); m = m.plusMonths(1)) {
			result.add(new MonthlyCount(m, months.getOrDefault(m, 0L)));
		}
		return result;
	}

	@Override
	public List<IncidentRow> page(IncidentFilter filter, int offset, int limit) {
		return newestFirst(filter).skip(offset).limit(limit).toList();
	}

	@Override
	public long count(IncidentFilter filter) {
		return matching(filter).count();
	}

	@Override
	public void forEach(IncidentFilter filter, Consumer<IncidentRow> consumer) {
		newestFirst(filter).forEach(consumer);
	}

	private Stream<IncidentRow> newestFirst(IncidentFilter filter) {
		return matching(filter).sorted(Comparator.comparing(IncidentRow::occurredAt).reversed()
				.thenComparing(Comparator.comparingLong(IncidentRow::id).reversed()));
	}

	private Stream<IncidentRow> matching(IncidentFilter filter) {
		return rows.stream().filter(s -> s.agency().equals(filter.agency())).map(Stored::row).filter(r -> {
			LocalDate day = r.occurredAt().atZone(ZONE).toLocalDate();
			return (filter.from() == null || !day.isBefore(filter.from()))
					&& (filter.to() == null || !day.isAfter(filter.to()))
					&& (filter.categories().isEmpty() || filter.categories().contains(r.category()));
		});
	}
}
