package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.beacon.analytics.internal.EmergingHotSpots.Category;
import org.junit.jupiter.api.Test;

/**
 * Every emerging hot spot category from a hand-made cube of counts through the whole pipeline (space-time
 * Gi*, BH, Mann-Kendall, classification), not from hand-written z and p.
 *
 * <p>Each cube is a 9×9 grid over 10 steps, queen weights, one time lag, both alphas 0.05. The background
 * is a checkerboard of 3 and 5 that flips every step, so every interior bin's neighbourhood (3×3 cells in
 * steps t−1 and t, W = 18) sums to exactly 72 = 18·4, the background mean. A design sets the 3×3 block
 * around the centre cell (4, 4) to one level per step ({@code '.'} keeps the background of 35 or 37 in the
 * block): 8 puts a surplus of about 36 into that step, 0 a deficit of about 36. Because a bin sees its own
 * step and the one before, a level in step t reaches the centre's bins t and t+1; one such step gives
 * |z| ≈ 7 with BH-adjusted p &lt; 1e-4, while bins that see background only have |z| &lt; 1.1 (the design
 * moves the cube's mean a little) and adjusted p &gt; 0.4. The control cell (1, 1) sees background only and
 * is no pattern in every cube.
 */
class EmergingHotSpotAnalysisTests {

	private static final double ALPHA = 0.05;

	private static final int SIDE = 9;

	private static final int STEPS = 10;

	private static final int CENTRE = 4 * SIDE + 4;

	private static final int CONTROL = SIDE + 1;

	@Test
	void findsNewHotAndColdSpots() {
		// only the final step departs from background, so only bin 9 is significant
		assertCube(".........8", ".........+", Category.NEW_HOT);
		assertCube(".........0", ".........-", Category.NEW_COLD);
	}

	@Test
	void findsConsecutiveHotAndColdSpots() {
		// steps 7-9 reach bins 7-9: one run of three ending at the final step, 3 of 10 < 90 %
		assertCube(".......888", ".......+++", Category.CONSECUTIVE_HOT);
		assertCube(".......000", ".......---", Category.CONSECUTIVE_COLD);
	}

	@Test
	void findsSporadicHotAndColdSpots() {
		// step 2 reaches bins 2 and 3, step 9 bin 9: final step significant, two runs, never the opposite sign
		assertCube("..8......8", "..++.....+", Category.SPORADIC_HOT);
		assertCube("..0......0", "..--.....-", Category.SPORADIC_COLD);
	}

	@Test
	void findsOscillatingHotAndColdSpots() {
		// as sporadic, plus step 5 of the opposite sign, which makes bins 5 and 6 significant the other way
		assertCube("..8..0...8", "..++.--..+", Category.OSCILLATING_HOT);
		assertCube("..0..8...0", "..--.++..-", Category.OSCILLATING_COLD);
	}

	@Test
	void findsPersistentHotAndColdSpots() {
		// all ten bins significant; bins 1-9 see the same two steps, so their z-scores are equal and only
		// bin 0 (W = 9, z 6.03 against 8.58) differs: Mann-Kendall S = ±9, Var = (10·9·25 − 9·8·23)/18 = 33,
		// Z = ±8/√33 = ±1.39, p = 0.16: no trend
		EmergingHotSpotAnalysis hot = assertCube("7777777777", "++++++++++", Category.PERSISTENT_HOT);
		EmergingHotSpotAnalysis cold = assertCube("1111111111", "----------", Category.PERSISTENT_COLD);

		assertThat(hot.trendZ()[CENTRE]).isCloseTo(8 / Math.sqrt(33), within(1e-12));
		assertThat(cold.trendZ()[CENTRE]).isCloseTo(-8 / Math.sqrt(33), within(1e-12));
	}

	@Test
	void findsIntensifyingHotAndColdSpots() {
		// all ten bins significant and the surplus grows: z = 3.61, 5.13, 5.13, 6.68, 8.23, 8.23, 9.78, then
		// 11.33 three times. S = 45 − 5 tied pairs = 40; ties 2, 2, 3: Var = (2250 − 18 − 18 − 66)/18;
		// Z = 39/√Var = 3.57, p = 0.0004. The cold cube mirrors it: the deficit grows, z falls
		double variance = (2250 - 18 - 18 - 66) / 18.0;
		EmergingHotSpotAnalysis hot = assertCube("6667778888", "++++++++++", Category.INTENSIFYING_HOT);
		EmergingHotSpotAnalysis cold = assertCube("2221110000", "----------", Category.INTENSIFYING_COLD);

		assertThat(hot.trendZ()[CENTRE]).isCloseTo(39 / Math.sqrt(variance), within(1e-12));
		assertThat(cold.trendZ()[CENTRE]).isCloseTo(-39 / Math.sqrt(variance), within(1e-12));
	}

