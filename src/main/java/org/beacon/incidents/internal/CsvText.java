package org.beacon.incidents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes values in PostgreSQL's COPY CSV format: null is nothing, an empty string is {@code ""}. Dates,
 * instants and degrees are written digit by digit: this runs for every imported row, and the general
 * formatters ({@code Instant.toString}, {@code Double.toString}) were a third of the reader thread's time.
 */
final class CsvText {

	/** Degrees are stored to 7 decimals (about 1 cm), see {@link #roundDegrees}. */
	private static final long DEGREE_SCALE = 10_000_000L;
	private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
	private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

	private CsvText() {
	}

	static StringBuilder text(StringBuilder csv, String value) {
		if (value == null) {
			return csv;
		}
		if (value.isEmpty()) {
			return csv.append("\"\"");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
				return quote(csv, value);
			}
		}
		return csv.append(value);
	}

	static String quoted(String value) {
		return text(new StringBuilder(), value).toString();
	}

	/** {@code 2014-08-22T23:00:00Z}; fractions of a second and years outside 0..9999 as {@link Instant#toString}. */
	static StringBuilder instant(StringBuilder csv, Instant instant) {
		if (instant.getNano() != 0 || instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() > LAST_SECOND) {
			return csv.append(instant);
		}
		LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
		date(csv, t.toLocalDate()).append('T');
		two(csv, t.getHour()).append(':');
		two(csv, t.getMinute()).append(':');
		return two(csv, t.getSecond()).append('Z');
	}

	/** {@code 2014-08-22}; years outside 0..9999 as {@link LocalDate#toString}. */
	static StringBuilder date(StringBuilder csv, LocalDate date) {
		int year = date.getYear();
		if (year < 0 || year > 9999) {
			return csv.append(date);
		}
		csv.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
				.append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10)).append('-');
		two(csv, date.getMonthValue()).append('-');
		return two(csv, date.getDayOfMonth());
	}

	/** Degrees already rounded by {@link #roundDegrees}, with 7 decimals: {@code -90.2248300}. */
	static StringBuilder degrees(StringBuilder csv, double degrees) {
		long scaled = Math.round(degrees * DEGREE_SCALE);
		if (scaled < 0) {
			csv.append('-');
			scaled = -scaled;
		}
		csv.append(scaled / DEGREE_SCALE).append('.');
		String fraction = Long.toString(scaled % DEGREE_SCALE);
		for (int i = fraction.length(); i < 7; i++) {
			csv.append('0');
		}
		return csv.append(fraction);
	}

	/** The nearest multiple of 10⁻⁷ degrees, which {@link #degrees} writes exactly and the database reads back the same. */
	static double roundDegrees(double degrees) {
		return Math.round(degrees * DEGREE_SCALE) / (double) DEGREE_SCALE;
	}

	private static StringBuilder two(StringBuilder csv, int value) {
		return csv.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private static StringBuilder quote(StringBuilder csv, String value) {
		csv.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		return csv.append('"');
	}
}
