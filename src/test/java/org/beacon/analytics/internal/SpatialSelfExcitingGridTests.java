package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.beacon.analytics.internal.SpatialSelfExcitingGrid.Settings;
import org.junit.jupiter.api.Test;

class SpatialSelfExcitingGridTests {

	@Test
	void withSigmaZeroItIsTheSameCellModelToRoundingError() {
		Grid grid = new Grid(0, 0, 150, 10, 10);
		Simulated sim = simulate(grid, 0.4, 0.2, 0, 3000, 7);
		for (double lag : new double[] { 0, 1.0 / 24 }) {
			SelfExcitingGrid sameCell = SelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000, 1.0 / 7, lag, 500);
			SpatialSelfExcitingGrid spatial = SpatialSelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000,
					new Settings(1.0 / 7, 0, true, 1000, lag, 500));

			assertThat(spatial.sigma()).isZero();
			assertThat(spatial.iterations()).isEqualTo(sameCell.iterations());
			assertThat(spatial.theta()).isCloseTo(sameCell.theta(), within(1e-9));
			assertThat(spatial.omega()).isCloseTo(sameCell.omega(), within(1e-9 * sameCell.omega()));
			for (int c = 0; c < grid.cells(); c++) {
				assertThat(spatial.mu()[c]).isCloseTo(sameCell.mu()[c], within(1e-12));
			}
			assertThat(spatial.logLikelihood()).isCloseTo(sameCell.logLikelihood(),
					within(1e-9 * Math.abs(sameCell.logLikelihood())));
			double[] a = sameCell.intensity(sim.x, sim.y, sim.day, grid, 3000);
			double[] b = spatial.intensity(sim.x, sim.y, sim.day, grid, 3000);
			for (int c = 0; c < grid.cells(); c++) {
				assertThat(b[c]).isCloseTo(a[c], within(1e-9 * a[c]));
			}
		}
	}

	@Test
	void computesTheLogLikelihoodOfTwoEventsInNeighbouringCellsByHand() {
		// cells of 100 m in one row of two; σ = 100 m; events at (cell 0, day 0) and (cell 1, day 1); T = 10
		// λ at the second event = μ + θω·e⁻¹·p(1)·p(0): one step along x, none along y
		// compensator: μ·2·T + θ Σ_i (1 − e^{−ω(T − t_i)})·(mass of i's kernel on the grid, x times y)
		Grid grid = new Grid(0, 0, 100, 2, 1);
		GaussianCellKernel k = GaussianCellKernel.of(100, 100, Integer.MAX_VALUE);
		double p0 = k.share(0);
		double p1 = k.share(1);
		double onGrid = (p0 + p1) * p0;

		double logL = SpatialSelfExcitingGrid.logLikelihood(new double[] { 50, 150 }, new double[] { 50, 50 },
				new double[] { 0, 1 }, grid, 0, 10, new double[] { 0.5, 0.5 }, 0.5, 1, 100, 0);

		double expected = Math.log(0.5) + Math.log(0.5 + 0.5 * Math.exp(-1) * p1 * p0) - 0.5 * 2 * 10
				- 0.5 * ((1 - Math.exp(-10)) + (1 - Math.exp(-9))) * onGrid;
		assertThat(logL).isCloseTo(expected, within(1e-12));
	}

	@Test
	void recoversTheParametersOfAProcessWhoseOffspringSpreadInSpace() {
		// 20 x 20 cells of 100 m; μ from 0.002 to 0.01 a day; θ = 0.5, ω = 0.3 a day, σ = 150 m; 3,000 days
		Grid grid = new Grid(0, 0, 100, 20, 20);
		Simulated sim = simulate(grid, 0.5, 0.3, 150, 3000, 11);

		SpatialSelfExcitingGrid fit = SpatialSelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000,
				new Settings(1.0 / 7, 100, true, 1000, 0, 500));

		assertThat(sim.day.length).isGreaterThan(10_000);
		assertThat(fit.theta()).isCloseTo(0.5, within(0.05));
		assertThat(fit.omega()).isCloseTo(0.3, within(0.045));
		assertThat(fit.sigma()).isCloseTo(150, within(15.0));
		assertThat(fit.iterations()).isLessThan(500);
	}

	@Test
	void theSameCellModelMissesTriggeringThatCrossesCells() {
		// offspring land 150 m (1.5 cells) around their parent: most of them in another cell
		Grid grid = new Grid(0, 0, 100, 20, 20);
		Simulated sim = simulate(grid, 0.5, 0.3, 150, 3000, 11);

		SelfExcitingGrid sameCell = SelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000, 1.0 / 7, 500);
		SpatialSelfExcitingGrid spatial = SpatialSelfExcitingGrid.fit(sim.x, sim.y, sim.day, grid, 0, 3000,
				new Settings(1.0 / 7, 100, true, 1000, 0, 500));

		assertThat(sameCell.theta()).isLessThan(0.3);
		assertThat(spatial.logLikelihood()).isGreaterThan(sameCell.logLikelihood() + 100);
	}

	@Test
	void aRecentEventRaisesItsNeighboursMoreThanFartherCells() {
		Grid grid = new Grid(0, 0, 100, 9, 1);
		double[] x = { 50, 450, 450, 850 };
		double[] y = { 50, 50, 50, 50 };
		double[] day = { 10, 40, 99.5, 70 };
		SpatialSelfExcitingGrid model = new SpatialSelfExcitingGrid(new double[9], 0.5, 1, 100, 0, 0, 100, 1, 0);

		double[] intensity = model.intensity(x, y, day, grid, 100);

		assertThat(intensity[4]).isGreaterThan(intensity[3]);
		assertThat(intensity[3]).isGreaterThan(intensity[2]);
		assertThat(intensity[3]).isCloseTo(intensity[5], within(1e-15));
		// the event half a day ago: θω·e^{−0.5}·p(0)² in its own cell, plus the older ones' faded shares
		GaussianCellKernel k = GaussianCellKernel.of(100, 100, Integer.MAX_VALUE);
		double own = 0.5 * Math.exp(-0.5) * k.share(0) * k.share(0) + 0.5 * Math.exp(-60) * k.share(0) * k.share(0);
		assertThat(intensity[4]).isCloseTo(own, within(1e-15));
	}

	@Test
	void spreadingKeepsTheMassAwayFromTheEdges() {
		Grid grid = new Grid(0, 0, 100, 21, 21);
		double[] value = new double[grid.cells()];
		value[10 * 21 + 10] = 3;
		GaussianCellKernel k = GaussianCellKernel.of(180, 100, Integer.MAX_VALUE);

		double[] spread = SpatialSelfExcitingGrid.spread(value, grid, k);

		assertThat(Arrays.stream(spread).sum()).isCloseTo(3, within(1e-12));
		assertThat(spread[10 * 21 + 11]).isCloseTo(3 * k.share(0) * k.share(1), within(1e-15));
		assertThat(spread[11 * 21 + 12]).isCloseTo(3 * k.share(1) * k.share(2), within(1e-15));
	}

	@Test
	void rejectsBadSettings() {
		assertThatThrownBy(() -> new Settings(0.1, -1, true, 100, 0, 10)).hasMessageContaining("sigmaStart");
		assertThatThrownBy(() -> new Settings(0.1, 200, true, 100, 0, 10)).hasMessageContaining("maxSigma");
		assertThatThrownBy(() -> new Settings(0.1, 0, true, 100, -1, 10)).hasMessageContaining("minLag");
		assertThatThrownBy(() -> new Settings(0, 0, true, 100, 0, 10)).hasMessageContaining("omegaStart");
		assertThatThrownBy(() -> SpatialSelfExcitingGrid.fit(new double[0], new double[0], new double[0],
				new Grid(0, 0, 1, 1, 1), 5, 5, new Settings(0.1, 0, true, 10, 0, 10)))
				.hasMessageContaining("end > start");
	}

	private record Simulated(double[] x, double[] y, double[] day) {
	}

	/**
	 * Branching simulation of the model itself: Poisson backgrounds per cell (μ rising with the cell index),
	 * each event has Poisson(θ) children Exp(ω) days later, placed at its cell's centre plus a Gaussian step of
	 * σ metres per axis (children off the grid are lost, as the model expects).
	 */
	private static Simulated simulate(Grid grid, double theta, double omega, double sigma, double days, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		Growing events = new Growing();
		for (int c = 0; c < grid.cells(); c++) {
			double mu = 0.01 + 0.04 * c / (grid.cells() - 1);
			if (grid.cells() > 100) {
				mu /= 5;
			}
			int background = RandomDraws.poisson(rng, mu * days);
			for (int k = 0; k < background; k++) {
				events.add(grid.centreX(c % grid.nx()), grid.centreY(c / grid.nx()), rng.nextDouble() * days);
			}
		}
		for (int parent = 0; parent < events.n; parent++) {
			int children = RandomDraws.poisson(rng, theta);
			int cell = grid.indexOf(events.x[parent], events.y[parent]);
			double cx = grid.centreX(cell % grid.nx());
			double cy = grid.centreY(cell / grid.nx());
			for (int k = 0; k < children; k++) {
				double when = events.t[parent] - Math.log(1 - rng.nextDouble()) / omega;
				double x = cx + sigma * RandomDraws.gaussian(rng);
				double y = cy + sigma * RandomDraws.gaussian(rng);
				if (when < days && grid.indexOf(x, y) >= 0) {
					events.add(x, y, when);
				}
			}
		}
		return new Simulated(Arrays.copyOf(events.x, events.n), Arrays.copyOf(events.y, events.n),
				Arrays.copyOf(events.t, events.n));
	}

	private static final class Growing {

		double[] x = new double[1024];

		double[] y = new double[1024];

		double[] t = new double[1024];

		int n;

		void add(double px, double py, double pt) {
			if (n == t.length) {
				x = Arrays.copyOf(x, 2 * n);
				y = Arrays.copyOf(y, 2 * n);
				t = Arrays.copyOf(t, 2 * n);
			}
			x[n] = px;
			y[n] = py;
			t[n++] = pt;
		}
	}

	@Test
	void expectsWhatTheSameCellModelExpectsWhenSigmaIsZero() {
		Grid grid = new Grid(0, 0, 100, 2, 1);
		double[] x = { 50, 50, 150 };
		double[] y = { 50, 50, 50 };
		double[] day = { 3, 9.5, 8 };
		double[] mu = { 0.1, 0 };
		SelfExcitingGrid same = new SelfExcitingGrid(mu, 0.5, 0.5, 1, 0, 10, 1, Double.NaN);
		SpatialSelfExcitingGrid spatial = new SpatialSelfExcitingGrid(mu, 0.5, 0.5, 0, 1, 0, 10, 1, Double.NaN);

		assertThat(spatial.expected(x, y, day, grid, 10, 7)).containsExactly(same.expected(x, y, day, grid, 10, 7),
				within(1e-15));
	}

	/**
	 * One event at day 9 in the centre of a 9×9 grid of 100 m cells, σ = 50 m (reach 2 cells, inside the grid),
	 * θ = 0.4, ω = 1, δ = 0, no background: over the day [10, 11) the grid expects 0.4·(e^−1 − e^−2) in all,
	 * the centre cell most, and the four cells beside it alike.
	 */
	@Test
	void spreadsTheExpectedOffspringOverCellsAndKeepsTheirTotal() {
		Grid grid = new Grid(0, 0, 100, 9, 9);
		SpatialSelfExcitingGrid model = new SpatialSelfExcitingGrid(new double[81], 0.4, 1, 50, 0, 0, 10, 1,
				Double.NaN);

		double[] day = model.expected(new double[] { 450 }, new double[] { 450 }, new double[] { 9 }, grid, 10, 1);

		assertThat(java.util.Arrays.stream(day).sum()).isCloseTo(0.4 * (Math.exp(-1) - Math.exp(-2)), within(1e-12));
		int centre = 4 * 9 + 4;
		assertThat(day[centre]).isGreaterThan(day[centre + 1]);
		assertThat(day[centre + 1]).isCloseTo(day[centre - 1], within(1e-15)).isCloseTo(day[centre + 9], within(1e-15));
	}
}
