package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.beacon.analytics.internal.Knox.Metric;
import org.beacon.analytics.internal.Knox.Strategy;
import org.junit.jupiter.api.Test;

class KnoxTests {

	private static final double[] NRC_METRES = { 0, 1, 101, 201, 301 };

	private static final int[] NRC_DAYS = { 0, 8, 15, 22 };

	@Test
	void countsPairsOfFourEventsByHandInHalfOpenBands() {
		// A (0,0) day 0, B (50,0) day 3, C (0,150) day 10, D (500,500) day 1; bands [0,100) [100,200) [200,∞) m
		// and [0,7) [7,14) [14,∞) days, Manhattan:
		// A-B 50 m 3 d → (0,0); A-C 150 m 10 d → (1,1); A-D 1000 m 1 d → (2,0);
		// B-C 200 m 7 d → (2,1): both exactly on a lower bound, so in the upper band; B-D 950 m 2 d → (2,0);
		// C-D 850 m 9 d → (2,1)
		double[] x = { 0, 50, 0, 500 };
		double[] y = { 0, 0, 150, 500 };
		int[] day = { 0, 3, 10, 1 };

		KnoxTable manhattan = Knox.table(x, y, day, new double[] { 0, 100, 200 }, new int[] { 0, 7, 14 },
				Metric.MANHATTAN, 0, 1);
		KnoxTable euclidean = Knox.table(x, y, day, new double[] { 0, 100, 200 }, new int[] { 0, 7, 14 },
				Metric.EUCLIDEAN, 0, 1);

		assertThat(manhattan.observed()).containsExactly(1, 0, 0, 0, 1, 0, 2, 2, 0);
		// Euclidean B-C = √(50² + 150²) = 158.1 m moves that pair to (1,1)
		assertThat(euclidean.observed()).containsExactly(1, 0, 0, 0, 2, 0, 2, 1, 0);
		// row totals 1, 1, 4; column totals 3, 3, 0; 6 pairs → E(0,0) = 1·3/6 = 0.5, E(2,1) = 4·3/6 = 2
		assertThat(manhattan.marginalExpected()[0]).isEqualTo(0.5);
		assertThat(manhattan.marginalExpected()[7]).isEqualTo(2.0);
		assertThat(manhattan.pairsWithinMaxDistance()).isEqualTo(2);
		assertThat(manhattan.spaceLabel(0)).isEqualTo("[0, 100) m");
		assertThat(manhattan.spaceLabel(2)).isEqualTo("[200, ∞) m");
		assertThat(manhattan.timeLabel(1)).isEqualTo("[7, 14)");
	}

