package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SelfExcitingGridTests {

	@Test
	void computesTheLogLikelihoodOfTwoEventsByHand() {
		// one cell, window T = 10 days, events at 0 and 1; μ = 0.5, θ = 0.5, ω = 1.
		// λ(0) = 0.5; λ(1) = 0.5 + 0.5·e⁻¹ = 0.68394; compensator μT + θ[(1 − e⁻¹⁰) + (1 − e⁻⁹)]
		// log L = ln 0.5 + ln 0.68394 − 5 − 0.5·(2 − e⁻¹⁰ − e⁻⁹)
		Grid grid = new Grid(0, 0, 100, 1, 1);
		var series = SelfExcitingGrid.CellSeries.of(new double[] { 50, 50 }, new double[] { 50, 50 },
				new double[] { 0, 1 }, grid, 0, 10);

		double logL = SelfExcitingGrid.logLikelihood(series, new double[] { 0.5 }, 0.5, 1, 10);

		double expected = Math.log(0.5) + Math.log(0.5 + 0.5 * Math.exp(-1)) - 5
				- 0.5 * (2 - Math.exp(-10) - Math.exp(-9));
		assertThat(logL).isCloseTo(expected, within(1e-12));
	}

	@Test
	void recoversTheParametersOfASimulatedProcess() {
		// 100 cells, μ from 0.01 to 0.05 a day, θ = 0.4 offspring per event, ω = 0.2 a day, 3,000 days
		Grid grid = new Grid(0, 0, 150, 10, 10);
		Simulated sim = simulate(grid, 0.4, 0.2, 3000, 7);

		SelfExcitingGrid fit = SelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000, 1.0 / 7, 500);

		assertThat(sim.day.length).isGreaterThan(10_000);
		assertThat(fit.theta()).isCloseTo(0.4, within(0.04));
		assertThat(fit.omega()).isCloseTo(0.2, within(0.04));
		double meanMu = Arrays.stream(fit.mu()).average().orElseThrow();
		assertThat(meanMu).isCloseTo(0.03, within(0.003));
		assertThat(fit.iterations()).isLessThan(500);
	}

	@Test
	void recoversTheParametersWithAMinimumLagOfOneHour() {
		Grid grid = new Grid(0, 0, 150, 10, 10);
		Simulated sim = simulate(grid, 0.4, 0.2, 3000, 7);

		SelfExcitingGrid fit = SelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000, 1.0 / 7, 1.0 / 24, 500);

		assertThat(fit.theta()).isCloseTo(0.4, within(0.04));
		assertThat(fit.omega()).isCloseTo(0.2, within(0.04));
		assertThat(fit.meanDelay()).isCloseTo(1.0 / 24 + 1 / fit.omega(), within(1e-12));
	}

	@Test
	void recordsDuplicatedAtTheSameInstantNoLongerDriveTheDecayRateUp() {
		// every simulated event recorded twice at the same instant (one incident, two offences)
		Grid grid = new Grid(0, 0, 150, 10, 10);
		Simulated sim = simulate(grid, 0.4, 0.2, 3000, 7);
		Simulated twice = new Simulated(doubled(sim.x), doubled(sim.y), doubled(sim.day));

		SelfExcitingGrid published = SelfExcitingGrid.fit(twice.x, twice.y, twice.day, grid, 0, 3000, 1.0 / 7, 500);
		SelfExcitingGrid lagged = SelfExcitingGrid.fit(twice.x, twice.y, twice.day, grid, 0, 3000, 1.0 / 7, 1.0 / 24,
				500);

		// without a lag each copy "triggers" its twin with zero delay and ω runs away
		assertThat(published.omega()).isGreaterThan(1_000);
		// with one hour the copies are background; each copy's offspring are θ children's copies
		assertThat(lagged.theta()).isCloseTo(0.4, within(0.04));
		assertThat(lagged.omega()).isCloseTo(0.2, within(0.04));
		double meanMu = Arrays.stream(lagged.mu()).average().orElseThrow();
		assertThat(meanMu).isCloseTo(0.06, within(0.006));
	}

	@Test
	void aMinimumLagLeavesOutPairsCloserThanIt() {
		// one cell, T = 10, events at 0, 0 and 1; δ = 0.5: only the event at 1 is triggered, by both at 0
		Grid grid = new Grid(0, 0, 100, 1, 1);
		var series = SelfExcitingGrid.CellSeries.of(new double[] { 50, 50, 50 }, new double[] { 50, 50, 50 },
				new double[] { 0, 0, 1 }, grid, 0, 10);

		double logL = SelfExcitingGrid.logLikelihood(series, new double[] { 0.5 }, 0.5, 1, 0.5, 10);

		double compensator = 0.5 * 10 + 0.5 * (2 * (Math.exp(-0.5) - Math.exp(-10)) + Math.exp(-0.5) - Math.exp(-9));
		double expected = 2 * Math.log(0.5) + Math.log(0.5 + 0.5 * 2 * Math.exp(-1)) - compensator;
		assertThat(logL).isCloseTo(expected, within(1e-12));
	}

	@Test
	void rejectsANegativeMinimumLag() {
		assertThatThrownBy(() -> SelfExcitingGrid.fit(new double[0], new double[0], new double[0],
				new Grid(0, 0, 1, 1, 1), 0, 5, 0.1, -1, 10)).hasMessageContaining("minLag");
	}

	@Test
	void fitsBetterThanItsStartingPoint() {
		Grid grid = new Grid(0, 0, 150, 6, 6);
		Simulated sim = simulate(grid, 0.3, 0.5, 1000, 3);

		SelfExcitingGrid one = SelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 1000, 1.0 / 7, 1);
		SelfExcitingGrid full = SelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 1000, 1.0 / 7, 300);

		assertThat(full.logLikelihood()).isGreaterThan(one.logLikelihood());
	}

	@Test
	void ranksARecentlyActiveCellAboveAQuietOneWithTheSameHistory() {
		// two cells with 3 events each over 100 days; cell 1's came in the last 2 days
		Grid grid = new Grid(0, 0, 100, 2, 1);
		double[] x = { 50, 50, 50, 150, 150, 150 };
		double[] y = { 50, 50, 50, 50, 50, 50 };
		double[] day = { 10, 40, 70, 98, 98.5, 99 };
		SelfExcitingGrid fit = SelfExcitingGrid.fit(x, y, day, grid, 0, 100, 0.5, 200);

		double[] intensity = fit.intensity(x, y, day, grid, 100);

		assertThat(intensity[1]).isGreaterThan(intensity[0]);
		assertThat(intensity[0]).isGreaterThanOrEqualTo(fit.mu()[0]);
	}

	@Test
	void rejectsAnEmptyWindow() {
		assertThatThrownBy(() -> SelfExcitingGrid.fit(new double[0], new double[0], new double[0],
				new Grid(0, 0, 1, 1, 1), 5, 5, 0.1, 10)).hasMessageContaining("end > start");
	}

	private record Simulated(double[] x, double[] y, double[] day) {
	}

	private static double[] doubled(double[] values) {
		double[] out = Arrays.copyOf(values, 2 * values.length);
		System.arraycopy(values, 0, out, values.length, values.length);
		return out;
	}

	/** Branching simulation: Poisson backgrounds, each event has Poisson(θ) children Exp(ω) days later. */
	private static Simulated simulate(Grid grid, double theta, double omega, double days, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		double[] x = new double[1 << 16];
		double[] y = new double[1 << 16];
		double[] t = new double[1 << 16];
		int n = 0;
		for (int c = 0; c < grid.cells(); c++) {
			double mu = 0.01 + 0.04 * c / (grid.cells() - 1);
			double cx = grid.centreX(c % grid.nx());
			double cy = grid.centreY(c / grid.nx());
			int first = n;
			int background = RandomDraws.poisson(rng, mu * days);
			for (int k = 0; k < background; k++) {
				if (n == t.length) {
					x = Arrays.copyOf(x, 2 * n);
					y = Arrays.copyOf(y, 2 * n);
					t = Arrays.copyOf(t, 2 * n);
				}
				x[n] = cx;
				y[n] = cy;
				t[n++] = rng.nextDouble() * days;
			}
			for (int parent = first; parent < n; parent++) {
				int children = RandomDraws.poisson(rng, theta);
				for (int k = 0; k < children; k++) {
					double when = t[parent] - Math.log(1 - rng.nextDouble()) / omega;
					if (when < days) {
						if (n == t.length) {
							x = Arrays.copyOf(x, 2 * n);
							y = Arrays.copyOf(y, 2 * n);
							t = Arrays.copyOf(t, 2 * n);
						}
						x[n] = cx;
						y[n] = cy;
						t[n++] = when;
					}
				}
			}
		}
		return new Simulated(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(t, n));
	}

	/**
	 * Two cells of 100 m, window [0, 10), μ = (0.1, 0) a day, θ = 0.5, ω = 0.5 a day, minimum lag δ = 1 day;
	 * cell 0 has events at days 3 and 9.5, cell 1 at day 8. Expected events over the week [10, 17):
	 * <pre>
	 *   cell 0: 0.1·7 + 0.5·[(e^−0.5 − e^−3.75) + (e^−3.5 − e^−7)]   (day 9.5 triggers only from 10.5, δ after it)
	 *         = 0.7 + 0.5·(0.583013 + 0.029286) = 1.006149
	 *   cell 1: 0 + 0.5·(e^−1 − e^−4.5) = 0.5·0.356770 = 0.178385
	 * </pre>
	 */
	@Test
	void expectsTheEventsOfAWeekByHand() {
		Grid grid = new Grid(0, 0, 100, 2, 1);
		double[] x = { 50, 50, 150 };
		double[] y = { 50, 50, 50 };
		double[] day = { 3, 9.5, 8 };
		SelfExcitingGrid model = new SelfExcitingGrid(new double[] { 0.1, 0 }, 0.5, 0.5, 1, 0, 10, 1, Double.NaN);

		double[] week = model.expected(x, y, day, grid, 10, 7);

		assertThat(week[0]).isCloseTo(1.0061492076566942, within(1e-12));
		assertThat(week[1]).isCloseTo(0.1783852223166, within(1e-12));
	}

	/** The expectation is the intensity integrated over the horizon (midpoint rule, 70,000 steps of 1e-4 days). */
	@Test
	void expectedEventsAreTheIntegralOfTheIntensity() {
		Grid grid = new Grid(0, 0, 100, 2, 1);
		double[] x = { 50, 50, 150 };
		double[] y = { 50, 50, 50 };
		double[] day = { 3, 9.5, 8 };
		SelfExcitingGrid model = new SelfExcitingGrid(new double[] { 0.1, 0.02 }, 0.5, 0.5, 1, 0, 10, 1, Double.NaN);
		int steps = 70_000;
		double dt = 7.0 / steps;
		double[] sum = new double[2];
		for (int k = 0; k < steps; k++) {
			double[] lambda = model.intensity(x, y, day, grid, 10 + (k + 0.5) * dt);
			sum[0] += lambda[0] * dt;
			sum[1] += lambda[1] * dt;
		}

		double[] week = model.expected(x, y, day, grid, 10, 7);

		// the midpoint rule's error is O(dt) at the step δ after day 9.5, well under 1e-4
		assertThat(week[0]).isCloseTo(sum[0], within(1e-4));
		assertThat(week[1]).isCloseTo(sum[1], within(1e-4));
	}

	@Test
	void expectsOnlyTheBackgroundWithoutTriggeringAndRefusesAnEmptyHorizon() {
		Grid grid = new Grid(0, 0, 100, 1, 1);
		// θ = 0 with ω = ∞ (what EM gives when nothing triggers): μ·H, not NaN
		SelfExcitingGrid model = new SelfExcitingGrid(new double[] { 0.25 }, 0, Double.POSITIVE_INFINITY, 0, 0, 10, 1,
				Double.NaN);

		assertThat(model.expected(new double[] { 50 }, new double[] { 50 }, new double[] { 9 }, grid, 10, 30))
			.containsExactly(7.5);
		assertThatThrownBy(() -> model.expected(new double[0], new double[0], new double[0], grid, 10, 0))
			.hasMessageContaining("horizon must be a positive number of days");
	}
}
