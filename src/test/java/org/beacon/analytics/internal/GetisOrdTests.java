package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GetisOrdTests {

	/** Gi* must equal spdep's localG to this; the arithmetic is the same, only summation order differs. */
	private static final double SPDEP_TOLERANCE = 1e-9;

	@Test
	void computesGiStarOfSinglePeakByHand() {
		// 3×3 grid, 9 events in the centre, rook weights with self.
		// n = 9, x̄ = 1, S² = Σx²/n − x̄² = 81/9 − 1 = 8, S = 2√2.
		// centre: W = 5, Σwx = 9 → (9 − 5)/(2√2·√((9·5 − 25)/8)) = 4/(2√2·√2.5) = 4/(2√5) = 2/√5
		// edge (1,0): W = 4, Σwx = 9 → (9 − 4)/(2√2·√((36 − 16)/8)) = 5/(2√5) = √5/2
		// corner (0,0): W = 3, Σwx = 0 → (0 − 3)/(2√2·√((27 − 9)/8)) = −3/(2√2·1.5) = −1/√2
		double[] counts = { 0, 0, 0, 0, 9, 0, 0, 0, 0 };

		double[] z = GetisOrd.giStar(counts, 3, 3, GridNeighbourhood.rook());

		assertThat(z[4]).isCloseTo(2 / Math.sqrt(5), within(1e-15));
		assertThat(z[1]).isCloseTo(Math.sqrt(5) / 2, within(1e-15));
		assertThat(z[0]).isCloseTo(-1 / Math.sqrt(2), within(1e-15));
	}

	@Test
	void returnsNanWhenAllCountsAreEqual() {
		double[] z = GetisOrd.giStar(new double[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 }, 3, 2, GridNeighbourhood.rook());

		assertThat(z).containsOnly(Double.NaN);
	}

	@Test
	void returnsNanForOneCellAndForANeighbourhoodCoveringEverything() {
		assertThat(GetisOrd.giStar(new double[] { 4 }, 1, 1, GridNeighbourhood.queen())).containsExactly(Double.NaN);
		// queen on 3×3: the centre's neighbourhood is all 9 cells, so its numerator and variance are both 0
		double[] z = GetisOrd.giStar(new double[] { 0, 1, 0, 2, 5, 0, 0, 3, 1 }, 3, 3, GridNeighbourhood.queen());
		assertThat(z[4]).isNaN();
		assertThat(z[0]).isFinite();
	}

	@Test
	void leavesCellsOutsideTheMaskOutOfMeansAndNeighbourhoods() {
		// 1×4 row, last cell masked out: same as a 1×3 row of the first three
		double[] z = GetisOrd.giStar(new double[] { 1, 5, 2, 100 }, 4, 1,
				new boolean[] { true, true, true, false }, GridNeighbourhood.rook());
		double[] expected = GetisOrd.giStar(new double[] { 1, 5, 2 }, 3, 1, GridNeighbourhood.rook());

		assertThat(z[3]).isNaN();
		assertThat(new double[] { z[0], z[1], z[2] }).containsExactly(expected, within(1e-15));
	}

	@Test
	void rejectsNanValuesAndWrongShapes() {
		assertThatThrownBy(() -> GetisOrd.giStar(new double[] { 1, Double.NaN }, 2, 1, GridNeighbourhood.rook()))
			.hasMessageContaining("cell 1");
		assertThatThrownBy(() -> GetisOrd.giStar(new double[] { 1, 2, 3 }, 2, 1, GridNeighbourhood.rook()))
			.hasMessageContaining("3 values for a 2×1 grid");
	}

	@Test
	void buildsDistanceBandWithCentresExactlyOnTheBand() {
		// 500 m at 100 m cells: r = 5; rows dy = 0..5 have half-widths 5, 4 (√24), 4 (√21), 4 ((3,4) on the
		// band), 3 (√9) and 0 → 11 + 2·(9 + 9 + 9 + 7 + 1) = 81 cells
		GridNeighbourhood band = GridNeighbourhood.distanceBand(500, 100);

		assertThat(band.reach()).isEqualTo(5);
		assertThat(new int[] { band.halfWidth(0), band.halfWidth(1), band.halfWidth(2), band.halfWidth(-3),
				band.halfWidth(4), band.halfWidth(5), band.halfWidth(6) }).containsExactly(5, 4, 4, 4, 3, 0, -1);
		assertThat(band.size()).isEqualTo(81);
		assertThat(GridNeighbourhood.queen().size()).isEqualTo(9);
		assertThat(GridNeighbourhood.rook().size()).isEqualTo(5);
		assertThat(GridNeighbourhood.distanceBand(99, 100).size()).isEqualTo(1);
	}

	@Test
	void matchesSpdepOnSyntheticGrid() {
		GoldenCsv golden = GoldenCsv.read("/gistar/synthetic.csv");

		assertThat(golden.rows()).isEqualTo(23 * 17);
		assertMatchesSpdep(golden, 23, 17, 100, true);
	}

	@Test
	void matchesSpdepOnStLouis2019At500Metres() {
		GoldenCsv golden = GoldenCsv.read("/gistar/stl2019.csv");

		assertThat(golden.rows()).isEqualTo(71 * 71);
		assertMatchesSpdep(golden, 71, 71, 500, false);
	}

	@Test
	void mirroredCountsGiveMirroredScores() {
		double[] counts = new double[7 * 5];
		double[] mirrored = new double[7 * 5];
		for (int iy = 0; iy < 5; iy++) {
			for (int ix = 0; ix < 7; ix++) {
				counts[iy * 7 + ix] = (ix * 3 + iy * iy) % 5;
				mirrored[iy * 7 + (6 - ix)] = counts[iy * 7 + ix];
			}
		}
		GridNeighbourhood band = GridNeighbourhood.distanceBand(2.3, 1);

		double[] z = GetisOrd.giStar(counts, 7, 5, band);
		double[] zm = GetisOrd.giStar(mirrored, 7, 5, band);

		for (int iy = 0; iy < 5; iy++) {
			for (int ix = 0; ix < 7; ix++) {
				assertThat(zm[iy * 7 + (6 - ix)]).isCloseTo(z[iy * 7 + ix], within(1e-12));
			}
		}
	}

	private static void assertMatchesSpdep(GoldenCsv golden, int nx, int ny, double cell, boolean hasP) {
		double[] counts = golden.column("count");
		String[] names = { "queen", "rook", "d250", "d500", "d500nz" };
		GridNeighbourhood[] neighbourhoods = { GridNeighbourhood.queen(), GridNeighbourhood.rook(),
				GridNeighbourhood.distanceBand(2.5 * cell, cell), GridNeighbourhood.distanceBand(5 * cell, cell),
				GridNeighbourhood.distanceBand(5 * cell, cell) };
		boolean[] nonEmpty = new boolean[counts.length];
		for (int i = 0; i < counts.length; i++) {
			nonEmpty[i] = counts[i] > 0;
		}
		for (int k = 0; k < names.length; k++) {
			GiStarResult result = GiStarResult.analyse(counts, nx, ny, names[k].endsWith("nz") ? nonEmpty : null,
					neighbourhoods[k], true);
			double[] expectedZ = golden.column(names[k] + "_z");
			for (int i = 0; i < counts.length; i++) {
				if (Double.isNaN(expectedZ[i])) {
					assertThat(result.z()[i]).as("%s cell %d", names[k], i).isNaN();
				} else {
					assertThat(result.z()[i]).as("%s cell %d", names[k], i).isCloseTo(expectedZ[i],
							within(SPDEP_TOLERANCE));
				}
			}
			assertThat(result.bin()).as(names[k] + " bins").containsExactly(golden.intColumn(names[k] + "_bin"));
			if (hasP) {
				double[] p = golden.column(names[k] + "_p");
				double[] pFdr = golden.column(names[k] + "_pfdr");
				for (int i = 0; i < counts.length; i++) {
					assertThat(result.p()[i]).as("%s p %d", names[k], i).isCloseTo(p[i], within(1e-12));
					assertThat(result.pFdr()[i]).as("%s pFdr %d", names[k], i).isCloseTo(pFdr[i], within(1e-12));
				}
			}
		}
	}
}
