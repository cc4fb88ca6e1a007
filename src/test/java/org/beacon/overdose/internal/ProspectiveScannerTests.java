package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The bounded prospective scan must return exactly (to the last bit) the largest LLR the plain
 * {@link CylinderScanner} finds, since both compute the same cylinders' LLR with the same formula and
 * the bounds only skip cylinders below the best so far.
 */
class ProspectiveScannerTests {

	@Test
	void findsTheHandCheckedCylinder() {
		// SpaceTimePermutationScanTests' four locations: windows ending on day 3; A+B on day 3 has
		// c = 3, μ = 5·4/11, LLR 3 ln(33/20) + 8 ln(88/101) = 0.400056
		Data hand = Data.of(SpaceTimePermutationScanTests.X, SpaceTimePermutationScanTests.Y,
				SpaceTimePermutationScanTests.COUNTS);

		ProspectiveScanner scanner = hand.bounded(0.5, 2, 2);
		double llr = scanner.maxLlr(hand.caseDay, scanner.newScratch());

		assertThat(llr).isCloseTo(3 * Math.log(33.0 / 20) + 8 * Math.log(88.0 / 101), within(1e-12));
	}

	@Test
	void equalsTheExactScanOnRandomDataAndPermutations() {
		SplittableRandom random = new SplittableRandom(11);
		for (int trial = 0; trial < 30; trial++) {
			Data data = Data.random(random, 4 + random.nextInt(30), 20 + random.nextInt(400), trial % 2 == 0);
			int window = trial % 3 == 0 ? 1 + random.nextInt(data.days) : Math.max(1, data.days / 2);
			int minCases = 1 + trial % 3;
			assertSameMaxima(data, 0.5, window, minCases, random, "trial " + trial);
		}
	}

	@Test
	void equalsTheExactScanWhenCirclesMayHoldMoreThanHalfTheCases() {
		// the bound's second term, D²/(2(C − n_max)), grows as the largest circle nears all cases
		SplittableRandom random = new SplittableRandom(12);
		for (int trial = 0; trial < 10; trial++) {
			Data data = Data.random(random, 4 + random.nextInt(12), 30 + random.nextInt(200), true);
			assertSameMaxima(data, 0.9, data.days / 2, 2, random, "trial " + trial);
		}
	}

	@Test
	void equalsTheExactScanOnManyCasesWhereTheClosedFormBoundApplies() {
		// about 20,000 cases: circles' expected counts reach the thousands
		SplittableRandom random = new SplittableRandom(13);
		Data data = Data.random(random, 60, 200, true, 1.5);
		assertThat(data.total).isGreaterThan(15_000);
		assertSameMaxima(data, 0.5, 100, 2, random, "large");
	}

	@Test
	void equalsTheExactScanOnTheSyntheticSpike() throws IOException {
		// 248 overdoses in 112 one-kilometre squares over 30 days, 60 of them on day 14: the data itself
		// (where the spike wins) and permutations, ending on the last day and on the spike day
		LocalDate[] lastDays = { SyntheticSpikeScanTests.FIRST.plusDays(29), SyntheticSpikeScanTests.SPIKE };
		for (LocalDate last : lastDays) {
			List<SyntheticSpikeScanTests.Event> events = SyntheticSpikeScanTests.readEvents().stream()
					.filter(e -> !e.date().isAfter(last)).toList();
			ScanInput input = SyntheticSpikeScanTests.binned(events, last).input();
			assertSameMaxima(Data.of(input), 0.5, input.days() / 2, 2, new SplittableRandom(14), "ending " + last);
		}
	}

	@Test
	void findsNothingWhenTheWindowHoldsNoCase() {
		int[][] counts = { { 3, 1, 0, 0 }, { 2, 4, 0, 0 }, { 0, 5, 0, 0 } };
		Data data = Data.of(new double[] { 0, 100, 200 }, new double[] { 0, 0, 0 }, counts);

		ProspectiveScanner scanner = data.bounded(0.5, 2, 2);

		assertThat(scanner.maxLlr(data.caseDay, scanner.newScratch())).isZero();
	}

