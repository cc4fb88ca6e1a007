package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.beacon.geography.MetricProjection;
import org.junit.jupiter.api.Test;

/**
 * Progress of the engine's long methods on twenty weeks of synthetic incidents (Monday 1 January to Sunday
 * 19 May 2024, 15 a day scattered over a 2 km square): every run's reports count up, never back, and the
 * last is total of total with the method's own label.
 */
class AnalysisProgressTests {

	private final AnalyticsEngine engine = new AnalyticsEngine();

	/** Weekly backtest from Monday 5 February to Sunday 19 May: 15 whole weeks, one unit each. */
	@Test
	void countsBacktestWeeksUpToTheLast() {
		Reports reports = new Reports();

		AnalysisTable table = engine.run("backtest", frame(), options("2024-02-05", "2024-05-19", "naive"),
				Neighbourhoods.none(), reports);

		assertThat(table.rows()).hasSize(15);
		reports.assertMonotonicToTotal(15);
		assertThat(reports.labels.get(0)).isEqualTo("week 0 of 15");
		assertThat(reports.labels.get(7)).isEqualTo("week 7 of 15");
		assertThat(reports.last()).isEqualTo("week 15 of 15");
		// one report per week plus the first (nothing done yet): 16
		assertThat(reports.done).hasSize(16);
	}

	@Test
	void countsKnoxPermutationsUpToTheLast() {
		Reports reports = new Reports();

		AnalysisTable table = engine.run("knox", frame(), options(null, null, "naive"), Neighbourhoods.none(), reports);

		assertThat(table.summary().get(0)).contains("permutations=99");
		reports.assertMonotonicToTotal(99);
		assertThat(reports.last()).isEqualTo("permutation 99 of 99");
	}

	/** 20 weekly steps of the space-time Gi*, then the trend of each location with incidents. */
	@Test
	void countsEmergingTimeStepsThenLocations() {
		Reports reports = new Reports();

		AnalysisTable table = engine.run("emerging", frame(), options("2024-01-01", "2024-05-19", "naive"),
				Neighbourhoods.none(), reports);

		long locations = table.rows().size();
		reports.assertMonotonicToTotal(20 + locations);
		assertThat(reports.labels).contains("time step 1 of 20", "time step 20 of 20", "trend at location 1 of "
				+ locations);
		assertThat(reports.last()).isEqualTo("trend at location " + locations + " of " + locations);
	}

	@Test
	void countsSeppIterationsAndEndsAtTheMostWhenTheFitConverges() {
		Reports reports = new Reports();

		engine.run("forecast", frame(), options(null, "2024-05-19", "sepp"), Neighbourhoods.none(), reports);

		reports.assertMonotonicToTotal(Backtests.SEPP_MAX_ITERATIONS);
		assertThat(reports.labels.get(0)).isEqualTo("EM iteration 1 of at most 200");
		assertThat(reports.last()).isEqualTo("EM iteration 200 of at most 200");
	}

	@Test
	void countsAQuickMethodAsOneUnit() {
		Reports reports = new Reports();

		engine.run("gistar", frame(), options(null, null, "naive"), Neighbourhoods.none(), reports);

		assertThat(reports.done).containsExactly(0L, 1L);
		assertThat(reports.labels).containsExactly("analysing", "analysing");
	}

	/** Cancelled after the third week is reported: the run stops before scoring another week. */
	@Test
	void stopsACancelledBacktestAtTheNextWeek() {
		Reports reports = new Reports() {
			@Override
			public boolean cancelled() {
				return done.size() >= 3;
			}
		};

		assertThatThrownBy(() -> engine.run("backtest", frame(), options("2024-02-05", "2024-05-19", "naive"),
				Neighbourhoods.none(), reports)).isInstanceOf(AnalysisCancelledException.class);
		assertThat(reports.done).containsExactly(0L, 1L, 2L);
	}

	@Test
	void refusesABadKernelAndABacktestWithoutDatesBeforeReadingIncidents() {
		AnalysisOptions d = AnalysisOptions.defaults();
		AnalysisOptions triangle = new AnalysisOptions(null, null, 150, Double.NaN, "triangle", "queen", true,
				d.spaceBands(), d.timeBands(), 99, 1, "week", "kde", 365, 28, 1, Double.NaN, 10, 300, 0, d.shares(),
				d.countsBy(), d.h3Resolution());

		assertThatThrownBy(() -> AnalyticsEngine.validate("kde", triangle)).hasMessageContaining("kernel must be");
		assertThatThrownBy(() -> AnalyticsEngine.validate("backtest", d)).hasMessage("a backtest needs --from and --to");
		assertThatThrownBy(() -> AnalyticsEngine.validate("hexbins", d)).hasMessageStartingWith("method must be one of");
		assertThatThrownBy(() -> AnalyticsEngine.validate("gistar", new AnalysisOptions(null, null, 150, Double.NaN,
				"quartic", "band:wide", true, d.spaceBands(), d.timeBands(), 99, 1, "week", "naive", 365, 28, 1, Double.NaN, 10,
				300, 0, d.shares(), d.countsBy(), d.h3Resolution())))
				.hasMessage("weights must be queen, rook or band:METRES; was 'band:wide'");
	}

	/** Records every report; fails the test at once on a report that goes back or beyond its total. */
	static class Reports implements AnalysisProgress {

		final List<Long> done = new ArrayList<>();
		final List<Long> totals = new ArrayList<>();
		final List<String> labels = new ArrayList<>();

		@Override
		public void progressed(long units, long total, String label) {
			done.add(units);
			totals.add(total);
			labels.add(label);
		}

		String last() {
			return labels.get(labels.size() - 1);
		}

		void assertMonotonicToTotal(long total) {
			assertThat(totals).containsOnly(total);
			assertThat(done).isSorted().doesNotHaveDuplicates();
			assertThat(done.get(done.size() - 1)).isEqualTo(total);
		}
	}

	static AnalysisOptions options(String from, String to, String forecast) {
		AnalysisOptions d = AnalysisOptions.defaults();
		return new AnalysisOptions(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
				250, Double.NaN, "quartic", "queen", true, d.spaceBands(), d.timeBands(), 99, 1, "week", forecast, 28,
				28, 1, Double.NaN, 10, 300, 0, d.shares(), d.countsBy(), d.h3Resolution());
	}

	/** 15 incidents a day for 140 days from Monday 1 January 2024, uniform over a 2 km square. */
	static IncidentFrame frame() {
		SplittableRandom rng = new SplittableRandom(11);
		int n = 140 * 15;
		long[] t = new long[n];
		double[] x = new double[n], y = new double[n];
		long start = LocalDate.of(2024, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		for (int i = 0; i < n; i++) {
			t[i] = start + (i / 15) * 86_400L + rng.nextLong(86_400);
			x[i] = rng.nextDouble() * 2000;
			y[i] = rng.nextDouble() * 2000;
		}
		return new IncidentFrame(t, x, y, new double[n], new double[n], new int[n], new long[n], PLANE, ZoneOffset.UTC);
	}

	/** Metres are degrees: enough for tables that only need the grid. */
	private static final MetricProjection PLANE = new MetricProjection() {
		@Override
		public void toMetres(double lat, double lon, double[] xy) {
			xy[0] = lon;
			xy[1] = lat;
		}

		@Override
		public void toDegrees(double x, double y, double[] latLon) {
			latLon[0] = y;
			latLon[1] = x;
		}

		@Override
		public String definition() {
			return "identity";
		}
	};
}
