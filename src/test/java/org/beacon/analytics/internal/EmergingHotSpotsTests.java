package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.beacon.analytics.internal.EmergingHotSpots.Category;
import org.junit.jupiter.api.Test;

class EmergingHotSpotsTests {

	private static final double ALPHA = 0.05;

	@Test
	void classifiesHandMadeHotSpotHistories() {
		// '+' hot (z = 3, p = .001), '-' cold (z = −3), '.' not significant (z = 0.5, p = .6); ten steps
		assertThat(classify(".........+")).isEqualTo(Category.NEW_HOT);
		assertThat(classify(".......+++")).isEqualTo(Category.CONSECUTIVE_HOT);
		assertThat(classify("..+..+...+")).isEqualTo(Category.SPORADIC_HOT);
		assertThat(classify(".+.-.....+")).isEqualTo(Category.OSCILLATING_HOT);
		assertThat(classify("+++++++++.")).isEqualTo(Category.HISTORICAL_HOT);
		assertThat(classify("....+.....")).isEqualTo(Category.NO_PATTERN);
		assertThat(classify("..........")).isEqualTo(Category.NO_PATTERN);
	}

	@Test
	void mirrorsEveryPatternForColdSpots() {
		assertThat(classify(".........-")).isEqualTo(Category.NEW_COLD);
		assertThat(classify(".......---")).isEqualTo(Category.CONSECUTIVE_COLD);
		assertThat(classify("..-..-...-")).isEqualTo(Category.SPORADIC_COLD);
		assertThat(classify(".-.+.....-")).isEqualTo(Category.OSCILLATING_COLD);
		assertThat(classify("---------.")).isEqualTo(Category.HISTORICAL_COLD);
	}

	@Test
	void usesTheTrendToTellIntensifyingPersistentAndDiminishing() {
		double[] p = new double[10];
		java.util.Arrays.fill(p, 0.001);
		// all ten steps hot; Mann-Kendall of a strictly rising z: S = 45, Z = 44/√125 = 3.94, p < .001
		double[] rising = { 2.1, 2.4, 2.9, 3.3, 3.8, 4.0, 4.6, 5.1, 5.5, 6.0 };
		double[] flat = { 3.1, 2.8, 3.4, 2.9, 3.0, 3.3, 2.7, 3.2, 2.9, 3.1 };
		double[] falling = { 6.0, 5.5, 5.1, 4.6, 4.0, 3.8, 3.3, 2.9, 2.4, 2.1 };

		assertThat(EmergingHotSpots.classify(rising, p, ALPHA, ALPHA)).isEqualTo(Category.INTENSIFYING_HOT);
		assertThat(EmergingHotSpots.classify(flat, p, ALPHA, ALPHA)).isEqualTo(Category.PERSISTENT_HOT);
		assertThat(EmergingHotSpots.classify(falling, p, ALPHA, ALPHA)).isEqualTo(Category.DIMINISHING_HOT);
		// cold spots intensify as z falls further below 0
		assertThat(EmergingHotSpots.classify(negate(rising), p, ALPHA, ALPHA)).isEqualTo(Category.INTENSIFYING_COLD);
		assertThat(EmergingHotSpots.classify(negate(flat), p, ALPHA, ALPHA)).isEqualTo(Category.PERSISTENT_COLD);
		assertThat(EmergingHotSpots.classify(negate(falling), p, ALPHA, ALPHA)).isEqualTo(Category.DIMINISHING_COLD);
	}

	@Test
	void appliesTheDocumentedTieBreaks() {
		// new and consecutive are defined by hot history alone, so they win over oscillating
		assertThat(classify("...-.....+")).isEqualTo(Category.NEW_HOT);
		assertThat(classify("..-....+++")).isEqualTo(Category.CONSECUTIVE_HOT);
		// 9 of 10 hot including the last: ≥ 90 % → persistent (flat z), not consecutive
		assertThat(classify(".+++++++++")).isEqualTo(Category.PERSISTENT_HOT);
		// 90 % of 12 steps is 10.8: 10 hot steps are not enough
		assertThat(classify("..++++++++++".substring(0, 12))).isEqualTo(Category.CONSECUTIVE_HOT);
		// a significant p with z exactly 0 is neither hot nor cold
		assertThat(EmergingHotSpots.classify(new double[] { 0, 0 }, new double[] { 0.001, 0.001 }, ALPHA, ALPHA))
			.isEqualTo(Category.NO_PATTERN);
	}

	@Test
	void rejectsSeriesShorterThanTwoSteps() {
		assertThatThrownBy(() -> EmergingHotSpots.classify(new double[] { 3 }, new double[] { 0.01 }, ALPHA, ALPHA))
			.hasMessageContaining("at least 2 steps");
	}

