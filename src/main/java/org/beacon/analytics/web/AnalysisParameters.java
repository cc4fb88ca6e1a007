package org.beacon.analytics.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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

	/** Knox permutations a request may ask for: 999 gives p down to 0.001, and more would tie the server up. */
	static final int MAX_PERMUTATIONS = 999;

	/**
	 * What the parameters are (the command line's options, snake_case); anything else is ignored, as a
	 * browser's extra fields would be.
	 */
	static final List<String> NAMES = List.of("from", "to", "category", "areas", "cell", "bandwidth", "kernel",
			"weights", "fdr", "bands", "days", "permutations", "seed", "period", "forecast", "training_days", "tau",
			"min_lag_hours", "trigger_sigma", "units", "radius", "max_per_neighbourhood", "shares", "counts_by",
			"h3_resolution", "format");

	private final MultiValueMap<String, String> params;
	private final ParameterValues values;

	private AnalysisParameters(MultiValueMap<String, String> params) {
		this.params = params;
		this.values = new ParameterValues(params);
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
		String format = new ParameterValues(params).text("format", "json");
		if (!List.of("json", "geojson", "csv").contains(format)) {
			throw new BadParameter("format", "format must be json, geojson or csv; was '" + format + "'");
		}
		return format;
	}

	private AnalysisRequest request(String method) {
		LocalDate from = values.date("from");
		LocalDate to = values.date("to");
		double cell = values.number("cell", AnalysisOptions.defaults().cell(), "a number of metres");
		if (!(cell >= MIN_CELL) || Double.isInfinite(cell)) {
			throw new BadParameter("cell", "cell must be at least " + MIN_CELL + " m; was " + values.text("cell", ""));
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
			options = new AnalysisOptions(from, to, cell, values.number("bandwidth", Double.NaN, "a number of metres"),
					values.text("kernel", d.kernel()), values.text("weights", d.weights()), values.flag("fdr", d.fdr()),
					bands(d.spaceBands()), days(d.timeBands()), permutations(d.permutations()),
					values.wholeLong("seed", d.seed()), period(d.period()), values.text("forecast", d.forecast()),
					trainingDays(d.trainingDays()), tau(d.tauDays()),
					values.number("min_lag_hours", d.minLagHours(), "a number of hours"), triggerSigma(),
					values.whole("units", d.units()), values.number("radius", d.radius(), "a number of metres"),
					values.whole("max_per_neighbourhood", d.maxPerNeighbourhood()), shares(d.shares()),
					values.text("counts_by", d.countsBy()), values.whole("h3_resolution", d.h3Resolution()));
			AnalyticsEngine.validate(method, options);
		}
		catch (BadParameter e) {
			throw e;
		}
		catch (IllegalArgumentException e) {
			String name = named(e.getMessage());
			String spoken = name == null ? null : name.replace('_', '-');
			// the options speak the command line's --min-lag-hours; here the parameter is min_lag_hours
			String message = spoken != null && e.getMessage().startsWith(spoken + " ")
					? name + e.getMessage().substring(spoken.length()) : e.getMessage();
			throw new BadParameter(name, message);
		}
		return new AnalysisRequest(method, categories(), options, query(), areas());
	}

	/** Knox spatial breaks, metres: from 0, strictly increasing, e.g. {@code 0,100,200,400,800}. */
	private double[] bands(double[] otherwise) {
		double[] bands = values.list("bands", otherwise, "metres");
		if (bands.length < 2 || bands[0] != 0) {
			throw new BadParameter("bands", "bands must start at 0 and have at least two breaks, e.g. 0,100,200; was '"
					+ values.text("bands", "") + "'");
		}
		increasing("bands", bands);
		return bands;
	}

	/** Knox temporal breaks, whole days: from 0, strictly increasing, at most {@link #MAX_DAYS}. */
	private int[] days(int[] otherwise) {
		double[] days = values.list("days", Arrays.stream(otherwise).asDoubleStream().toArray(), "days");
		if (days.length < 2 || days[0] != 0) {
			throw new BadParameter("days", "days must start at 0 and have at least two breaks, e.g. 0,7,14; was '"
					+ values.text("days", "") + "'");
		}
		increasing("days", days);
		int[] whole = new int[days.length];
		for (int i = 0; i < days.length; i++) {
			if (days[i] != Math.rint(days[i]) || days[i] > MAX_DAYS) {
				throw new BadParameter("days", "days must be whole numbers of days up to " + MAX_DAYS + "; was " + days[i]);
			}
			whole[i] = (int) days[i];
		}
		return whole;
	}

	private void increasing(String name, double[] breaks) {
		for (int i = 1; i < breaks.length; i++) {
			if (!(breaks[i] > breaks[i - 1]) || Double.isInfinite(breaks[i])) {
				throw new BadParameter(name, name + " must be finite and strictly increasing; "
						+ breaks[i - 1] + " is followed by " + breaks[i]);
			}
		}
	}

	private int permutations(int otherwise) {
		int permutations = values.whole("permutations", otherwise);
		if (permutations < 0 || permutations > MAX_PERMUTATIONS) {
			throw new BadParameter("permutations", "permutations must be 0 to " + MAX_PERMUTATIONS + "; was " + permutations);
		}
		return permutations;
	}

	/** The step of emerging hot spots and backtests: day, week or month. */
	private String period(String otherwise) {
		String period = values.text("period", otherwise).toLowerCase(Locale.ROOT);
		if (!List.of("day", "week", "month").contains(period)) {
			throw new BadParameter("period", "period must be day, week or month; was '" + values.text("period", "") + "'");
		}
		return period;
	}

	private int trainingDays(int otherwise) {
		int days = values.whole("training_days", otherwise);
		if (days < 1 || days > MAX_DAYS) {
			throw new BadParameter("training_days", "training_days must be 1 to " + MAX_DAYS + " days; was " + days);
		}
		return days;
	}

	private double tau(double otherwise) {
		double tau = values.number("tau", otherwise, "a number of days");
		if (!(tau > 0) || Double.isInfinite(tau)) {
			throw new BadParameter("tau", "tau must be a positive number of days; was " + values.text("tau", ""));
		}
		return tau;
	}

	/** {@code fit} (NaN: fitted by EM, the default), 0 or metres. */
	private double triggerSigma() {
		String value = values.text("trigger_sigma", "fit");
		return "fit".equalsIgnoreCase(value) ? Double.NaN
				: values.number("trigger_sigma", Double.NaN, "fit, 0 or a number of metres");
	}

	/** Shares of the study area for PAI, PEI and hit rate, e.g. {@code 0.01,0.05}; the options check the range. */
	private double[] shares(double[] otherwise) {
		return values.list("shares", otherwise, "shares of the area between 0 and 1, e.g. 0.01,0.05");
	}

	/**
	 * Neighbourhood ids, comma-separated, each a positive whole number: the incidents and the study area are
	 * limited to them (an id that is no neighbourhood of the agency is refused when the analysis reads them).
	 */
	private Set<Long> areas() {
		Set<Long> ids = new LinkedHashSet<>();
		for (String value : values.all("areas")) {
			for (String id : value.split(",")) {
				if (id.isBlank()) {
					continue;
				}
				try {
					long n = Long.parseLong(id.trim());
					if (n < 1) {
						throw new NumberFormatException();
					}
					ids.add(n);
				}
				catch (NumberFormatException e) {
					throw new BadParameter("areas", "areas must be neighbourhood ids (positive whole numbers) separated "
							+ "by commas; was '" + id.trim() + "'");
				}
			}
		}
		return ids;
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
		for (String value : values.all("category")) {
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

}
