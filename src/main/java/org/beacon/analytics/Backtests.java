package org.beacon.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.beacon.analytics.internal.ForecastScore;
import org.beacon.analytics.internal.ForecastScoring;
import org.beacon.analytics.internal.Forecasts;
import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.Periods;
import org.beacon.analytics.internal.SelfExcitingGrid;
import org.beacon.analytics.internal.SpatialSelfExcitingGrid;
import org.beacon.analytics.internal.UnitsDone;

/**
 * Forecasts for a period and rolling-origin backtests. A forecast's horizon is the {@code period} (a day, a
 * week or a calendar month) starting the day after {@code to}, and its score per cell is the expected number
 * of incidents in the cell over that horizon: naive, the count of the last period of the same length; KDE, the
 * recency-weighted density scaled to a count ({@link Forecasts#recencyKdeExpected}); SEPP, the fitted
 * intensity integrated over the horizon ({@link SelfExcitingGrid#expected}).
 *
 * <p>A backtest forecasts each whole period from {@code from} to {@code to} from the incidents before it,
 * then scores the top cells at each of {@code shares} of the study area (default 1 % and 5 %) against the
 * incidents in the period (hit rate, PAI, PEI; {@link ForecastScoring}). Columns and means are named by the
 * share in percent ({@code pai_1}, {@code pai_2.5}, {@code pai_10}). The study area is the cells with at least
 * one incident before the first period (so a cell in the river is not counted as a miss), or every cell when
 * there is no earlier incident. A share flags at least one cell. A period whose SEPP fit ends in non-finite
 * values is not scored (blank row, left out of the means, counted as {@code failed_fits=K} at the end of the
 * summary).
 */