	@Test
	void computesSpaceTimeGiStarByHand() {
		// 1×3 row of cells a b c, three steps: t0 = 0 0 0, t1 = 0 3 0, t2 = 0 3 0; rook + self, one time lag.
		// n = 9 bins, x̄ = 6/9 = 2/3, S² = 18/9 − 4/9 = 14/9, S = √14/3.
		// (b, t2): cells a b c at t1, t2 → W = 6, Σwx = 6 → (6 − 4)/(S·√((54 − 36)/8)) = 2/(√14/3·1.5) = 4/√14
		// (b, t0): no earlier step → W = 3, Σwx = 0 → (0 − 2)/(S·√((27 − 9)/8)) = −4/√14
		// (a, t1): cells a b at t0, t1 → W = 4, Σwx = 3 → (3 − 8/3)/(S·√((36 − 16)/8)) = 1/√35
		double[] cube = { 0, 0, 0, 0, 3, 0, 0, 3, 0 };

		double[] z = SpaceTimeGiStar.giStar(cube, 3, 1, 3, null, GridNeighbourhood.rook(), 1);

		assertThat(z[2 * 3 + 1]).isCloseTo(4 / Math.sqrt(14), within(1e-14));
		assertThat(z[1]).isCloseTo(-4 / Math.sqrt(14), within(1e-14));
		assertThat(z[3]).isCloseTo(1 / Math.sqrt(35), within(1e-14));
	}

	@Test
	void equalsSpatialGiStarOnStackedSlicesWithoutTimeLags() {
		// two 4×3 slices stacked into a 4×7 grid with a masked row between them: same n, mean, variance and
		// neighbourhoods as the cube with no time lag
		double[] cube = { 1, 0, 2, 5, 0, 0, 1, 7, 3, 1, 0, 2, 0, 4, 1, 1, 2, 2, 0, 9, 1, 0, 0, 3 };
		double[] stacked = new double[4 * 7];
		boolean[] inside = new boolean[4 * 7];
		for (int c = 0; c < 12; c++) {
			stacked[c] = cube[c];
			stacked[16 + c] = cube[12 + c];
			inside[c] = true;
			inside[16 + c] = true;
		}

		double[] z = SpaceTimeGiStar.giStar(cube, 4, 3, 2, null, GridNeighbourhood.queen(), 0);
		double[] expected = GetisOrd.giStar(stacked, 4, 7, inside, GridNeighbourhood.queen());

		for (int c = 0; c < 12; c++) {
			assertThat(z[c]).isCloseTo(expected[c], within(1e-12));
			assertThat(z[12 + c]).isCloseTo(expected[16 + c], within(1e-12));
		}
	}

	@Test
	void findsAPersistentAndANewHotSpotInASyntheticCube() {
		// 12×12 grid, 10 steps, a quiet background; a 3×3 block at (2..4, 2..4) busy in every step and a 3×3
		// block at (8..10, 8..10) busy only in the last step
		int nx = 12;
		int steps = 10;
		double[] cube = new double[nx * nx * steps];
		for (int t = 0; t < steps; t++) {
			for (int c = 0; c < nx * nx; c++) {
				int ix = c % nx;
				int iy = c / nx;
				double count = (ix * 7 + iy * 3 + t) % 4 == 0 ? 1 : 0;
				if (ix >= 2 && ix <= 4 && iy >= 2 && iy <= 4) {
					count = 12 + (c + t) % 3;
				}
				if (t == steps - 1 && ix >= 8 && ix <= 10 && iy >= 8 && iy <= 10) {
					count = 40;
				}
				cube[t * nx * nx + c] = count;
			}
		}

		EmergingHotSpotAnalysis result = EmergingHotSpotAnalysis.analyse(cube, nx, nx, steps,
				GridNeighbourhood.queen(), 1, ALPHA, ALPHA);

		assertThat(result.category()[3 * nx + 3]).isEqualTo(Category.PERSISTENT_HOT);
		assertThat(result.category()[9 * nx + 9]).isEqualTo(Category.NEW_HOT);
		assertThat(result.category()[0]).isIn(Category.NO_PATTERN, Category.SPORADIC_COLD, Category.HISTORICAL_COLD,
				Category.PERSISTENT_COLD, Category.OSCILLATING_COLD, Category.CONSECUTIVE_COLD, Category.NEW_COLD);
		assertThat(result.trendZ()).hasSize(nx * nx);
	}

	private static Category classify(String history) {
		double[] z = new double[history.length()];
		double[] p = new double[history.length()];
		for (int t = 0; t < z.length; t++) {
			char c = history.charAt(t);
			z[t] = c == '+' ? 3 : c == '-' ? -3 : 0.5;
			p[t] = c == '.' ? 0.6 : 0.001;
		}
		return EmergingHotSpots.classify(z, p, ALPHA, ALPHA);
	}

	private static double[] negate(double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = -values[i];
		}
		return out;
	}
}
