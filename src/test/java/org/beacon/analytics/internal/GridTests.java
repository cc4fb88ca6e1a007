package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GridTests {

	@Test
	void coversPointsFromFlooredOriginAndCountsThemInHalfOpenCells() {
		// x from 130 to 460, cell 100 → x0 = floor(130/100)·100 = 100, nx = floor((460 − 100)/100) + 1 = 4
		// y from 20 to 250        → y0 = 0,                            ny = floor(250/100) + 1 = 3
		double[] x = { 130, 460, 200, 199.99, 130 };
		double[] y = { 20, 250, 100, 99.99, 30 };
		Grid grid = Grid.covering(x, y, 100);

		assertThat(grid).isEqualTo(new Grid(100, 0, 100, 4, 3));
		int[] counts = grid.count(x, y);
		// (130,20),(130,30),(199.99,99.99) → cell (0,0) = 0; (200,100) → (1,1) = 1·4+1 = 5; (460,250) → (3,2) = 11
		assertThat(counts).containsExactly(3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1);
	}

	@Test
	void putsPointOnSharedEdgeInTheCellAboveAndToTheRight() {
		Grid grid = new Grid(0, 0, 50, 3, 3);

		assertThat(grid.indexOf(50, 50)).isEqualTo(1 * 3 + 1);
		assertThat(grid.indexOf(49.999999, 50)).isEqualTo(1 * 3);
		assertThat(grid.indexOf(0, 0)).isZero();
	}

	@Test
	void excludesPointsOutsideAndOnTheFarEdge() {
		Grid grid = new Grid(0, 0, 10, 2, 2);

		assertThat(grid.indexOf(20, 5)).isEqualTo(-1);
		assertThat(grid.indexOf(-0.001, 5)).isEqualTo(-1);
		assertThat(grid.count(new double[] { 5, 20, 15 }, new double[] { 5, 5, 15 })).containsExactly(1, 0, 0, 1);
	}

	@Test
	void keepsMinimumInColumnZeroWhenOriginRoundsAboveIt() {
		// floor(0.3/0.1) = floor(2.9999999999999996) = 2 here, but other sizes can round up; either way the
		// minimum must land in column 0
		double[] x = { 0.3, 0.7 };
		double[] y = { 0.3, 0.3 };
		for (double cell : new double[] { 0.1, 0.3, 0.7, 1.1 / 3 }) {
			Grid grid = Grid.covering(x, y, cell);
			assertThat(grid.column(0.3)).as("cell %s", cell).isZero();
			assertThat(grid.count(x, y)).as("cell %s", cell).doesNotContain(-1).matches(c -> sum(c) == 2);
		}
	}

	@Test
	void givesOneCellForOnePoint() {
		Grid grid = Grid.covering(new double[] { 1234.5 }, new double[] { -10 }, 100);

		assertThat(grid).isEqualTo(new Grid(1200, -100, 100, 1, 1));
		assertThat(grid.centreX(0)).isEqualTo(1250);
		assertThat(grid.centreY(0)).isEqualTo(-50);
	}

	@Test
	void sumsWeightsPerCell() {
		Grid grid = new Grid(0, 0, 1, 2, 1);

		double[] sums = grid.sum(new double[] { 0.5, 0.2, 1.5 }, new double[] { 0.5, 0.5, 0.5 },
				new double[] { 0.25, 0.5, 2 });

		assertThat(sums[0]).isCloseTo(0.75, within(1e-15));
		assertThat(sums[1]).isCloseTo(2.0, within(1e-15));
	}

	@Test
	void growsByMarginOnEverySide() {
		Grid grown = new Grid(100, 200, 50, 4, 3).grow(2);

		assertThat(grown).isEqualTo(new Grid(0, 100, 50, 8, 7));
		assertThat(grown.cellAreaKm2()).isCloseTo(0.0025, within(1e-15));
	}

	@Test
	void rejectsEmptyNanAndMismatchedInput() {
		assertThatThrownBy(() -> Grid.covering(new double[0], new double[0], 100))
			.hasMessageContaining("at least one point");
		assertThatThrownBy(() -> Grid.covering(new double[] { 1, Double.NaN }, new double[] { 1, 2 }, 100))
			.hasMessageContaining("point 1");
		assertThatThrownBy(() -> Grid.covering(new double[] { 1 }, new double[] { 1, 2 }, 100))
			.hasMessageContaining("x has 1 values but y has 2");
		assertThatThrownBy(() -> Grid.covering(new double[] { 1 }, new double[] { 1 }, 0))
			.hasMessageContaining("cell must be a positive");
		assertThatThrownBy(() -> new Grid(0, 0, 1, 0, 5)).hasMessageContaining("at least one column");
		assertThatThrownBy(() -> new Grid(0, 0, 1, 2, 2).count(new double[] { Double.NaN }, new double[] { 0 }))
			.hasMessageContaining("NaN");
	}

	private static int sum(int[] counts) {
		int s = 0;
		for (int c : counts) {
			s += c;
		}
		return s;
	}
}
