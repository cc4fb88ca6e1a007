package org.beacon.analytics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.beacon.analytics.web.AnalysisParameters.BadParameter;
import org.springframework.util.MultiValueMap;

/**
 * Typed values of query parameters: blank counts as absent (the default is used), and a value that does not
 * parse is a {@link BadParameter} naming the parameter and what it must be.
 */
final class ParameterValues {

	private final MultiValueMap<String, String> params;

	ParameterValues(MultiValueMap<String, String> params) {
		this.params = params;
	}

	/** Every non-blank value of the parameter, in order. */
	List<String> all(String name) {
		List<String> values = params.get(name);
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
	}

	String text(String name, String otherwise) {
		List<String> values = all(name);
		return values.isEmpty() ? otherwise : values.get(0).trim();
	}

	LocalDate date(String name) {
		String value = text(name, null);
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new BadParameter(name, name + " must be a date as yyyy-MM-dd; was '" + value + "'");
		}
	}

	double number(String name, double otherwise, String what) {
		String value = text(name, null);
		try {
			return value == null ? otherwise : Double.parseDouble(value);
		}
		catch (NumberFormatException e) {
			throw new BadParameter(name, name + " must be " + what + "; was '" + value + "'");
		}
	}

	int whole(String name, int otherwise) {
		String value = text(name, null);
		try {
			return value == null ? otherwise : Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new BadParameter(name, name + " must be a whole number; was '" + value + "'");
		}
	}

	/** {@code true} or {@code false}, as the page's tick box sends it. */
	boolean flag(String name, boolean otherwise) {
		String value = text(name, null);
		if (value == null) {
			return otherwise;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new BadParameter(name, name + " must be true or false; was '" + value + "'");
		};
	}

	long wholeLong(String name, long otherwise) {
		String value = text(name, null);
		try {
			return value == null ? otherwise : Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new BadParameter(name, name + " must be a whole number; was '" + value + "'");
		}
	}

	/** Comma-separated numbers; {@code otherwise} when absent. */
	double[] list(String name, double[] otherwise, String what) {
		String value = text(name, null);
		if (value == null) {
			return otherwise.clone();
		}
		String[] parts = value.split(",", -1);
		double[] numbers = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				numbers[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new BadParameter(name, name + " must be " + what + " separated by commas; was '" + value + "'");
			}
		}
		return numbers;
	}
}
