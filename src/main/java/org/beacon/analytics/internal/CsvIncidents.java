package org.beacon.analytics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.beacon.incidents.OffenseCategory;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * Reads incidents straight from a CSV file (plain or {@code .gz}) for analysis without importing it.
 *
 * <p>Profile {@code stl-slmpd} reads the harmonized St. Louis columns: {@code DateOccur} (local
 * {@code MM/dd/yyyy HH:mm}), {@code Latitude}, {@code Longitude}, {@code Crime} (UCR class = Crime div 10000),
 * {@code Neighborhood} (the city's neighbourhood number, kept as the neighbourhood id), {@code Count} (rows with Count below 1, the reversal records, are skipped) and {@code FlagUnfounded} (Y
 * skipped). A reversal does not remove its original row here, unlike an import; the difference is the
 * reversed share of the data (small). Profile {@code generic} takes {@code columns}: {@code time=}, {@code lat=},
 * {@code lon=} and optionally {@code category=} (an {@link OffenseCategory} name or UCR class number; without
 * it every row is {@code OTHER}). Rows with unreadable time or coordinates, or coordinates 0, are skipped and
 * counted.
 */
public final class CsvIncidents {

	/** What reading skipped. */
	public record Skipped(long rows, long unreadable, long filteredOut) {
	}

	private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
			DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]", Locale.ROOT),
			DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]", Locale.ROOT));

	private CsvIncidents() {
	}

	/**
	 * Reads the file into {@code columns}, keeping incidents on local dates {@code [from, to]} (either null for
	 * open) whose category is in {@code categories} (empty for all).
	 *
	 * @throws IllegalArgumentException for an unknown profile or a missing column
	 */
	public static Skipped read(Path file, String profile, Map<String, String> columnNames, ZoneId zone, LocalDate from,
			LocalDate to, Set<OffenseCategory> categories, FrameColumns columns) {
		boolean stl = "stl-slmpd".equals(profile);
		if (!stl && !"generic".equals(profile)) {
			throw new IllegalArgumentException("profile must be stl-slmpd or generic (with --columns), was '" + profile + "'");
		}
		String time = stl ? "DateOccur" : require(columnNames, "time");
		String lat = stl ? "Latitude" : require(columnNames, "lat");
		String lon = stl ? "Longitude" : require(columnNames, "lon");
		String category = stl ? "Crime" : columnNames.get("category");
		Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
		long rows = 0, unreadable = 0, filtered = 0;
		try (Reader reader = open(file);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().detectBomHeader(true).allowMissingFields(true)
						.allowExtraFields(true).ofNamedCsvRecord(reader)) {
			boolean checked = false;
			for (NamedCsvRecord r : csv) {
				if (!checked) {
					for (String c : category == null ? List.of(time, lat, lon) : List.of(time, lat, lon, category)) {
						if (!r.getHeader().contains(c)) {
							throw new IllegalArgumentException(file.getFileName() + ": no column '" + c + "'");
						}
					}
					checked = true;
				}
				rows++;
				if (stl && (!"1".equals(r.getField("Count").trim()) || "Y".equals(r.getField("FlagUnfounded").trim()))) {
					filtered++;
					continue;
				}
				Instant at = instant(r.getField(time), zone);
				double la = number(r.getField(lat));
				double lo = number(r.getField(lon));
				OffenseCategory cat = category == null ? OffenseCategory.OTHER : category(r.getField(category), stl);
				if (at == null || cat == null || !(Math.abs(la) > 0) || !(Math.abs(lo) > 0) || Math.abs(la) > 90
						|| Math.abs(lo) > 180) {
					unreadable++;
					continue;
				}
				if (start != null && at.isBefore(start) || end != null && !at.isBefore(end)
						|| !categories.isEmpty() && !categories.contains(cat)) {
					filtered++;
					continue;
				}
				columns.add(at.getEpochSecond(), la, lo, cat.ordinal(), stl ? (long) Math.max(0, number(r.getField("Neighborhood"))) : 0);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + ": " + e.getMessage(), e);
		}
		return new Skipped(rows, unreadable, filtered);
	}

	private static String require(Map<String, String> columns, String key) {
		String v = columns.get(key);
		if (v == null || v.isBlank()) {
			throw new IllegalArgumentException("--columns needs " + key + "=COLUMN");
		}
		return v;
	}

	private static Reader open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		if (file.getFileName().toString().endsWith(".gz")) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

	/** A time with an offset, or a local date-time or date in {@code zone}; null if unreadable. */
	static Instant instant(String text, ZoneId zone) {
		String s = text.trim();
		if (s.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException e) {
			// not offset time; try local forms
		}
		for (DateTimeFormatter f : LOCAL_TIMES) {
			try {
				return LocalDateTime.parse(s, f).atZone(zone).toInstant();
			}
			catch (DateTimeParseException e) {
				// next form
			}
		}
		try {
			return LocalDate.parse(s).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static double number(String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	private static OffenseCategory category(String text, boolean stl) {
		String s = text.trim();
		try {
			int code = Integer.parseInt(s);
			int ucr = stl ? code / 10_000 : code;
			return ucr >= 1 && ucr <= 26 ? OffenseCategory.ofUcrClass(ucr) : null;
		}
		catch (NumberFormatException e) {
			try {
				return OffenseCategory.valueOf(s.toUpperCase(Locale.ROOT).replace(' ', '_'));
			}
			catch (IllegalArgumentException unknown) {
				return null;
			}
		}
	}
}