	@Test
	void equalsBruteForceOnClusteredEventsWithDuplicatesWithEitherStrategy() {
		Events events = clustered(400, 11);
		for (Metric metric : Metric.values()) {
			long[] expected = bruteForce(events, NRC_METRES, NRC_DAYS, metric);
			for (Strategy strategy : new Strategy[] { Strategy.STORED_PAIRS, Strategy.SPACE_TIME }) {
				KnoxTable table = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, metric, 0, 1, strategy,
						Knox.DEFAULT_PAIR_BUDGET);
				assertThat(table.observed()).as("%s %s", metric, strategy).containsExactly(expected);
			}
		}
	}

	@Test
	void equalsBruteForceOnALatticeWithPairsExactlyOnEveryBreakpoint() {
		// 12 × 12 points 50 m apart: Manhattan distances are multiples of 50, so many pairs lie exactly on
		// 100, 200 and on the largest breakpoint 300 (which is outside the table's near rows)
		int side = 12;
		double[] x = new double[side * side];
		double[] y = new double[side * side];
		int[] day = new int[side * side];
		for (int i = 0; i < x.length; i++) {
			x[i] = 1_000_000 + 50.0 * (i % side);
			y[i] = 4_000_000 + 50.0 * (i / side);
			day[i] = (i * 7) % 30;
		}
		Events events = new Events(x, y, day);
		double[] metres = { 0, 100, 200, 300 };
		int[] days = { 0, 7, 14 };
		for (Metric metric : Metric.values()) {
			KnoxTable table = Knox.table(x, y, day, metres, days, metric, 0, 1, Strategy.SPACE_TIME, 1);

			assertThat(table.observed()).as("%s", metric).containsExactly(bruteForce(events, metres, days, metric));
		}
	}

	@Test
	void equalsBruteForceWhereOneWindowHoldsThousandsOfPairs() {
		// 1,500 events in a 20 m square over five days: every window holds hundreds to 1,499 candidates, more
		// than a packed field takes between spills (31) and than the widened halves take (1,023)
		SplittableRandom rng = new SplittableRandom(4);
		int n = 1500;
		double[] x = new double[n];
		double[] y = new double[n];
		int[] day = new int[n];
		for (int i = 0; i < n; i++) {
			x[i] = rng.nextDouble() * 20;
			y[i] = rng.nextDouble() * 20;
			day[i] = rng.nextInt(5);
		}
		Events events = new Events(x, y, day);
		for (Metric metric : Metric.values()) {
			KnoxTable table = Knox.table(x, y, day, NRC_METRES, NRC_DAYS, metric, 0, 1, Strategy.SPACE_TIME, 1);

			assertThat(table.observed()).as("%s", metric)
				.containsExactly(bruteForce(events, NRC_METRES, NRC_DAYS, metric));
		}
	}

	@Test
	void equalsBruteForceWithFractionalBreakpointsAndWideTables() {
		Events events = clustered(400, 21);
		// breakpoints in fractions of a metre have no whole-metre lookup table
		double[] fractional = { 0, 0.5, 50.5, 120.25, 301.75 };
		// 8 × 5 = 40 counted cells: too many to pack into one register, so counted in memory
		double[] fine = { 0, 40, 80, 120, 160, 200, 240, 280, 320 };
		int[] manyDays = { 0, 3, 6, 9, 12, 15 };
		for (Metric metric : Metric.values()) {
			KnoxTable first = Knox.table(events.x, events.y, events.day, fractional, NRC_DAYS, metric, 0, 1,
					Strategy.SPACE_TIME, 1);
			KnoxTable second = Knox.table(events.x, events.y, events.day, fine, manyDays, metric, 0, 1,
					Strategy.SPACE_TIME, 1);

			assertThat(first.observed()).as("%s fractional", metric)
				.containsExactly(bruteForce(events, fractional, NRC_DAYS, metric));
			assertThat(second.observed()).as("%s wide", metric)
				.containsExactly(bruteForce(events, fine, manyDays, metric));
		}
	}

	@Test
	void countsCoincidentEventsInTheSamePlaceBandByHand() {
		// bands [0,1) [1,101) ... m and [0,8) [8,15) [15,22) [22,∞) days. P×3 at (1000, 2000) on day 5, Q×2 at
		// the same point on day 20, R half a metre east on day 5, E a whole metre east on day 5:
		// P-P 3 and Q-Q 1 pairs at 0 m 0 d → (0,0); P-Q 6 at 0 m 15 d → (0,2); R-P 3 at 0.5 m 0 d → (0,0);
		// R-Q 2 at 0.5 m 15 d → (0,2); E-R 1 at 0.5 m 0 d → (0,0); E-P 3 at exactly 1 m 0 d → (1,0) and E-Q 2
		// → (1,2), on the breakpoint so in the upper band. 21 pairs: 8 + 8 + 3 + 2
		double[] x = { 1000, 1000, 1000, 1000, 1000, 1000.5, 1001 };
		double[] y = { 2000, 2000, 2000, 2000, 2000, 2000, 2000 };
		int[] day = { 5, 5, 5, 20, 20, 5, 5 };

		for (Metric metric : Metric.values()) {
			for (Strategy strategy : new Strategy[] { Strategy.STORED_PAIRS, Strategy.SPACE_TIME }) {
				KnoxTable table = Knox.table(x, y, day, NRC_METRES, NRC_DAYS, metric, 0, 1, strategy,
						Knox.DEFAULT_PAIR_BUDGET);

				assertThat(table.observed()).as("%s %s", metric, strategy)
					.containsExactly(8, 0, 8, 0, 3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
			}
		}
	}

	@Test
	void equalsBruteForceWithStacksOfCoincidentEvents() {
		// clustered events plus stacks of events at one point on one day (40, 7 and 2 deep, the 7 on the same
		// point as the 40 a day later) and single events within a metre of a stack: the [0, 1) m band holds
		// hundreds of zero-distance, zero-day pairs
		Events base = clustered(300, 17);
		int extra = 40 + 7 + 2 + 3;
		double[] x = Arrays.copyOf(base.x, base.x.length + extra);
		double[] y = Arrays.copyOf(base.y, base.y.length + extra);
		int[] day = Arrays.copyOf(base.day, base.day.length + extra);
		int i = base.x.length;
		for (int k = 0; k < 40; k++, i++) {
			x[i] = 600;
			y[i] = 500;
			day[i] = 30;
		}
		for (int k = 0; k < 7; k++, i++) {
			x[i] = 600;
			y[i] = 500;
			day[i] = 31;
		}
		for (int k = 0; k < 2; k++, i++) {
			x[i] = base.x[0];
			y[i] = base.y[0];
			day[i] = base.day[0];
		}
		double[][] near = { { 600.5, 500, 30 }, { 600, 500.999, 38 }, { 601, 500, 30 } };
		for (double[] e : near) {
			x[i] = e[0];
			y[i] = e[1];
			day[i++] = (int) e[2];
		}
		Events events = new Events(x, y, day);
		for (Metric metric : Metric.values()) {
			long[] expected = bruteForce(events, NRC_METRES, NRC_DAYS, metric);
			// the stacks alone: 40·39/2 + 7·6/2 + 40·7 pairs at 0 m within a week
			assertThat(expected[0]).as("%s same place, same week", metric).isGreaterThan(780 + 21 + 280);
			for (Strategy strategy : new Strategy[] { Strategy.STORED_PAIRS, Strategy.SPACE_TIME }) {
				for (int budget : new int[] { Knox.DEFAULT_PAIR_BUDGET, 1 }) {
					KnoxTable table = Knox.table(x, y, day, NRC_METRES, NRC_DAYS, metric, 0, 1, strategy, budget);

					assertThat(table.observed()).as("%s %s budget %d", metric, strategy, budget)
						.containsExactly(expected);
				}
			}
		}
	}

	@Test
	void givesTheSameTableWhateverTheStrategyAndPairBudget() {
		Events events = clustered(500, 5);

		KnoxTable oneBlock = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 19, 42,
				Strategy.STORED_PAIRS, Knox.DEFAULT_PAIR_BUDGET);
		KnoxTable manyBlocks = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 19,
				42, Strategy.STORED_PAIRS, 40);
		KnoxTable join = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 19, 42,
				Strategy.SPACE_TIME, 1);

		for (KnoxTable other : new KnoxTable[] { manyBlocks, join }) {
			assertThat(other.observed()).containsExactly(oneBlock.observed());
			assertThat(other.expected()).containsExactly(oneBlock.expected());
			assertThat(other.pValue()).containsExactly(oneBlock.pValue());
			assertThat(other.pairsWithinMaxDistance()).isEqualTo(oneBlock.pairsWithinMaxDistance());
		}
	}

	/**
	 * 19 permutations: whatever the strategy, every report counts permutations of 19, none beyond, the last
	 * (once the parallel workers are done) is 19 of 19, and telling progress leaves the table as it was. With
	 * a budget of 40 pairs the stored pairs take many rounds, and each round's permutations count for the
	 * share of events it covered.
	 */
	@Test
	void tellsPermutationsDoneWhateverTheStrategy() {
		Events events = clustered(500, 5);
		KnoxTable quiet = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 19, 42,
				Strategy.STORED_PAIRS, Knox.DEFAULT_PAIR_BUDGET);

		for (int budget : new int[] { Knox.DEFAULT_PAIR_BUDGET, 40 }) {
			for (Strategy strategy : new Strategy[] { Strategy.STORED_PAIRS, Strategy.SPACE_TIME }) {
				List<long[]> reports = Collections.synchronizedList(new ArrayList<>());
				KnoxTable told = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 19,
						42, strategy, budget, (done, total) -> reports.add(new long[] { done, total }));

				assertThat(told.expected()).containsExactly(quiet.expected());
				assertThat(reports).as("%s, budget %d", strategy, budget).isNotEmpty()
					.allSatisfy(r -> assertThat(r[1]).isEqualTo(19))
					.allSatisfy(r -> assertThat(r[0]).isBetween(0L, 19L));
				assertThat(reports.get(reports.size() - 1)).containsExactly(19, 19);
			}
		}
	}

	@Test
	void stopsAtTheNextPermutationWhenProgressThrows() {
		Events events = clustered(300, 3);
		AtomicInteger told = new AtomicInteger();

		assertThatThrownBy(() -> Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 999,
				1, Strategy.SPACE_TIME, 1, (done, total) -> {
					if (told.incrementAndGet() >= 3) {
						throw new IllegalStateException("stop");
					}
				})).isInstanceOf(IllegalStateException.class).hasMessageContaining("stop");
		// each worker stops at its next permutation: far fewer than 999 were counted
		assertThat(told.get()).isLessThan(100);
	}

	@Test
	void reproducesPermutationsFromTheSeed() {
		Events events = clustered(300, 3);

		KnoxTable first = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.EUCLIDEAN, 39, 7);
		KnoxTable again = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.EUCLIDEAN, 39, 7);
		KnoxTable other = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.EUCLIDEAN, 39, 8);

		assertThat(again.expected()).containsExactly(first.expected());
		assertThat(other.expected()).isNotEqualTo(first.expected());
	}

	@Test
	void permutationMeanConvergesToTheMarginalExpectation() {
		Events events = clustered(300, 9);

		KnoxTable table = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 2000, 1,
				Strategy.SPACE_TIME, 1);

		for (int c = 0; c < table.expected().length; c++) {
			double e = table.marginalExpected()[c];
			// permuted counts are roughly Poisson: the mean of 2,000 has sd ≈ √(e/2000); allow 5 sd
			assertThat(table.expected()[c]).as("cell %d", c).isCloseTo(e, within(5 * Math.sqrt(e / 2000) + 1e-9));
		}
	}

	@Test
	void flagsTheNearRepeatCellWithTheSmallestPossiblePValue() {
		Events events = clustered(400, 13);

		KnoxTable table = Knox.table(events.x, events.y, events.day, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 99, 1);

		// clustered() puts every 4th event 30 m and 2 days from the previous one: a strong [1,101) × [0,8) excess
		assertThat(table.ratio(1, 0)).isGreaterThan(1.3);
		assertThat(table.pValue(1, 0)).isEqualTo(0.01);
		long total = 0;
		for (long v : table.observed()) {
			total += v;
		}
		assertThat(total).isEqualTo(400L * 399 / 2);
	}

	@Test
	void handlesNoEventsAndOneEvent() {
		KnoxTable none = Knox.table(new double[0], new double[0], new int[0], NRC_METRES, NRC_DAYS, Metric.MANHATTAN,
				9, 1);
		KnoxTable one = Knox.table(new double[] { 5 }, new double[] { 5 }, new int[] { 3 }, NRC_METRES, NRC_DAYS,
				Metric.MANHATTAN, 9, 1);

		KnoxTable joined = Knox.table(new double[] { 5 }, new double[] { 5 }, new int[] { 3 }, NRC_METRES, NRC_DAYS,
				Metric.MANHATTAN, 9, 1, Strategy.SPACE_TIME, 1);

		assertThat(none.observed()).containsOnly(0L);
		assertThat(one.observed()).containsOnly(0L);
		assertThat(joined.observed()).containsOnly(0L);
		assertThat(one.ratio()).containsOnly(Double.NaN);
		assertThat(one.pValue()).containsOnly(1.0);
	}

	@Test
	void rejectsBadBreakpointsAndInput() {
		double[] x = { 0, 1 };
		double[] y = { 0, 1 };
		int[] t = { 0, 1 };

		assertThatThrownBy(() -> Knox.table(x, y, t, new double[] { 1, 100 }, NRC_DAYS, Metric.MANHATTAN, 9, 1))
			.hasMessageContaining("start at 0");
		assertThatThrownBy(() -> Knox.table(x, y, t, new double[] { 0, 100, 100 }, NRC_DAYS, Metric.MANHATTAN, 9, 1))
			.hasMessageContaining("strictly increasing");
		assertThatThrownBy(() -> Knox.table(x, y, t, NRC_METRES, new int[] { 0, 8, 4 }, Metric.MANHATTAN, 9, 1))
			.hasMessageContaining("strictly increasing");
		assertThatThrownBy(() -> Knox.table(new double[] { 0, Double.NaN }, y, t, NRC_METRES, NRC_DAYS,
				Metric.MANHATTAN, 9, 1)).hasMessageContaining("event 1");
		assertThatThrownBy(() -> Knox.table(x, y, new int[] { 0 }, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, 9, 1))
			.hasMessageContaining("time has 1 values");
		assertThatThrownBy(() -> Knox.table(x, y, t, NRC_METRES, NRC_DAYS, Metric.MANHATTAN, -1, 1))
			.hasMessageContaining("permutations");
	}

	@Test
	void matchesKnoxPyObservedCountsAndItsMonteCarloExpectation() {
		GoldenCsv events = GoldenCsv.read("/knox/events.csv");
		double[] x = events.column("x");
		double[] y = events.column("y");
		int[] day = events.intColumn("t");
		assertThat(events.rows()).isEqualTo(3042);
		for (Metric metric : Metric.values()) {
			GoldenCsv golden = GoldenCsv.read("/knox/" + metric.name().toLowerCase() + ".csv");
			assertThat(golden.rows()).isEqualTo(5 * 4);

			KnoxTable table = Knox.table(x, y, day, NRC_METRES, NRC_DAYS, metric, 99, 1);

			double[] observed = golden.column("observed");
			double[] expected = golden.column("expected");
			int[] s = golden.intColumn("s");
			int[] t = golden.intColumn("t");
			for (int r = 0; r < golden.rows(); r++) {
				assertThat(table.observed(s[r], t[r])).as("%s observed (%d,%d)", metric, s[r], t[r])
					.isEqualTo((long) observed[r]);
				// two independent 99-permutation means: difference sd ≈ √(2e/99); allow 5 sd
				double e = table.marginalExpected()[s[r] * 4 + t[r]];
				assertThat(table.expected(s[r], t[r])).as("%s expected (%d,%d)", metric, s[r], t[r])
					.isCloseTo(expected[r], within(5 * Math.sqrt(2 * e / 99) + 1e-9));
			}
		}
	}

	private record Events(double[] x, double[] y, int[] day) {
	}

	/** Clustered events with exact duplicates and planted near repeats (every 4th: 30 m and 2 days on). */
	private static Events clustered(int n, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		double[] x = new double[n];
		double[] y = new double[n];
		int[] day = new int[n];
		for (int i = 0; i < n; i++) {
			if (i % 4 == 3) {
				x[i] = x[i - 1] + 30;
				y[i] = y[i - 1];
				day[i] = day[i - 1] + 2;
			} else if (i % 10 == 5) {
				x[i] = x[i - 1];
				y[i] = y[i - 1];
				day[i] = rng.nextInt(120);
			} else {
				x[i] = 500 * (i % 3) + rng.nextDouble() * 700;
				y[i] = 400 * (i % 2) + rng.nextDouble() * 700;
				day[i] = rng.nextInt(120);
			}
		}
		return new Events(x, y, day);
	}

	private static long[] bruteForce(Events e, double[] spaceBreaks, int[] timeBreaks, Metric metric) {
		int cols = timeBreaks.length;
		long[] table = new long[spaceBreaks.length * cols];
		for (int i = 0; i < e.x.length; i++) {
			for (int j = i + 1; j < e.x.length; j++) {
				double dx = Math.abs(e.x[i] - e.x[j]);
				double dy = Math.abs(e.y[i] - e.y[j]);
				double d = metric == Metric.MANHATTAN ? dx + dy : Math.sqrt(dx * dx + dy * dy);
				int dt = Math.abs(e.day[i] - e.day[j]);
				int s = 0;
				while (s + 1 < spaceBreaks.length && d >= spaceBreaks[s + 1]) {
					s++;
				}
				int t = 0;
				while (t + 1 < cols && dt >= timeBreaks[t + 1]) {
					t++;
				}
				table[s * cols + t]++;
			}
		}
		return table;
	}
}
