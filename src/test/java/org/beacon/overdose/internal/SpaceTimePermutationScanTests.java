package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The hand-checked case (also the worked example in docs/methods/space-time-scan.md): four locations
 * on a line, four days, 11 cases.
 *
 * <pre>
 *             x (m)   day 0  1  2  3   total
 *   A (0)       0         1  0  0  2     3
 *   B (1)    1000         0  1  0  1     2
 *   C (2)    3000         2  1  1  1     5
 *   D (3)    3500         0  0  1  0     1
 *   day total             3  2  2  4    C = 11
 * </pre>
 *
 * Circles hold at most 50 % of 11 = 5.5 cases: A, A+B (3 + 2 = 5; adding C at 3000 m would make 10),
 * B, B+A, C (adding D would make 6), D. Windows are 1 or 2 days (50 % of 4). μ = n·t/11 for a circle of
 * n cases and a window of t cases. Every cylinder with c ≥ 2 and c &gt; μ:
 *
 * <pre>
 *   circle  days  c  n  t   μ        LLR = c ln(c/μ) + (11−c) ln((11−c)/(11−μ))
 *   A+B     3     3  5  4   20/11    3 ln(33/20) + 8 ln(88/101)  = 1.502326 − 1.102270 = 0.400056
 *   A       3     2  3  4   12/11    2 ln(22/12) + 9 ln(99/109)  = 1.212272 − 0.866052 = 0.346219
 *   C       0     2  5  3   15/11    2 ln(22/15) + 9 ln(99/106)  = 0.765985 − 0.614873 = 0.151111
 *   C       0–1   3  5  5   25/11    3 ln(33/25) + 8 ln(88/96)   = 0.832895 − 0.696091 = 0.136804
 *   A       2–3   2  3  6   18/11    2 ln(22/18) + 9 ln(99/103)  = 0.401341 − 0.356482 = 0.044859
 *   A+B     2–3   3  5  6   30/11    3 ln(33/30) + 8 ln(88/91)   = 0.285931 − 0.268182 = 0.017749
 *   C       1–2   2  5  4   20/11    2 ln(22/20) + 9 ln(99/101)  = 0.190620 − 0.180006 = 0.010614
 * </pre>
 *
 * Most likely cluster: A+B on day 3. The best cylinder that shares no location with it is C on day 0.
 */
class SpaceTimePermutationScanTests {

	static final double EXACT = 1e-9;

	static final double[] X = { 0, 1000, 3000, 3500 };

	static final double[] Y = { 0, 0, 0, 0 };

	static final int[][] COUNTS = { { 1, 0, 0, 2 }, { 0, 1, 0, 1 }, { 2, 1, 1, 1 }, { 0, 0, 1, 0 } };

	static ScanInput handCase() {
		return new ScanInput(X, Y, matrix(COUNTS));
	}

	@Test
	void findsTheHandComputedMostLikelyAndSecondaryCluster() {
		ScanResult r = SpaceTimePermutationScan.run(handCase(),
				ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 20240601));

		assertThat(r.totalCases()).isEqualTo(11);
		assertThat(r.maxTemporalDays()).isEqualTo(2);
		assertThat(r.clusters()).hasSize(2);
		ScanCluster mlc = r.mostLikely();
		assertThat(mlc.centre()).isZero();
		assertThat(mlc.locations()).containsExactly(0, 1);
		assertThat(mlc.radius()).isEqualTo(1000.0);
		assertThat(mlc.startDay()).isEqualTo(3);
		assertThat(mlc.endDay()).isEqualTo(3);
		assertThat(mlc.cases()).isEqualTo(3);
		assertThat(mlc.expected()).isCloseTo(20.0 / 11, within(EXACT));
		assertThat(mlc.llr()).isCloseTo(3 * Math.log(33.0 / 20) + 8 * Math.log(88.0 / 101), within(EXACT))
				.isCloseTo(0.400056, within(1e-6));
		assertThat(mlc.observedOverExpected()).isCloseTo(1.65, within(EXACT));

