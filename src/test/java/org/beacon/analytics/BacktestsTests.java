package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Forecast horizons (a day, a week, a month) and backtests at chosen area shares, on frames of 100 m cells. */
class BacktestsTests {

	private final AnalyticsEngine engine = new AnalyticsEngine();

	/**
	 * The naive forecast for February 2024 (29 days) counts the 29 days before it, [3 January, 1 February): the
	 * events of 3 and 31 January in cell 0 and of 20 January in cell 2, not the one of 2 January in cell 1
	 * (30 days before; a fixed 30-day month would count it).
	 */
	@Test
	void forecastsAMonthNaivelyFromTheLastPeriodOfTheSameLength() {
		IncidentFrame frame = FairnessTests.frame(List.of(new double[] { 150, 50, 2, 1 }, new double[] { 50, 50, 3, 1 },
				new double[] { 250, 50, 20, 1 }, new double[] { 50, 50, 31, 1 }));

		AnalysisTable table = engine.run("forecast", frame, options("2024-01-01", "2024-01-31", "month", "naive"));

		// cell_col, score: expected incidents in February
		assertThat(table.rows()).extracting(r -> r[1] + ":" + r[4]).containsExactly("0:2.0", "2:1.0");
		assertThat(table.summary().get(0)).isEqualTo(
				"method=naive forecast=month from=2024-02-01 to=2024-02-29 horizon_days=29 score=expected_incidents");
	}

	/**
	 * Four cells with one event each on 1 January (the study area), then 2 Jan: cell 1 ×2; 3 Jan: cells 1, 2;
	 * 4 Jan: cell 2 ×2, cell 3. Daily naive backtest from 2 to 4 January; 1 % and 5 % of four cells flag one.
	 * 2 Jan: the forecast (1 Jan) ties all cells, broken against it: cell 0, empty: 0 of 2. 3 Jan: cell 1
	 * (2 the day before) holds 1 of 2: hit 1/2, PAI (1/2)/(1/4) = 2, PEI 1/1. 4 Jan: cells 1 and 2 tie, cell 1
	 * (empty) goes first: 0 of 3. Means: PAI 2/3, PEI 1/3, hit 1/6.
	 */
	@Test
	void backtestsDayByDay() {
		List<double[]> events = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			events.add(new double[] { 50 + 100 * c, 50, 1, 1 });
		}
		for (double[] e : new double[][] { { 150, 2 }, { 150, 2 }, { 150, 3 }, { 250, 3 }, { 250, 4 }, { 250, 4 },
				{ 350, 4 } }) {
			events.add(new double[] { e[0], 50, e[1], 1 });
		}

		AnalysisTable table = engine.run("backtest", FairnessTests.frame(events),
				options("2024-01-02", "2024-01-04", "day", "naive"));

		assertThat(table.columns()).containsExactly("period_start", "events", "pai_1", "pei_1", "hit_1", "pai_5",
				"pei_5", "hit_5");
		assertThat(table.rows()).extracting(r -> List.of(r).subList(0, 5).toString()).containsExactly(
				"[2024-01-02, 2, 0.0, 0.0, 0.0]", "[2024-01-03, 2, 2.0, 1.0, 0.5]", "[2024-01-04, 3, 0.0, 0.0, 0.0]");
		assertThat(table.summary()).containsExactly(
				"study_area=bounding_box (no areas imported: the grid covers the incidents' bounding box)",
				"method=naive periods=3 mean_pai_1=0.6667 mean_pei_1=0.3333 mean_hit_1=0.1667 mean_pai_5=0.6667 "
						+ "mean_pei_5=0.3333 mean_hit_5=0.1667");
	}

	/**
	 * One event a day for 28 days, in three cells by turns, fitted on those 28 days: the SEPP forecast of a day is
	 * the expected count over that day, about 1 in all, and of a week about 7.
	 */
	@Test
	void forecastsWithSeppOverTheHorizonItNames() {
		List<double[]> events = new ArrayList<>();
		for (int d = 1; d <= 28; d++) {
			events.add(new double[] { 50 + 100 * (d % 3), 50, d, 1 });
		}
		IncidentFrame frame = FairnessTests.frame(events);

		AnalysisTable day = engine.run("forecast", frame, options("2024-01-01", "2024-01-28", "day", "sepp", 28));
		AnalysisTable week = engine.run("forecast", frame, options("2024-01-01", "2024-01-28", "week", "sepp", 28));

		assertThat(day.summary().get(0)).startsWith(
				"method=sepp forecast=day from=2024-01-29 to=2024-01-29 horizon_days=1 score=expected_incidents events=28");
		assertThat(week.summary().get(0)).startsWith("method=sepp forecast=week from=2024-01-29 to=2024-02-04");
		double dayTotal = day.rows().stream().mapToDouble(r -> (double) r[4]).sum();
		double weekTotal = week.rows().stream().mapToDouble(r -> (double) r[4]).sum();
		assertThat(dayTotal).isBetween(0.8, 1.2);
		assertThat(weekTotal).isBetween(5.6, 8.4);
	}

	@Test
	void namesSharesByPercentAndRefusesTheSameShareTwice() {
		assertThat(Backtests.shareLabels(new double[] { 0.01, 0.025, 0.05, 0.07, 0.1, 1 })).containsExactly("1", "2.5",
				"5", "7", "10", "100");
		assertThatThrownBy(() -> Backtests.shareLabels(new double[] { 0.05, 0.05 }))
			.hasMessage("shares must differ; 0.05 is given twice");
	}

	/**
	 * The forecast for the week from 8 January sees one incident in each of 20 cells; at shares 1 % and 10 % it
	 * flags the larger, ⌊0.1·20⌋ = 2 cells (ties by index: cells 0 and 1).
	 */
	@Test
	void fairnessFlagsTheLargestChosenShare() {
		AnalysisOptions d = options("2024-01-01", "2024-01-07", "week", "naive");
		AnalysisOptions wide = new AnalysisOptions(d.from(), d.to(), d.cell(), d.bandwidth(), d.kernel(), d.weights(),
				d.fdr(), d.spaceBands(), d.timeBands(), d.permutations(), d.seed(), d.period(), d.forecast(),
				d.trainingDays(), d.tauDays(), d.minLagHours(), d.triggerSigma(), d.units(), d.radius(),
				d.maxPerNeighbourhood(), new double[] { 0.01, 0.1 }, d.countsBy(), d.h3Resolution());

		AnalysisTable table = Fairness.fairness(FairnessTests.rowFrame(), wide, Neighbourhoods.none());

		assertThat(table.summary().get(0)).startsWith("method=naive flags=top_share_0.1 study_cells=20 flagged_cells=2 "
				+ "flagged_incidents=2 ");
	}

	private static AnalysisOptions options(String from, String to, String period, String forecast) {
		return options(from, to, period, forecast, 365);
	}

	private static AnalysisOptions options(String from, String to, String period, String forecast, int trainingDays) {
		AnalysisOptions d = AnalysisOptions.defaults();
		return new AnalysisOptions(LocalDate.parse(from), LocalDate.parse(to), 100, Double.NaN, "quartic", "queen",
				true, d.spaceBands(), d.timeBands(), 0, 1, period, forecast, trainingDays, 28, 1, Double.NaN, 10, 300, 0,
				d.shares(), d.countsBy(), d.h3Resolution());
	}
}