final class Backtests {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Backtests.class);

	/** SEPP: start the decay rate at one per week. */
	private static final double SEPP_OMEGA_START = 1.0 / 7;

	/** SEPP: EM iterations at most; it converges in tens on city data. */
	static final int SEPP_MAX_ITERATIONS = 200;

	/** The scores given per share, in the order of the columns and of the summary's means. */
	private static final List<String> SCORES = List.of("pai", "pei", "hit");

	private Backtests() {
	}

	/**
	 * The forecast for the period after {@code to} (or after the last incident's day), cells with an expected
	 * count above 0, with its fairness table ({@link Fairness}).
	 */
	static AnalysisTable forecast(IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods,
			UnitsDone iterations) {
		Grid grid = frame.studyArea().grid(frame, options.cell());
		boolean[] inside = frame.studyArea().cells(grid);
		Scores scores = scores(frame, grid, options, iterations);
		double[] score = scores.score();
		if (inside != null) {
			// cells outside the study area are no part of the forecast, nor of its fairness table
			for (int c = 0; c < score.length; c++) {
				score[c] = inside[c] ? score[c] : 0;
			}
		}
		String summary = scores.summary();
		AnalyticsEngine.CellTable table = new AnalyticsEngine.CellTable(grid, frame,
				List.of("cell_row", "cell_col", "center_lat", "center_lon", "score"));
		for (int c = 0; c < score.length; c++) {
			if (score[c] > 0) {
				table.add(c, score[c]);
			}
		}
		return table.done("forecast", List.of(summary)).withFairness(Fairness.fairness(frame, options, neighbourhoods,
				score));
	}

	/**
	 * A forecast's score per cell of {@code grid}, the expected incidents over the period after the analysed
	 * span, and how it was made ({@code method=M forecast=PERIOD from=FIRST to=LAST horizon_days=H ...}).
	 */
	record Scores(double[] score, String summary) {
	}

	/** As {@link #scores(IncidentFrame, Grid, AnalysisOptions, UnitsDone)}, telling nobody. */
	static Scores scores(IncidentFrame frame, Grid grid, AnalysisOptions options) {
		return scores(frame, grid, options, UnitsDone.NONE);
	}

	/** The forecast's scores; a SEPP fit tells {@code iterations} of its EM iterations. */
	static Scores scores(IncidentFrame frame, Grid grid, AnalysisOptions options, UnitsDone iterations) {
		LocalDate[] span = AnalyticsEngine.span(frame, options);
		Horizon horizon = Horizon.of(span[1].plusDays(1), options.period(), frame.zone());
		String summary = "method=" + options.forecast() + " " + horizon.describe() + " score=expected_incidents";
		if ("sepp".equals(options.forecast())) {
			SeppFit fit = seppFit(frame, frame.days(), grid, horizon, options, iterations);
			return new Scores(fit.expected(), summary + fit.describe());
		}
		return new Scores(predict(frame, frame.days(), grid, horizon, options), summary);
	}

	/** The backtest, telling {@code periods} as each period is scored (units: periods). */
	static AnalysisTable backtest(IncidentFrame frame, AnalysisOptions options, UnitsDone periodsDone) {
		if (options.from() == null || options.to() == null) {
			throw new IllegalArgumentException("a backtest needs --from and --to");
		}
		Grid grid = frame.studyArea().grid(frame, options.cell());
		double[] days = frame.days();
		Periods periods = Periods.whole(options.from(), options.to(), options.period(), frame.zone());
		if (periods.size() == 0) {
			throw new IllegalArgumentException("no whole " + options.period() + " between " + options.from() + " and "
					+ options.to());
		}
		double[] chosen = options.shares();
		List<String> labels = shareLabels(chosen);
		// the study area's cells; with no boundary (bounding box), the cells with an incident before the first period
		boolean[] inside = frame.studyArea().bounded() ? frame.studyArea().cells(grid)
				: studyArea(frame, days, grid, periods.startDays()[0]);
		int insideCells = 0;
		for (boolean b : inside) {
			insideCells += b ? 1 : 0;
		}
		double[] shares = new double[chosen.length];
		for (int s = 0; s < shares.length; s++) {
			shares[s] = Math.max(chosen[s], 1.0 / insideCells);
		}
		List<String> columns = columns(labels);
		List<Object[]> rows = new ArrayList<>();
		double[][] sums = new double[chosen.length][SCORES.size()];
		int[][] counted = new int[chosen.length][SCORES.size()];
		int failed = 0;
		for (int p = 0; p < periods.size(); p++) {
			// p periods are scored; this also stops a cancelled run before its next period
			periodsDone.done(p, periods.size());
			double start = periods.startDays()[p];
			double end = periods.end(p);
			double[] predicted;
			try {
				predicted = predict(frame, days, grid, Horizon.of(periods.starts().get(p), options.period(),
						frame.zone()), options);
			}
			catch (FitFailed e) {
				log.warn("{}: period {} not scored", e.getMessage(), periods.starts().get(p));
				failed++;
				Object[] blank = new Object[columns.size()];
				Arrays.fill(blank, Double.NaN);
				blank[0] = periods.starts().get(p).toString();
				blank[1] = null;
				rows.add(blank);
				continue;
			}
			int[] observed = new int[grid.cells()];
			for (int i = 0; i < days.length; i++) {
				if (days[i] >= start && days[i] < end) {
					observed[grid.indexOf(frame.x()[i], frame.y()[i])]++;
				}
			}
			ForecastScore[] scores = ForecastScoring.score(predicted, observed, inside, shares);
			Object[] row = new Object[columns.size()];
			row[0] = periods.starts().get(p).toString();
			row[1] = scores[0].total();
			for (int s = 0; s < shares.length; s++) {
				double[] v = { scores[s].pai(), scores[s].pei(), scores[s].hitRate() };
				for (int k = 0; k < v.length; k++) {
					row[2 + v.length * s + k] = v[k];
					if (Double.isFinite(v[k])) {
						sums[s][k] += v[k];
						counted[s][k]++;
					}
				}
			}
			rows.add(row);
		}
		periodsDone.done(periods.size(), periods.size());
		StringBuilder summary = new StringBuilder(
				"method=" + options.forecast() + " periods=" + periods.size());
		for (int s = 0; s < labels.size(); s++) {
			for (int k = 0; k < SCORES.size(); k++) {
				summary.append(String.format(Locale.ROOT, " mean_%s_%s=%.4f", SCORES.get(k), labels.get(s),
						mean(sums, counted, s, k)));
			}
		}
		if (failed > 0) {
			summary.append(" failed_fits=").append(failed);
		}
		return new AnalysisTable("backtest", columns, rows, null, List.of(summary.toString()));
	}

	/** A backtest's columns: the period's start, its events, then PAI, PEI and hit rate at each share. */
	static List<String> columns(List<String> shareLabels) {
		List<String> columns = new ArrayList<>(List.of("period_start", "events"));
		for (String label : shareLabels) {
			for (String score : SCORES) {
				columns.add(score + "_" + label);
			}
		}
		return List.copyOf(columns);
	}

	/**
	 * Each share named by its percentage, as few digits as it takes: 0.01 → {@code 1}, 0.025 → {@code 2.5},
	 * 0.1 → {@code 10}.
	 *
	 * @throws IllegalArgumentException when two shares are the same
	 */
	static List<String> shareLabels(double[] shares) {
		List<String> labels = new ArrayList<>();
		for (double share : shares) {
			String label = BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString();
			if (labels.contains(label)) {
				throw new IllegalArgumentException("shares must differ; " + share + " is given twice");
			}
			labels.add(label);
		}
		return labels;
	}

	/**
	 * The expected incidents per cell over {@code horizon}, from the incidents before it. Naive: the counts of
	 * the last period of the horizon's length (the 31 days before a 31-day month).
	 */
	static double[] predict(IncidentFrame frame, double[] days, Grid grid, Horizon horizon, AnalysisOptions options) {
		double bandwidth = Double.isNaN(options.bandwidth()) ? 2 * options.cell() : options.bandwidth();
		double now = horizon.from();
		return switch (options.forecast()) {
			case "naive" -> Forecasts.naive(frame.x(), frame.y(), days, grid, now, horizon.days());
			case "kde" -> Forecasts.recencyKdeExpected(frame.x(), frame.y(), days, grid, now, options.tauDays(),
					options.trainingDays(), AnalyticsEngine.kernel(options.kernel()), bandwidth, horizon.days());
			case "sepp" -> seppFit(frame, days, grid, horizon, options, UnitsDone.NONE).expected();
			default -> throw new IllegalArgumentException("forecast method must be naive, kde or sepp; was '"
					+ options.forecast() + "'");
		};
	}

	/**
	 * The horizon of a forecast: the period ({@code day}, {@code week} or {@code month}) starting on
	 * {@code start}, from local midnight.
	 *
	 * @param from the start in epoch days
	 * @param days the length in days (1, 7, 28 to 31; a daylight-saving change moves it by 1/24)
	 */
	record Horizon(String period, LocalDate start, double from, double days) {

		static Horizon of(LocalDate start, String period, ZoneId zone) {
			return new Horizon(period, start, Periods.day(start, zone), Periods.length(start, period, zone));
		}

		/** The last local date of the horizon. */
		LocalDate last() {
			return Periods.plus(start, period, 1).minusDays(1);
		}

		/** {@code forecast=week from=2024-01-15 to=2024-01-21 horizon_days=7}: the forecast for the week from … */
		String describe() {
			return "forecast=" + period + " from=" + start + " to=" + last() + " horizon_days="
					+ BigDecimal.valueOf(Math.round(days * 1000) / 1000.0).stripTrailingZeros().toPlainString();
		}
	}

	/**
	 * A SEPP fit on the {@code trainingDays} before the horizon and its expected incidents over the horizon;
	 * no model (and zeros) when the window holds no incident.
	 */
	private static SeppFit seppFit(IncidentFrame frame, double[] days, Grid grid, Horizon horizon,
			AnalysisOptions options, UnitsDone iterations) {
		double now = horizon.from();
		double start = now - options.trainingDays();
		int events = 0;
		for (double d : days) {
			events += d >= start && d < now ? 1 : 0;
		}
		if (events == 0) {
			return new SeppFit(new double[grid.cells()], null, 0, 0);
		}
		long t0 = System.nanoTime();
		SeppModel model = fitModel(frame, days, grid, start, now, options, iterations);
		double seconds = (System.nanoTime() - t0) / 1e9;
		// θ = 0 (no self-excitation found) can come with ω → ∞; expected() then gives μ·H without the trigger
		double[] expected = model.expected().apply(horizon.days());
		for (double v : expected) {
			if (!Double.isFinite(v)) {
				throw new FitFailed(String.format(Locale.ROOT, "SEPP fit at day %.1f not finite: theta=%s omega=%s iterations=%d",
						now, model.theta(), model.omega(), model.iterations()));
			}
		}
		return new SeppFit(expected, model, events, seconds);
	}

	/**
	 * The same-cell model (trigger σ 0) through its O(events) recursions; otherwise the model whose triggering
	 * spreads across cells, with σ fitted from one cell's width or fixed.
	 */
	private static SeppModel fitModel(IncidentFrame frame, double[] days, Grid grid, double start, double now,
			AnalysisOptions options, UnitsDone iterations) {
		double minLag = options.minLagHours() / 24;
		double sigma = options.triggerSigma();
		if (sigma == 0) {
			SelfExcitingGrid m = SelfExcitingGrid.fit(frame.x(), frame.y(), days, grid, start, now, SEPP_OMEGA_START,
					minLag, SEPP_MAX_ITERATIONS, iterations);
			return new SeppModel(m.mu(), m.theta(), m.omega(), 0, m.minLag(), m.meanDelay(), m.iterations(),
					h -> m.expected(frame.x(), frame.y(), days, grid, now, h));
		}
		boolean fit = Double.isNaN(sigma);
		var settings = new SpatialSelfExcitingGrid.Settings(SEPP_OMEGA_START, fit ? grid.cell() : sigma, fit,
				Math.max(AnalysisOptions.MAX_TRIGGER_SIGMA, fit ? grid.cell() : sigma), minLag, SEPP_MAX_ITERATIONS);
		SpatialSelfExcitingGrid m = SpatialSelfExcitingGrid.fit(frame.x(), frame.y(), days, grid, start, now, settings,
				iterations);
		return new SeppModel(m.mu(), m.theta(), m.omega(), m.sigma(), m.minLag(), m.meanDelay(), m.iterations(),
				h -> m.expected(frame.x(), frame.y(), days, grid, now, h));
	}

	/** What a forecast needs of either fitted model, and its expected incidents over H days from the window's end. */
	private record SeppModel(double[] mu, double theta, double omega, double sigma, double minLag, double meanDelay,
			int iterations, java.util.function.DoubleFunction<double[]> expected) {
	}

	/** A fitted SEPP forecast with what the summary reports of it: θ, 1/ω and σ belong beside every forecast. */
	private record SeppFit(double[] expected, SeppModel model, int events, double seconds) {

		String describe() {
			if (model == null) {
				return " events=0";
			}
			return String.format(Locale.ROOT,
					" events=%d cells=%d min_lag_hours=%.4g theta=%.4f omega_per_day=%.4g mean_delay_days=%.4g"
							+ " trigger_sigma_m=%.4g iterations=%d fit_seconds=%.3f",
					events, model.mu().length, model.minLag() * 24, model.theta(), model.omega(), model.meanDelay(),
					model.sigma(), model.iterations(), seconds);
		}
	}

	/** A forecast that could not be made (a fit that did not converge to finite values). */
	static final class FitFailed extends RuntimeException {

		FitFailed(String message) {
			super(message);
		}
	}

	private static boolean[] studyArea(IncidentFrame frame, double[] days, Grid grid, double firstStart) {
		boolean[] inside = new boolean[grid.cells()];
		boolean any = false;
		for (int i = 0; i < days.length; i++) {
			if (days[i] < firstStart) {
				inside[grid.indexOf(frame.x()[i], frame.y()[i])] = true;
				any = true;
			}
		}
		if (!any) {
			java.util.Arrays.fill(inside, true);
		}
		return inside;
	}

	private static double mean(double[][] sums, int[][] counted, int s, int k) {
		return counted[s][k] == 0 ? Double.NaN : sums[s][k] / counted[s][k];
	}
}