		ScanCluster secondary = r.clusters().get(1);
		assertThat(secondary.locations()).containsExactly(2);
		assertThat(secondary.radius()).isZero();
		assertThat(secondary.startDay()).isZero();
		assertThat(secondary.endDay()).isZero();
		assertThat(secondary.cases()).isEqualTo(2);
		assertThat(secondary.llr()).isCloseTo(2 * Math.log(22.0 / 15) + 9 * Math.log(99.0 / 106), within(EXACT))
				.isCloseTo(0.151111, within(1e-6));
	}

	@Test
	void monteCarloPValueApproachesTheExactPermutationPValue() {
		// All 11!/(3!·2!·2!·4!) = 69,300 distinct ways to hand the 11 case days to the 11 cases are equally
		// likely under the null; in 58,500 of them the largest LLR is at least the observed 0.400056.
		int[] loc = new int[11];
		int[] days = new int[11];
		int k = 0;
		for (int z = 0; z < 4; z++) {
			for (int d = 0; d < 4; d++) {
				for (int c = 0; c < COUNTS[z][d]; c++) {
					loc[k] = z;
					days[k++] = d;
				}
			}
		}
		double observed = 3 * Math.log(33.0 / 20) + 8 * Math.log(88.0 / 101);
		Arrays.sort(days);
		int arrangements = 0;
		int atLeast = 0;
		do {
			int[][] counts = new int[4][4];
			for (int i = 0; i < 11; i++) {
				counts[loc[i]][days[i]]++;
			}
			arrangements++;
			if (NaiveScan.maxLlr(X, Y, counts, 0.5, Double.POSITIVE_INFINITY, 2, false, 2) >= observed - EXACT) {
				atLeast++;
			}
		}
		while (nextPermutation(days));
		assertThat(arrangements).isEqualTo(69_300);
		assertThat(atLeast).isEqualTo(58_500);

		ScanResult r = SpaceTimePermutationScan.run(handCase(),
				ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 20240601));

		// p = 0.8442 exactly; 999 replications estimate it with SD √(0.844·0.156/999) = 0.0115: allow 3 SD
		assertThat(r.mostLikely().pValue()).isCloseTo(58_500.0 / 69_300, within(0.035));
		assertThat(r.replicateMaxima()).hasSize(999).isSorted();
		assertThat(r.mostLikely().pValue())
				.isEqualTo((1.0 + r.replicationsAtLeast(r.mostLikely().llr())) / 1000);
	}

	@Test
	void prospectiveScanOnlyConsidersWindowsEndingOnTheLastDay() {
		ScanResult r = SpaceTimePermutationScan.run(handCase(),
				ScanParameters.satscanDefaults(ScanMode.PROSPECTIVE, 7).withReplications(99));

		// C's windows ending on day 3: day 3 alone has c = 1 (< 2 cases); days 2–3 have c = 2 < μ = 30/11.
		// D has 1 case. So only A+B on day 3 remains.
		assertThat(r.clusters()).hasSize(1);
		assertThat(r.mostLikely().locations()).containsExactly(0, 1);
		assertThat(r.mostLikely().endDay()).isEqualTo(3);
		assertThat(r.mostLikely().recurrenceIntervalDays()).isEqualTo(1 / r.mostLikely().pValue());
	}

	@Test
	void radiusLimitKeepsCirclesSmallerThanTheCaseShareAllows() {
		// with at most 500 m, A and B (1000 m apart) can no longer share a circle: the best cylinder is
		// A alone on day 3: c = 2, μ = 3·4/11 = 12/11, LLR 0.346219 from the table above
		ScanResult r = SpaceTimePermutationScan.run(handCase(),
				ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 1).withReplications(9).withMaxRadiusMetres(500));

		assertThat(r.mostLikely().locations()).containsExactly(0);
		assertThat(r.mostLikely().llr()).isCloseTo(2 * Math.log(22.0 / 12) + 9 * Math.log(99.0 / 109), within(EXACT));
	}

	@Test
	void windowInDaysReplacesTheShareOfThePeriod() {
		ScanParameters p = ScanParameters.satscanDefaults(ScanMode.PROSPECTIVE, 1);

		assertThat(p.maxTemporalDays(730)).isEqualTo(365);
		assertThat(p.withMaxWindowDays(7).maxTemporalDays(730)).isEqualTo(7);
		assertThat(p.withMaxWindowDays(7).maxTemporalDays(4)).isEqualTo(4);
		assertThat(p.maxTemporalDays(1)).isEqualTo(1);
	}

	@Test
	void agreesWithTheNaiveScanOnRandomDataAndPermutations() {
		SplittableRandom random = new SplittableRandom(99);
		for (int trial = 0; trial < 40; trial++) {
			int locations = 3 + random.nextInt(10);
			int days = 2 + random.nextInt(25);
			double[] x = new double[locations];
			double[] y = new double[locations];
			int[][] counts = new int[locations][days];
			for (int z = 0; z < locations; z++) {
				// on a 500 m lattice, so equal distances (whole rings entering together) occur
				x[z] = 500 * random.nextInt(6);
				y[z] = 500 * random.nextInt(6);
				for (int d = 0; d < days; d++) {
					counts[z][d] = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(4);
				}
			}
			boolean prospective = trial % 3 == 0;
			// every fourth trial also limits the radius to 1200 m and the window to 3 days
			double radius = trial % 4 == 1 ? 1200 : Double.POSITIVE_INFINITY;
			ScanParameters p = new ScanParameters(0.5, radius, 0.5, trial % 4 == 1 ? 3 : 0,
					prospective ? ScanMode.PROSPECTIVE : ScanMode.RETROSPECTIVE, 0, 1, 2, 10, 1);
			ScanResult r = SpaceTimePermutationScan.run(new ScanInput(x, y, matrix(counts)), p);
			double naive = NaiveScan.maxLlr(x, y, counts, 0.5, radius, p.maxTemporalDays(days), prospective, 2);

			double ours = r.clusters().isEmpty() ? 0 : r.mostLikely().llr();
			assertThat(ours).as("trial %d", trial).isCloseTo(naive, within(EXACT));
		}
	}

	@Test
	void replicationMaximaEqualTheNaiveScanOfTheSamePermutation() {
		SplittableRandom random = new SplittableRandom(5);
		int locations = 9;
		int days = 21;
		double[] x = new double[locations];
		double[] y = new double[locations];
		int[][] counts = new int[locations][days];
		for (int z = 0; z < locations; z++) {
			x[z] = random.nextDouble() * 4000;
			y[z] = random.nextDouble() * 4000;
			for (int d = 0; d < days; d++) {
				counts[z][d] = random.nextInt(3);
			}
		}
		AreaDayCounts m = matrix(counts);
		int[] locationStart = new int[locations + 1];
		int total = (int) m.total();
		int[] caseLocation = new int[total];
		int[] caseDay = new int[total];
		int k = 0;
		for (int z = 0; z < locations; z++) {
			locationStart[z] = k;
			for (int d = 0; d < days; d++) {
				for (int c = 0; c < counts[z][d]; c++) {
					caseLocation[k] = z;
					caseDay[k++] = d;
				}
			}
		}
		locationStart[locations] = k;
		for (ScanMode mode : ScanMode.values()) {
			ScanCircles circles = ScanCircles.build(x, y, m.areaTotals(), 0.5 * total, Double.POSITIVE_INFINITY);
			CylinderScanner scanner = new CylinderScanner(circles, locationStart, m.areaTotals(), m.dayTotals(), total,
					10, mode, 2);
			CylinderScanner.Scratch scratch = scanner.newScratch();
			for (int r = 0; r < 20; r++) {
				int[] permuted = caseDay.clone();
				SpaceTimePermutationScan.shuffle(permuted, new SplittableRandom(r));
				int[][] permutedCounts = new int[locations][days];
				for (int i = 0; i < total; i++) {
					permutedCounts[caseLocation[i]][permuted[i]]++;
				}
				assertThat(scanner.maxLlr(permuted, scratch)).as("%s replication %d", mode, r).isCloseTo(
						NaiveScan.maxLlr(x, y, permutedCounts, 0.5, Double.POSITIVE_INFINITY, 10, mode == ScanMode.PROSPECTIVE, 2),
						within(EXACT));
			}
		}
	}

	@Test
	void permutationKeepsEveryLocationsAndEveryDaysTotal() {
		int[] days = { 0, 0, 1, 2, 2, 2, 3 };
		int[] shuffled = days.clone();

		SpaceTimePermutationScan.shuffle(shuffled, new SplittableRandom(3));

		int[] sorted = shuffled.clone();
		Arrays.sort(sorted);
		assertThat(sorted).containsExactly(days);
		assertThat(shuffled).isNotEqualTo(days);
	}

	@Test
	void sameSeedGivesTheSameResultWhateverTheNumberOfThreads() {
		ScanParameters p = ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 42).withReplications(199);

		ScanResult one = SpaceTimePermutationScan.run(handCase(), p);
		ScanResult again = SpaceTimePermutationScan.run(handCase(), p);
		ScanResult twoThreads = SpaceTimePermutationScan.run(handCase(), p.withThreads(2));
		ScanResult otherSeed = SpaceTimePermutationScan.run(handCase(), p.withSeed(43));

		assertThat(again.replicateMaxima()).containsExactly(one.replicateMaxima());
		assertThat(twoThreads.replicateMaxima()).containsExactly(one.replicateMaxima());
		assertThat(again.clusters()).usingRecursiveFieldByFieldElementComparator().isEqualTo(one.clusters());
		assertThat(twoThreads.clusters()).usingRecursiveFieldByFieldElementComparator().isEqualTo(one.clusters());
		assertThat(otherSeed.replicateMaxima()).isNotEqualTo(one.replicateMaxima());
		assertThat(otherSeed.mostLikely().llr()).isEqualTo(one.mostLikely().llr());
	}

	@Test
	void findsNothingWithoutCasesOrWhenAllCasesShareOneDay() {
		int[][] none = new int[3][5];
		int[][] oneDay = { { 0, 4, 0 }, { 0, 2, 0 }, { 0, 7, 0 } };
		double[] x = { 0, 100, 200 };
		double[] y = { 0, 0, 0 };
		ScanParameters p = ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 1).withReplications(19);

		ScanResult empty = SpaceTimePermutationScan.run(new ScanInput(x, y, matrix(none)), p);
		// every cylinder on day 1 has t = C, so μ = n = c; other days have c = 0
		ScanResult flat = SpaceTimePermutationScan.run(new ScanInput(x, y, matrix(oneDay)), p);

		assertThat(empty.clusters()).isEmpty();
		assertThat(empty.mostLikely()).isNull();
		assertThat(flat.clusters()).isEmpty();
		assertThat(flat.replicateMaxima()).containsOnly(0.0);
	}

	@Test
	void reportsNoPValueWithoutReplications() {
		ScanResult r = SpaceTimePermutationScan.run(handCase(),
				ScanParameters.satscanDefaults(ScanMode.RETROSPECTIVE, 1).withReplications(0));

		assertThat(r.mostLikely().pValue()).isNaN();
		assertThat(r.criticalValue(0.05)).isNaN();
	}

	@Test
	void rejectsBadInput() {
		AreaDayCounts two = new AreaDayCounts(2, 1, new int[] { 1, 1 });

		assertThatThrownBy(() -> new ScanInput(new double[] { 0, Double.NaN }, new double[] { 0, 0 }, two))
				.hasMessageContaining("location 1");
		assertThatThrownBy(() -> new ScanInput(new double[] { 0 }, new double[] { 0 }, two))
				.hasMessageContaining("same locations");
		assertThatThrownBy(() -> ScanParameters.satscanDefaults(ScanMode.PROSPECTIVE, 1).withThreads(0))
				.hasMessageContaining("threads");
		assertThatThrownBy(() -> new ScanParameters(0, 1000, 0.5, 0, ScanMode.PROSPECTIVE, 9, 1, 2, 10, 1))
				.hasMessageContaining("maxSpatialShare");
		assertThatThrownBy(() -> ScanParameters.satscanDefaults(ScanMode.PROSPECTIVE, 1).withMaxWindowDays(-1))
				.hasMessageContaining("maxWindowDays");
	}

	static AreaDayCounts matrix(int[][] counts) {
		int days = counts[0].length;
		int[] flat = new int[counts.length * days];
		for (int z = 0; z < counts.length; z++) {
			System.arraycopy(counts[z], 0, flat, z * days, days);
		}
		return new AreaDayCounts(counts.length, days, flat);
	}

	/** Next lexicographic permutation of {@code a} in place (distinct permutations of a multiset). */
	static boolean nextPermutation(int[] a) {
		int i = a.length - 2;
		while (i >= 0 && a[i] >= a[i + 1]) {
			i--;
		}
		if (i < 0) {
			return false;
		}
		int j = a.length - 1;
		while (a[j] <= a[i]) {
			j--;
		}
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
		for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
			t = a[l];
			a[l] = a[r];
			a[r] = t;
		}
		return true;
	}
}