	@Test
	void findsDiminishingHotAndColdSpots() {
		// all ten bins significant and the surplus shrinks: z = 8.27 (bin 0 sees one step), 11.77, 11.77,
		// 10.17, 8.57, 8.57, 6.97, then 5.37 three times. S = 1 − 7 − 7 − 6 − 4 − 4 − 3 = −30, the same ties as
		// intensifying: Z = −29/√Var = −2.65, p = 0.008
		double variance = (2250 - 18 - 18 - 66) / 18.0;
		EmergingHotSpotAnalysis hot = assertCube("8887776666", "++++++++++", Category.DIMINISHING_HOT);
		EmergingHotSpotAnalysis cold = assertCube("0001112222", "----------", Category.DIMINISHING_COLD);

		assertThat(hot.trendZ()[CENTRE]).isCloseTo(-29 / Math.sqrt(variance), within(1e-12));
		assertThat(cold.trendZ()[CENTRE]).isCloseTo(29 / Math.sqrt(variance), within(1e-12));
	}

	@Test
	void findsHistoricalHotAndColdSpots() {
		// steps 0-7 reach bins 0-8 (the time lag carries step 7 into bin 8): 9 of 10 ≥ 90 %, but bin 9 sees
		// background only. Ending at step 8 instead would make bin 9 significant: persistent, not historical
		assertCube("88888888..", "+++++++++.", Category.HISTORICAL_HOT);
		assertCube("00000000..", "---------.", Category.HISTORICAL_COLD);
	}

	@Test
	void findsNoPatternWhereTheFinalStepIsQuietAndFewStepsWereSignificant() {
		// step 4 reaches bins 4 and 5 only: the final bin is not significant and 2 of 10 < 90 %
		assertCube("....8.....", "....++....", Category.NO_PATTERN);
		assertCube("....0.....", "....--....", Category.NO_PATTERN);
		assertCube("..........", "..........", Category.NO_PATTERN);
	}

	/**
	 * Runs the pipeline on the designed cube and checks the centre's hot ({@code +}) and cold ({@code -})
	 * bins, its category, and that the control cell is no pattern.
	 */
	private static EmergingHotSpotAnalysis assertCube(String levels, String history, Category category) {
		EmergingHotSpotAnalysis result = EmergingHotSpotAnalysis.analyse(cube(levels), SIDE, SIDE, STEPS,
				GridNeighbourhood.queen(), 1, ALPHA, ALPHA);

		assertThat(history(result, CENTRE)).as("centre bins of %s", levels).isEqualTo(history);
		assertThat(result.category()[CENTRE]).as("centre of %s", levels).isEqualTo(category);
		assertThat(history(result, CONTROL)).as("control bins of %s", levels).isEqualTo("..........");
		assertThat(result.category()[CONTROL]).as("control of %s", levels).isEqualTo(Category.NO_PATTERN);
		return result;
	}

	/** Checkerboard background of 3 and 5 flipping each step; the centre's 3×3 block at the given levels. */
	private static double[] cube(String levels) {
		double[] cube = new double[SIDE * SIDE * STEPS];
		for (int t = 0; t < STEPS; t++) {
			char level = levels.charAt(t);
			for (int iy = 0; iy < SIDE; iy++) {
				for (int ix = 0; ix < SIDE; ix++) {
					boolean block = Math.abs(ix - 4) <= 1 && Math.abs(iy - 4) <= 1;
					cube[t * SIDE * SIDE + iy * SIDE + ix] = block && level != '.' ? level - '0'
							: (ix + iy + t) % 2 == 0 ? 5 : 3;
				}
			}
		}
		return cube;
	}

	private static String history(EmergingHotSpotAnalysis result, int cell) {
		StringBuilder history = new StringBuilder();
		for (int t = 0; t < STEPS; t++) {
			int bin = t * SIDE * SIDE + cell;
			boolean significant = result.pFdr()[bin] <= ALPHA;
			history.append(!significant ? '.' : result.z()[bin] > 0 ? '+' : '-');
		}
		return history.toString();
	}
}
