package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KernelDensityTests {

	/** The bar for the binned estimate: within 0.5 % of the largest exact density. */
	private static final double BINNED_TOLERANCE_OF_MAX = 0.005;

	@Test
	void computesDensityOfOneEventByHand() {
		// one event at the centre of cell (5, 5) of a 11×11 grid of 20 m cells, so it sits on a lattice node
		// Gaussian h = 100: at the event 10⁶/(2π·100²) = 15.9155 per km²; 100 m east: ·e^{−½} = 9.6532
		// quartic r = 200: at the event 3·10⁶/(π·200²) = 23.8732; 100 m east: ·(1 − ¼)² = 13.4287
		Grid grid = new Grid(0, 0, 20, 11, 11);
		double[] x = { 110 };
		double[] y = { 110 };

		double[] gaussian = KernelDensity.perKm2(x, y, null, grid, Kernel.GAUSSIAN, 100);
		double[] quartic = KernelDensity.perKm2(x, y, null, grid, Kernel.QUARTIC, 200);

		assertThat(gaussian[5 * 11 + 5]).isCloseTo(1e6 / (2 * Math.PI * 1e4), within(1e-12));
		assertThat(gaussian[5 * 11 + 10]).isCloseTo(1e6 / (2 * Math.PI * 1e4) * Math.exp(-0.5), within(1e-12));
		assertThat(quartic[5 * 11 + 5]).isCloseTo(3e6 / (Math.PI * 4e4), within(1e-12));
		assertThat(quartic[5 * 11 + 10]).isCloseTo(3e6 / (Math.PI * 4e4) * 0.5625, within(1e-12));
	}

	@Test
	void givesZeroDensityWithoutEvents() {
		double[] density = KernelDensity.perKm2(new double[0], new double[0], null, new Grid(0, 0, 10, 4, 3),
				Kernel.GAUSSIAN, 30);

		assertThat(density).hasSize(12).containsOnly(0.0);
	}

	@Test
	void addsCoincidentEventsAndScalesWithWeights() {
		Grid grid = new Grid(0, 0, 25, 8, 8);
		double[] one = KernelDensity.perKm2(new double[] { 93.3 }, new double[] { 71.2 }, new double[] { 3 }, grid,
				Kernel.QUARTIC, 120);
		double[] three = KernelDensity.perKm2(new double[] { 93.3, 93.3, 93.3 }, new double[] { 71.2, 71.2, 71.2 },
				null, grid, Kernel.QUARTIC, 120);

		assertThat(one).containsExactly(three, within(1e-12));
	}

	@Test
	void countsEventsJustOutsideTheGridForTheCellsTheyReach() {
		// an event 30 m west of a one-cell grid's edge still lands 80 m from its centre
		Grid grid = new Grid(0, 0, 100, 1, 1);
		double[] density = KernelDensity.perKm2(new double[] { -30 }, new double[] { 50 }, null, grid, Kernel.GAUSSIAN,
				100);

		assertThat(density[0]).isCloseTo(KernelDensity.exactPerKm2(new double[] { -30 }, new double[] { 50 }, null,
				Kernel.GAUSSIAN, 100, 50, 50), within(0.002 * density[0]));
	}

	@Test
	void rejectsBadBandwidthWeightsAndCoordinates() {
		Grid grid = new Grid(0, 0, 10, 2, 2);
		double[] x = { 5 };
		double[] y = { 5 };

		assertThatThrownBy(() -> KernelDensity.perKm2(x, y, null, grid, Kernel.GAUSSIAN, 0))
			.hasMessageContaining("bandwidth");
		assertThatThrownBy(() -> KernelDensity.perKm2(x, y, new double[] { -1 }, grid, Kernel.GAUSSIAN, 10))
			.hasMessageContaining("weight 0");
		assertThatThrownBy(() -> KernelDensity.perKm2(new double[] { Double.NaN }, y, null, grid, Kernel.GAUSSIAN, 10))
			.hasMessageContaining("NaN");
		assertThatThrownBy(() -> KernelDensity.defaultBandwidth(new double[0], new double[0]))
			.hasMessageContaining("at least one point");
	}

	@Test
	void sumsExactlyWhenTheBandwidthIsSmallerThanACell() {
		// h = 50 m on 100 m cells would need 24 lattice nodes per cell: each event is summed exactly instead
		Grid grid = new Grid(0, 0, 100, 6, 6);
		double[] x = { 120.5, 310, 333.3, 480 };
		double[] y = { 140, 260.7, 250, 590 };

		double[] density = KernelDensity.perKm2(x, y, null, grid, Kernel.GAUSSIAN, 50);

		for (int i = 0; i < density.length; i++) {
			double exact = KernelDensity.exactPerKm2(x, y, null, Kernel.GAUSSIAN, 50, grid.centreX(i % 6),
					grid.centreY(i / 6));
			// the 5σ cut-off drops terms below e^{−12.5}·peak
			assertThat(density[i]).isCloseTo(exact, within(1e-5 * 127.3));
		}
	}

	@Test
	void defaultBandwidthFollowsTheArcGisRule() {
		// square of side 2: mean centre (1, 1), every distance √2, SD = √((4 + 4)/4) = √2, D_m = √2;
		// min(√2, √(1/ln 2)·√2) = √2 → h = 0.9·√2·4^(−0.2)
		double h = KernelDensity.defaultBandwidth(new double[] { 0, 2, 0, 2 }, new double[] { 0, 0, 2, 2 });

		assertThat(h).isCloseTo(0.9 * Math.sqrt(2) * Math.pow(4, -0.2), within(1e-15));
		assertThat(KernelDensity.defaultBandwidth(new double[] { 5, 5 }, new double[] { 1, 1 })).isZero();
	}

	@Test
	void defaultBandwidthUsesTheMedianDistanceWhenOutliersInflateTheStandardDistance() {
		// nine events at distance ≈ 1 from their mean, one 1,000 away: SD ≈ 300, D_m ≈ 100, the median wins
		double[] x = { -1, 1, 0, 0, -1, 1, 0, 0, 0, 1000 };
		double[] y = { 0, 0, -1, 1, 0, 0, -1, 1, 0, 0 };

		double h = KernelDensity.defaultBandwidth(x, y);

		assertThat(h).isLessThan(0.9 * 200 * Math.pow(10, -0.2));
	}

	@Test
	void matchesScikitLearnWithinHalfAPercentOfTheMaximum() {
		GoldenCsv points = GoldenCsv.read("/kde/points.csv");
		GoldenCsv golden = GoldenCsv.read("/kde/density.csv");
		double[] x = points.column("x");
		double[] y = points.column("y");
		Grid grid = Grid.covering(x, y, 100);

		assertThat(points.rows()).isEqualTo(1200);
		assertThat(golden.rows()).isEqualTo(900);
		assertThat(grid).isEqualTo(new Grid(0, 0, 100, 30, 30));
		assertWithinTolerance(KernelDensity.perKm2(x, y, null, grid, Kernel.GAUSSIAN, 300), golden.column("gaussian300"));
		assertWithinTolerance(KernelDensity.perKm2(x, y, null, grid, Kernel.GAUSSIAN, 150), golden.column("gaussian150"));
		assertWithinTolerance(KernelDensity.perKm2(x, y, null, grid, Kernel.EPANECHNIKOV, 400),
				golden.column("epanechnikov400"));
		assertWithinTolerance(KernelDensity.perKm2(x, y, null, grid, Kernel.QUARTIC, 400), golden.column("quartic400"));
	}

	@Test
	void exactSumEqualsScikitLearn() {
		GoldenCsv points = GoldenCsv.read("/kde/points.csv");
		GoldenCsv golden = GoldenCsv.read("/kde/density.csv");
		double[] x = points.column("x");
		double[] y = points.column("y");
		double[] expected = golden.column("gaussian300");
		double[] xc = golden.column("xc");
		double[] yc = golden.column("yc");

		for (int i = 0; i < golden.rows(); i += 37) {
			assertThat(KernelDensity.exactPerKm2(x, y, null, Kernel.GAUSSIAN, 300, xc[i], yc[i]))
				.isCloseTo(expected[i], within(1e-9 * expected[i]));
		}
	}

	@Test
	void isSymmetricPeaksAtTheEventAndDecaysWithDistance() {
		Grid grid = new Grid(0, 0, 10, 21, 21);
		for (Kernel kernel : Kernel.values()) {
			double[] d = KernelDensity.perKm2(new double[] { 105 }, new double[] { 105 }, null, grid, kernel, 60);
			for (int iy = 0; iy < 21; iy++) {
				for (int ix = 0; ix < 21; ix++) {
					double v = d[iy * 21 + ix];
					assertThat(v).as("%s mirror of (%d, %d)", kernel, ix, iy).isCloseTo(d[iy * 21 + 20 - ix], within(1e-12))
						.isCloseTo(d[(20 - iy) * 21 + ix], within(1e-12))
						.isCloseTo(d[ix * 21 + iy], within(1e-12));
				}
			}
			for (int ix = 10; ix < 20; ix++) {
				assertThat(d[10 * 21 + ix + 1]).as("%s decays at %d", kernel, ix).isLessThanOrEqualTo(d[10 * 21 + ix]);
			}
		}
	}

	@Test
	void conservesTheEventMassOverTheGrid() {
		// 3 events well inside a 2 km square: Σ density · cell area ≈ 3 (Riemann sum of a unit-mass kernel)
		Grid grid = new Grid(0, 0, 25, 80, 80);
		double[] x = { 700, 1000, 1333 };
		double[] y = { 900, 1000, 777 };
		for (Kernel kernel : Kernel.values()) {
			double total = 0;
			for (double v : KernelDensity.perKm2(x, y, null, grid, kernel, 150)) {
				total += v * grid.cellAreaKm2();
			}
			assertThat(total).as("%s mass", kernel).isCloseTo(3.0, within(0.01));
		}
	}

	private static void assertWithinTolerance(double[] actual, double[] expected) {
		double max = 0;
		for (double v : expected) {
			max = Math.max(max, v);
		}
		for (int i = 0; i < expected.length; i++) {
			assertThat(actual[i]).as("cell %d", i).isCloseTo(expected[i], within(BINNED_TOLERANCE_OF_MAX * max));
		}
	}
}
