package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.beacon.overdose.ImportProblem;

import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * Reads the fields of one CSV row and notes each broken rule as an {@link ImportProblem} with the line,
 * column and value. Methods return {@code null} for a broken rule; {@link #ok()} says whether the row is
 * still good.
 */
final class RowCheck {

	private final NamedCsvRecord row;
	private final List<ImportProblem> problems;
	private boolean ok = true;

	RowCheck(NamedCsvRecord row, List<ImportProblem> problems) {
		this.row = row;
		this.problems = problems;
	}

	boolean ok() {
		return ok;
	}

	long line() {
		return row.getStartingLineNumber();
	}

	/** The trimmed field; empty for a missing one. */
	String text(String column) {
		return row.findField(column).map(String::trim).orElse("");
	}

	String required(String column) {
		String value = text(column);
		if (value.isEmpty()) {
			fail(column, value, "is required");
			return null;
		}
		return value;
	}

	LocalDate date(String column, DateTimeFormatter format, String shape) {
		String value = required(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value, format);
		}
		catch (DateTimeParseException e) {
			fail(column, value, "must be a date " + shape);
			return null;
		}
	}

	LocalTime time(String column, DateTimeFormatter format, String shape) {
		String value = required(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalTime.parse(value, format);
		}
		catch (DateTimeParseException e) {
			fail(column, value, "must be a time " + shape);
			return null;
		}
	}

	Double number(String column, double min, double max) {
		String value = required(column);
		if (value == null) {
			return null;
		}
		try {
			double d = Double.parseDouble(value);
			if (d >= min && d <= max) {
				return d;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		fail(column, value, "must be a number from " + fmt(min) + " to " + fmt(max));
		return null;
	}

	/**
	 * One of the allowed words, case-insensitive: {@code yes} means true, {@code no} false, {@code unknown}
	 * null. Returns {@code false} as a stand-in after a broken rule; check {@link #ok()}.
	 */
	Boolean flag(String column, List<String> yes, List<String> no, List<String> unknown) {
		String value = text(column);
		for (String y : yes) {
			if (y.equalsIgnoreCase(value)) {
				return Boolean.TRUE;
			}
		}
		for (String n : no) {
			if (n.equalsIgnoreCase(value)) {
				return Boolean.FALSE;
			}
		}
		for (String u : unknown) {
			if (u.equalsIgnoreCase(value)) {
				return null;
			}
		}
		fail(column, value, "must be one of " + String.join(", ", quoted(yes, no, unknown)));
		return Boolean.FALSE;
	}

	void fail(String column, String value, String rule) {
		problems.add(new ImportProblem(line(), column, value, rule));
		ok = false;
	}

	private static List<String> quoted(List<String> yes, List<String> no, List<String> unknown) {
		return java.util.stream.Stream.of(yes, no, unknown).flatMap(List::stream)
				.map(s -> s.isEmpty() ? "(empty)" : s).toList();
	}

	private static String fmt(double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
	}
}
