package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.beacon.analytics.internal.MaximumCoverage.Placement;
import org.junit.jupiter.api.Test;

/** Greedy maximum coverage on small grids worked by hand. */
class MaximumCoverageTests {

	/** Five cells in a row, 100 m each; forecast 0, 5, 1, 0, 4. */
	private static final double[] ROW = { 0, 5, 1, 0, 4 };

	@Test
	void placesEachUnitWhereItCoversTheMostForecastNotYetCovered() {
		// radius 100 m reaches the neighbours: discs sum to 5, 6, 6, 5, 4; of the tie, cell 1 scores more itself
		// (5 against 1) and covers cells 0-2; then cells 3 and 4 both add 4 and cell 4 scores more itself;
		// nothing is left for a third unit
		List<Placement> placed = MaximumCoverage.place(ROW, 5, 100, 100, 3, new long[5], 0);

		assertThat(placed).containsExactly(new Placement(1, 6, 6), new Placement(4, 4, 10));
	}

	@Test
	void coversOnlyItsOwnCellWithRadiusZero() {
		List<Placement> placed = MaximumCoverage.place(new double[] { 3, 1, 2 }, 3, 100, 0, 3, new long[3], 0);

		assertThat(placed).extracting(Placement::cell).containsExactly(0, 2, 1);
		assertThat(placed.get(2).cumulative()).isEqualTo(6);
	}

	@Test
	void honoursTheCapPerNeighbourhood() {
		long[] oneNeighbourhood = { 7, 7, 7, 7, 7 };
		long[] two = { 1, 1, 1, 2, 2 };

		assertThat(MaximumCoverage.place(ROW, 5, 100, 100, 2, oneNeighbourhood, 1)).containsExactly(
				new Placement(1, 6, 6));
		assertThat(MaximumCoverage.place(ROW, 5, 100, 100, 2, two, 1)).extracting(Placement::cell).containsExactly(1, 4);
	}

	@Test
	void coversDiagonalCellsOnlyWhenTheyAreWithinTheRadius() {
		// a 3 x 3 grid with 1 in each corner and 1 in the middle: at 100 m the middle reaches no corner (1), an
		// edge cell reaches two corners and the middle (3); at 150 m (> 141 m) the middle reaches all four (5)
		double[] grid = { 1, 0, 1, 0, 1, 0, 1, 0, 1 };

		assertThat(MaximumCoverage.place(grid, 3, 100, 100, 1, new long[9], 0)).containsExactly(new Placement(1, 3, 3));
		assertThat(MaximumCoverage.place(grid, 3, 100, 150, 1, new long[9], 0)).containsExactly(new Placement(4, 5, 5));
	}

	@Test
	void refusesNoUnitsAndANegativeRadius() {
		assertThatThrownBy(() -> MaximumCoverage.place(ROW, 5, 100, 100, 0, new long[5], 0))
				.hasMessageContaining("units");
		assertThatThrownBy(() -> MaximumCoverage.place(ROW, 5, 100, -1, 1, new long[5], 0))
				.hasMessageContaining("radius");
	}
}
