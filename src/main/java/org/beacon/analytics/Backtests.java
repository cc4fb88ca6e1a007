package org.beacon.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * Forecasts at a moment and rolling-origin backtests: for each whole period from {@code from} to {@code to},
 * forecast from the incidents before the period, then score the top 1 % and 5 % of study-area cells against
 * the incidents in the period (hit rate, PAI, PEI; {@link ForecastScoring}). The study area is the cells
 * with at least one incident before the first period (so a cell in the river is not counted as a miss), or
 * every cell when there is no earlier incident. A share flags at least one cell. A period whose SEPP fit
 * ends in non-finite values is not scored (blank row, left out of the means, counted as
 * {@code failed_fits=K} at the end of the summary).
 */
final class Backtests {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Backtests.class);

	static final double[] SHARES = { 0.01, 0.05 };

	/** SEPP: start the decay rate at one per week. */
	private static final double SEPP_OMEGA_START = 1.0 / 7;

	/** SEPP: EM iterations at most; it converges in tens on city data. */
	static final int SEPP_MAX_ITERATIONS = 200;

	/** Naive forecasts look back one period: a week, or 30 days for months. */
	private static final double DAYS_PER_WEEK = 7, DAYS_PER_MONTH = 30;

	static final List<String> COLUMNS = List.of("period_start", "events", "pai_1", "pei_1", "hit_1", "pai_5",
			"pei_5", "hit_5");

	private Backtests() {
	}

	/**
	 * The forecast for the day after {@code to} (or after the last incident), cells with a score above 0, with
	 * its fairness table ({@link Fairness}).
	 */
	static AnalysisTable forecast(IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods,
			UnitsDone iterations) {
		Grid grid = Grid.covering(frame.x(), frame.y(), options.cell());
		Scores scores = scores(frame, grid, options, iterations);
		double[] score = scores.score();
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

	/** A forecast's score per cell of {@code grid} for the day after the analysed span, and how it was made. */
	record Scores(double[] score, String summary) {
	}

	/** As {@link #scores(IncidentFrame, Grid, AnalysisOptions, UnitsDone)}, telling nobody. */
	static Scores scores(IncidentFrame frame, Grid grid, AnalysisOptions options) {
		return scores(frame, grid, options, UnitsDone.NONE);
	}

	/** The forecast's scores; a SEPP fit tells {@code iterations} of its EM iterations. */
	static Scores scores(IncidentFrame frame, Grid grid, AnalysisOptions options, UnitsDone iterations) {
		LocalDate[] span = AnalyticsEngine.span(frame, options);
		double now = Periods.day(span[1].plusDays(1), frame.zone());
		String summary = "method=" + options.forecast() + " at=" + span[1].plusDays(1);
		if ("sepp".equals(options.forecast())) {
			SeppFit fit = seppFit(frame, frame.days(), grid, now, options, iterations);
			return new Scores(fit.intensity(), summary + fit.describe());
		}
		return new Scores(predict(frame, frame.days(), grid, now, options), summary);
	}

	/** The backtest, telling {@code periods} as each period is scored (units: periods). */
	static AnalysisTable backtest(IncidentFrame frame, AnalysisOptions options, UnitsDone periodsDone) {
		if (options.from() == null || options.to() == null) {
			throw new IllegalArgumentException("a backtest needs --from and --to");
		}
		Grid grid = Grid.covering(frame.x(), frame.y(), options.cell());
		double[] days = frame.days();
		Periods periods = Periods.whole(options.from(), options.to(), options.period(), frame.zone());
		if (periods.size() == 0) {
			throw new IllegalArgumentException("no whole " + options.period() + " between " + options.from() + " and "
					+ options.to());
		}
		boolean[] inside = studyArea(frame, days, grid, periods.startDays()[0]);
		int insideCells = 0;
		for (boolean b : inside) {
			insideCells += b ? 1 : 0;
		}
		List<Object[]> rows = new ArrayList<>();
		double[][] sums = new double[2][3];
		int[][] counted = new int[2][3];
		int failed = 0;
		for (int p = 0; p < periods.size(); p++) {
			// p periods are scored; this also stops a cancelled run before its next period
			periodsDone.done(p, periods.size());
			double start = periods.startDays()[p];
			double end = periods.end(p);
			double[] predicted;
			try {
				predicted = predict(frame, days, grid, start, options);
			}
			catch (FitFailed e) {
				log.warn("{}: period {} not scored", e.getMessage(), periods.starts().get(p));
				failed++;
				rows.add(new Object[] { periods.starts().get(p).toString(), null, Double.NaN, Double.NaN, Double.NaN,
						Double.NaN, Double.NaN, Double.NaN });
				continue;
			}
			int[] observed = new int[grid.cells()];
			for (int i = 0; i < days.length; i++) {
				if (days[i] >= start && days[i] < end) {
					observed[grid.indexOf(frame.x()[i], frame.y()[i])]++;
				}
			}
			double[] shares = new double[SHARES.length];
			for (int s = 0; s < shares.length; s++) {
				shares[s] = Math.max(SHARES[s], 1.0 / insideCells);
			}
			ForecastScore[] scores = ForecastScoring.score(predicted, observed, inside, shares);
			Object[] row = new Object[COLUMNS.size()];
			row[0] = periods.starts().get(p).toString();
			row[1] = scores[0].total();
			for (int s = 0; s < SHARES.length; s++) {
				double[] v = { scores[s].pai(), scores[s].pei(), scores[s].hitRate() };
				for (int k = 0; k < 3; k++) {
					row[2 + 3 * s + k] = v[k];
					if (Double.isFinite(v[k])) {
						sums[s][k] += v[k];
						counted[s][k]++;
					}
				}
			}
			rows.add(row);
		}
		periodsDone.done(periods.size(), periods.size());
		String summary = String.format(Locale.ROOT,
				"method=%s periods=%d mean_pai_1=%.4f mean_pei_1=%.4f mean_hit_1=%.4f mean_pai_5=%.4f mean_pei_5=%.4f mean_hit_5=%.4f",
				options.forecast(), periods.size(), mean(sums, counted, 0, 0), mean(sums, counted, 0, 1),
				mean(sums, counted, 0, 2), mean(sums, counted, 1, 0), mean(sums, counted, 1, 1), mean(sums, counted, 1, 2));
		if (failed > 0) {
			summary += " failed_fits=" + failed;
		}
		return new AnalysisTable("backtest", COLUMNS, rows, null, List.of(summary));
	}

	/** Score per cell for the period starting at {@code now} (epoch days), from incidents before it. */
	static double[] predict(IncidentFrame frame, double[] days, Grid grid, double now, AnalysisOptions options) {
		double bandwidth = Double.isNaN(options.bandwidth()) ? 2 * options.cell() : options.bandwidth();
		return switch (options.forecast()) {
			case "naive" -> Forecasts.naive(frame.x(), frame.y(), days, grid, now,
					"month".equals(options.period()) ? DAYS_PER_MONTH : DAYS_PER_WEEK);
			case "kde" -> Forecasts.recencyKde(frame.x(), frame.y(), days, grid, now, options.tauDays(),
					options.trainingDays(), AnalyticsEngine.kernel(options.kernel()), bandwidth);
			case "sepp" -> sepp(frame, days, grid, now, options);
			default -> throw new IllegalArgumentException("forecast method must be naive, kde or sepp; was '"
					+ options.forecast() + "'");
		};
	}

	private static double[] sepp(IncidentFrame frame, double[] days, Grid grid, double now, AnalysisOptions options) {
		return seppFit(frame, days, grid, now, options, UnitsDone.NONE).intensity();
	}

	/**
	 * A SEPP fit on the {@code trainingDays} before {@code now} and its intensity at {@code now}; no model (and
	 * zeros) when the window holds no incident.
	 */
	private static SeppFit seppFit(IncidentFrame frame, double[] days, Grid grid, double now,
			AnalysisOptions options, UnitsDone iterations) {
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
		// θ = 0 (no self-excitation found) can come with ω → ∞, and 0·∞ makes intensity() NaN; with θ = 0 the
		// intensity is exactly the background μ.
		double[] intensity = model.theta() == 0 ? model.mu().clone() : model.intensity().get();
		for (double v : intensity) {
			if (!Double.isFinite(v)) {
				throw new FitFailed(String.format(Locale.ROOT, "SEPP fit at day %.1f not finite: theta=%s omega=%s iterations=%d",
						now, model.theta(), model.omega(), model.iterations()));
			}
		}
		return new SeppFit(intensity, model, events, seconds);
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
					() -> m.intensity(frame.x(), frame.y(), days, grid, now));
		}
		boolean fit = Double.isNaN(sigma);
		var settings = new SpatialSelfExcitingGrid.Settings(SEPP_OMEGA_START, fit ? grid.cell() : sigma, fit,
				Math.max(AnalysisOptions.MAX_TRIGGER_SIGMA, fit ? grid.cell() : sigma), minLag, SEPP_MAX_ITERATIONS);
		SpatialSelfExcitingGrid m = SpatialSelfExcitingGrid.fit(frame.x(), frame.y(), days, grid, start, now, settings,
				iterations);
		return new SeppModel(m.mu(), m.theta(), m.omega(), m.sigma(), m.minLag(), m.meanDelay(), m.iterations(),
				() -> m.intensity(frame.x(), frame.y(), days, grid, now));
	}

	/** What a forecast needs of either fitted model, and its intensity at the forecast time. */
	private record SeppModel(double[] mu, double theta, double omega, double sigma, double minLag, double meanDelay,
			int iterations, java.util.function.Supplier<double[]> intensity) {
	}

	/** A fitted SEPP forecast with what the summary reports of it: θ, 1/ω and σ belong beside every forecast. */
	private record SeppFit(double[] intensity, SeppModel model, int events, double seconds) {

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
