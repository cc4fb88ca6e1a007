package org.beacon.analytics.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.beacon.analytics.AnalysisOptions;
import org.beacon.analytics.AnalyticsEngine;
import org.beacon.analytics.jobs.AnalysisRequest;
import org.beacon.incidents.OffenseCategory;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of an analysis ({@code GET /api/analytics/{method}} and {@code POST
 * /api/analytics/jobs/{method}} take the same) checked and turned into a request: every rule broken is a
 * {@link BadParameter} naming the parameter. Blank values count as absent; {@code category} may repeat and
 * may hold several names separated by commas.
 */
final class AnalysisParameters {

	/** A page request must not tie up the server for minutes: at most ten years, at least 50 m cells. */
	static final long MAX_DAYS = 3660;

	static final double MIN_CELL = 50;

	/** What the parameters are; anything else is ignored, as a browser's extra fields would be. */
	static final List<String> NAMES = List.of("from", "to", "category", "cell", "bandwidth", "kernel", "weights",
			"period", "forecast", "units", "radius", "max_per_neighbourhood", "format");

	private final MultiValueMap<String, String> params;

	private AnalysisParameters(MultiValueMap<String, String> params) {
		this.params = params;
	}

	/** A parameter that breaks a rule; the message names it. */
	static final class BadParameter extends IllegalArgumentException {

		private final String parameter;

		BadParameter(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		String parameter() {
			return parameter;
		}
	}

	/** The checked request for {@code method}; its options carry the page's and API's defaults. */
	static AnalysisRequest parse(String method, MultiValueMap<String, String> params) {
		if (!AnalyticsEngine.METHODS.contains(method)) {
			throw new BadParameter("method", "method must be one of " + String.join(", ", AnalyticsEngine.METHODS)
					+ "; was '" + method + "'");
		}
		return new AnalysisParameters(params).request(method);
	}

	/** The answer's format: json (the default), geojson or csv. */
	static String format(MultiValueMap<String, String> params) {
		String format = new AnalysisParameters(params).text("format", "json");
		if (!List.of("json", "geojson", "csv").contains(format)) {
			throw new BadParameter("format", "format must be json, geojson or csv; was '" + format + "'");
		}
		return format;
	}

	private AnalysisRequest request(String method) {
		LocalDate from = date("from");
		LocalDate to = date("to");
		double cell = number("cell", 150);
		if (!(cell >= MIN_CELL) || Double.isInfinite(cell)) {
			throw new BadParameter("cell", "cell must be at least " + MIN_CELL + " m; was " + text("cell", ""));
		}
		if (from != null && to != null && to.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
			throw new BadParameter("to", "at most ten years at once: from " + from + " to " + to + " is longer");
		}
		if ("backtest".equals(method) && (from == null || to == null)) {
			throw new BadParameter(from == null ? "from" : "to", "a backtest needs from and to: its first and last day");
		}
		AnalysisOptions d = AnalysisOptions.defaults();
		AnalysisOptions options;
		try {
			options = new AnalysisOptions(from, to, cell, number("bandwidth", Double.NaN), text("kernel", "quartic"),
					text("weights", "queen"), true, d.spaceBands(), d.timeBands(), d.permutations(), d.seed(),
					text("period", "week"), text("forecast", "naive"), d.trainingDays(), d.tauDays(), d.minLagHours(),
					d.triggerSigma(), whole("units", 10), number("radius", 300), whole("max_per_neighbourhood", 0),
					d.shares(), d.countsBy(), d.h3Resolution());
			AnalyticsEngine.validate(method, options);
		}
		catch (BadParameter e) {
			throw e;
		}
		catch (IllegalArgumentException e) {
			throw new BadParameter(named(e.getMessage()), e.getMessage());
		}
		return new AnalysisRequest(method, categories(), options, query());
	}

	/** The parameter a rule of the options or the engine names first ("units must be ..."). */
	private static String named(String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		for (String name : NAMES) {
			String spoken = name.replace('_', '-');
			if (lower.startsWith(name + " ") || lower.startsWith(spoken + " ")) {
				return name;
			}
		}
		if (lower.startsWith("to (")) {
			return "to";
		}
		return lower.startsWith("forecast method") ? "forecast" : null;
	}

	private Set<OffenseCategory> categories() {
		Set<OffenseCategory> set = EnumSet.noneOf(OffenseCategory.class);
		for (String value : all("category")) {
			for (String name : value.split(",")) {
				String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
				if (n.isEmpty()) {
					continue;
				}
				if (n.equals("PART1") || n.equals("PART_I") || n.equals("PART2") || n.equals("PART_II")) {
					int part = n.equals("PART1") || n.equals("PART_I") ? 1 : 2;
					Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == part).forEach(set::add);
					continue;
				}
				try {
					set.add(OffenseCategory.valueOf(n));
				}
				catch (IllegalArgumentException e) {
					throw new BadParameter("category", "unknown category '" + name.trim()
							+ "': use an offense category (e.g. burglary), part1 or part2");
				}
			}
		}
		return set;
	}

	/** The parameters as given (format left out), for the job's record. */
	private String query() {
		return params.entrySet().stream().filter(e -> NAMES.contains(e.getKey()) && !e.getKey().equals("format"))
				.flatMap(e -> e.getValue().stream().filter(v -> v != null && !v.isBlank()).map(v -> Map.entry(e.getKey(), v)))
				.map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private List<String> all(String name) {
		List<String> values = params.get(name);
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
	}

	private String text(String name, String otherwise) {
		List<String> values = all(name);
		return values.isEmpty() ? otherwise : values.get(0).trim();
	}

	private LocalDate date(String name) {
		String value = text(name, null);
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new BadParameter(name, name + " must be a date as yyyy-MM-dd; was '" + value + "'");
		}
	}

	private double number(String name, double otherwise) {
		String value = text(name, null);
		try {
			return value == null ? otherwise : Double.parseDouble(value);
		}
		catch (NumberFormatException e) {
			throw new BadParameter(name, name + " must be a number of metres; was '" + value + "'");
		}
	}

	private int whole(String name, int otherwise) {
		String value = text(name, null);
		try {
			return value == null ? otherwise : Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new BadParameter(name, name + " must be a whole number; was '" + value + "'");
		}
	}
}