	private static void assertSameMaxima(Data data, double share, int window, int minCases, SplittableRandom random,
			String what) {
		ProspectiveScanner bounded = data.bounded(share, window, minCases);
		CylinderScanner exact = data.exact(share, window, minCases);
		ProspectiveScanner.Scratch boundedScratch = bounded.newScratch();
		CylinderScanner.Scratch exactScratch = exact.newScratch();
		for (int r = 0; r < 8; r++) {
			int[] days = data.caseDay.clone();
			if (r > 0) {
				SpaceTimePermutationScan.shuffle(days, random);
			}
			assertThat(bounded.maxLlr(days, boundedScratch)).as("%s, window %d, replication %d", what, window, r)
					.isEqualTo(exact.maxLlr(days, exactScratch));
		}
	}

	/** A data set in the scan's internal shape: cases grouped by location, each with its day. */
	record Data(double[] x, double[] y, AreaDayCounts counts, int[] locationStart, int[] caseDay, long total,
			int days) {

		static Data of(ScanInput input) {
			AreaDayCounts m = input.counts();
			int[][] counts = new int[m.areas()][];
			for (int z = 0; z < m.areas(); z++) {
				counts[z] = m.series(z);
			}
			return of(input.x(), input.y(), counts);
		}

		static Data of(double[] x, double[] y, int[][] counts) {
			AreaDayCounts m = SpaceTimePermutationScanTests.matrix(counts);
			int total = (int) m.total();
			int[] locationStart = new int[counts.length + 1];
			int[] caseDay = new int[total];
			int k = 0;
			for (int z = 0; z < counts.length; z++) {
				locationStart[z] = k;
				for (int d = 0; d < m.days(); d++) {
					for (int c = 0; c < counts[z][d]; c++) {
						caseDay[k++] = d;
					}
				}
			}
			locationStart[counts.length] = k;
			return new Data(x, y, m, locationStart, caseDay, total, m.days());
		}

		static Data random(SplittableRandom random, int locations, int days, boolean spike) {
			return random(random, locations, days, spike, 0.3);
		}

		/** Locations on a 500 m lattice (ties in distance), Poisson-like counts, optionally a spike. */
		static Data random(SplittableRandom random, int locations, int days, boolean spike, double rate) {
			double[] x = new double[locations];
			double[] y = new double[locations];
			int[][] counts = new int[locations][days];
			for (int z = 0; z < locations; z++) {
				x[z] = 500 * random.nextInt(8);
				y[z] = 500 * random.nextInt(8);
				double locationRate = rate * (0.2 + 2 * random.nextDouble());
				for (int d = 0; d < days; d++) {
					counts[z][d] = poisson(random, locationRate);
				}
			}
			if (spike) {
				int z = random.nextInt(locations);
				int d = days - 1 - random.nextInt(Math.min(days, 10));
				counts[z][d] += 3 + random.nextInt(8);
			}
			return of(x, y, counts);
		}

		private static int poisson(SplittableRandom random, double mean) {
			int k = 0;
			for (double p = Math.exp(-mean), u = random.nextDouble(); u > p; u -= p, p *= mean / k) {
				k++;
			}
			return k;
		}

		ScanCircles circles(double share) {
			return ScanCircles.build(x, y, counts.areaTotals(), share * total, Double.POSITIVE_INFINITY);
		}

		ProspectiveScanner bounded(double share, int window, int minCases) {
			return new ProspectiveScanner(circles(share), locationStart, counts.areaTotals(), counts.dayTotals(), total,
					window, minCases);
		}

		CylinderScanner exact(double share, int window, int minCases) {
			return new CylinderScanner(circles(share), locationStart, counts.areaTotals(), counts.dayTotals(), total,
					window, ScanMode.PROSPECTIVE, minCases);
		}
	}
}
