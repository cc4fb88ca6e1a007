package org.beacon.incidents.internal;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a local date-time by the first of a profile's patterns that fits, trying the one that fitted last
 * first (a file uses one format, so that is nearly always the only attempt). Patterns are built once.
 * {@code iso} stands for ISO-8601 date-times with or without an offset. A date alone means its start; a
 * year-month alone its first day.
 */
final class DateParser {

	/** A parsed value: local wall-clock time, and the offset when the text carried one. */
	record Parsed(LocalDateTime local, ZoneOffset offset) {
	}

	private final List<DateTimeFormatter> formatters = new ArrayList<>();
	/** Per formatter, its {@link NumericDatePattern} fast path or null. */
	private final List<NumericDatePattern> fastPaths = new ArrayList<>();
	private final List<String> patterns;
	private int last;

	DateParser(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
		for (String pattern : patterns) {
			if (pattern.equalsIgnoreCase("iso")) {
				formatters.add(DateTimeFormatter.ISO_DATE_TIME);
				formatters.add(DateTimeFormatter.ISO_LOCAL_DATE);
				fastPaths.add(null);
				fastPaths.add(null);
			}
			else {
				try {
					// strict: 2/30/2008 is an error, not the last day of February; era defaults to AD for yyyy
					formatters.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
							.parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.US)
							.withResolverStyle(ResolverStyle.STRICT));
					fastPaths.add(NumericDatePattern.of(pattern));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("'" + pattern + "' is not a date pattern: " + e.getMessage(), e);
				}
			}
		}
	}

	List<String> patterns() {
		return patterns;
	}

	/** @return null when no pattern fits */
	Parsed parse(String text) {
		NumericDatePattern fast = fastPaths.get(last);
		LocalDateTime local = fast == null ? null : fast.parse(text);
		return local != null ? new Parsed(local, null) : formatted(text);
	}

	/** {@link #parse} without the fast path: the formatters' answer. */
	Parsed formatted(String text) {
		Parsed parsed;
		try {
			// the pattern that fitted last nearly always fits again: parse once, pay for an exception rarely
			parsed = resolve(formatters.get(last).parse(text));
			if (parsed != null) {
				return parsed;
			}
		}
		catch (DateTimeException e) {
			// another pattern may fit
		}
		for (int i = 0; i < formatters.size(); i++) {
			if (i != last && (parsed = tryParse(formatters.get(i), text)) != null) {
				last = i;
				return parsed;
			}
		}
		return null;
	}

	private static Parsed tryParse(DateTimeFormatter formatter, String text) {
		ParsePosition position = new ParsePosition(0);
		// parseUnresolved reports a mismatch without the cost of an exception
		if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
			return null;
		}
		try {
			return resolve(formatter.parse(text));
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	private static Parsed resolve(TemporalAccessor t) {
		LocalDate date = t.query(TemporalQueries.localDate());
		if (date == null) {
			if (!t.isSupported(ChronoField.YEAR) || !t.isSupported(ChronoField.MONTH_OF_YEAR)) {
				return null;
			}
			date = LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR), 1);
		}
		LocalTime time = t.query(TemporalQueries.localTime());
		return new Parsed(date.atTime(time == null ? LocalTime.MIDNIGHT : time), t.query(TemporalQueries.offset()));
	}
}
