package org.beacon.analytics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The Knox test for near-repeat victimisation, as a table over spatial × temporal distance bands (the
 * Near Repeat Calculator's layout, with honest half-open intervals).
 *
 * <ul>
 * <li>Every unordered pair of distinct events is counted once (N(N−1)/2 pairs), in the cell of its spatial
 * distance (Manhattan or Euclidean, metres) and its temporal distance {@code |t_i − t_j|} (whole time
 * units, usually days). Bands are half-open {@code [a, b)}; the last band of each kind is open-ended.</li>
 * <li>Null hypothesis: times are exchangeable over places. Each permutation shuffles the times over the
 * fixed locations (Fisher-Yates with {@link SplittableRandom}; permutation r uses the r-th long drawn from
 * {@code new SplittableRandom(seed)}), so a seed reproduces the table exactly.</li>
 * <li>Expected = mean of the permuted tables; Knox ratio = observed/expected;
 * p = (1 + #{permuted ≥ observed})/(permutations + 1) (Knox 1964; Johnson &amp; Bowers 2004; Ratcliffe's
 * NRC; {@code knox.py}).</li>
 * </ul>
 *
 * <p>Two ways to count, with identical results ({@link Strategy}). Both find the pairs closer than the
 * largest spatial breakpoint through a grid index over the events, with cells as large as that distance:
 * each event against its own cell and the four "forward" neighbouring cells.
 * <ul>
 * <li><b>Stored pairs</b>: the close pairs are enumerated once, in parallel over ranges of events, and
 * held in blocks of at most {@code pairBudget} pairs. Each round of blocks is counted under every
 * permutation (one pass over an int array of neighbours, about 1.5 ns per pair) before the next round is
 * enumerated, so memory stays bounded whatever the number of close pairs.</li>
 * <li><b>Space-time join</b> ({@link SpaceTimeJoin}): per permutation, each cell's events and each cell's
 * merged neighbourhood are put in time order and joined with a sliding time window. Only pairs close in
 * time are looked at, and no pairs are stored.</li>
 * </ul>
 * The far row comes from the all-pair temporal histogram, which no permutation changes. The open-ended
 * time column comes from each band's pair total. Permutations run in parallel, each from its own seed.
 */
public final class Knox {

	/** How the close pairs are counted under each permutation; every strategy gives the same table. */
	public enum Strategy {
		/** {@link #SPACE_TIME} when under half of all pairs are closer in time than the last breakpoint. */
		AUTO,
		/** Enumerate the close pairs once, store them (blockwise, within the pair budget), re-count per permutation. */
		STORED_PAIRS,
		/** Per permutation, join neighbouring grid cells' events by a sliding time window; no stored pairs. */
		SPACE_TIME
	}

	/** How pair distance is measured. */
	public enum Metric {
		/** |dx| + |dy|: the NRC's and the R NearRepeat package's default, a proxy for street distance. */
		MANHATTAN,
		/** √(dx² + dy²). */
		EUCLIDEAN
	}

	/**
	 * 2²⁶ pairs = 256 MiB of neighbour indices per block: the 103M close pairs of 250k clustered events
	 * take two blocks and the whole test stays under a 1 GB heap.
	 */
	public static final int DEFAULT_PAIR_BUDGET = 1 << 26;

	/**
	 * The space-time join looks at the stencil pairs closer than the last temporal breakpoint in time, the
	 * stored pairs at every close pair. On 250k synthetic burglaries over two years (103M pairs within
	 * 301 m) the join took 0.5 of the stored pairs' CPU time with 12 % and 37 % of all pairs that close in
	 * time, and 0.75 with 65 %; it needs no pair memory, so it is chosen below one half.
	 */
	private static final double SPACE_TIME_BELOW = 0.5;

	/** Pair enumeration runs on up to this many threads, each with its share of the pair budget. */
	private static final int MAX_ENUMERATION_WORKERS = 4;

	/** The temporal lookup table holds one int per time unit below the last breakpoint: 4 MiB at most. */
	private static final int MAX_TIME_BREAK = 1 << 20;

	private Knox() {
	}

	/**
	 * Knox table with the default pair budget.
	 *
	 * @param x eastings, metres
	 * @param y northings, metres
	 * @param time time stamps in whole units (e.g. days since an epoch); the span must fit in an int
	 * @param spaceBreaks spatial breakpoints in metres: start at 0, strictly increasing, finite
	 * @param timeBreaks temporal breakpoints: start at 0, strictly increasing, last ≤ 2²⁰
	 * @param permutations number of Monte Carlo permutations, ≥ 0 (0 gives NaN expected, ratio and p)
	 * @throws IllegalArgumentException on NaN coordinates, mismatched lengths or bad breakpoints
	 */
	public static KnoxTable table(double[] x, double[] y, int[] time, double[] spaceBreaks, int[] timeBreaks,
			Metric metric, int permutations, long seed) {
		return table(x, y, time, spaceBreaks, timeBreaks, metric, permutations, seed, Strategy.AUTO,
				DEFAULT_PAIR_BUDGET);
	}

	/**
	 * As {@link #table(double[], double[], int[], double[], int[], Metric, int, long)}, with a counting
	 * strategy and a pair budget (which only {@link Strategy#STORED_PAIRS} uses).
	 */
	public static KnoxTable table(double[] x, double[] y, int[] time, double[] spaceBreaks, int[] timeBreaks,
			Metric metric, int permutations, long seed, Strategy strategy, int pairBudget) {
		return table(x, y, time, spaceBreaks, timeBreaks, metric, permutations, seed, strategy, pairBudget,
				UnitsDone.NONE);
	}

	/**
	 * As {@link #table(double[], double[], int[], double[], int[], Metric, int, long, Strategy, int)},
	 * telling {@code units} as permutations finish (units: permutations; counted in parallel, so calls come
	 * from several threads). With stored pairs in more than one round of blocks, a permutation counts as
	 * done in proportion to the events its rounds have covered.
	 */
	public static KnoxTable table(double[] x, double[] y, int[] time, double[] spaceBreaks, int[] timeBreaks,
			Metric metric, int permutations, long seed, Strategy strategy, int pairBudget, UnitsDone units) {
		validate(x, y, time, spaceBreaks, timeBreaks, permutations, pairBudget);
		int n = x.length;
		int rows = spaceBreaks.length;
		int cols = timeBreaks.length;
		int inner = rows - 1;
		int[] lut = timeLookup(timeBreaks);
		long[] seeds = new long[permutations];
		SplittableRandom master = new SplittableRandom(seed);
		for (int r = 0; r < permutations; r++) {
			seeds[r] = master.nextLong();
		}

		long[] observedInner = new long[inner * cols];
		long[][] simulatedInner = new long[permutations][inner * cols];
		long[] bandPairs;
		long[] allTime = allPairTimeHistogram(time, timeBreaks);
		long allPairs = (long) n * (n - 1) / 2;
		double closeInTime = allPairs == 0 ? 1 : 1 - (double) allTime[cols - 1] / allPairs;
		Strategy chosen = strategy != Strategy.AUTO ? strategy
				: closeInTime < SPACE_TIME_BELOW ? Strategy.SPACE_TIME : Strategy.STORED_PAIRS;
		if (chosen == Strategy.SPACE_TIME) {
			bandPairs = spaceTime(x, y, time, spaceBreaks, metric, lut, cols, seeds, observedInner, simulatedInner,
					units);
		} else {
			bandPairs = storedPairs(x, y, time, spaceBreaks, metric, pairBudget, lut, cols, seeds, observedInner,
					simulatedInner, units);
		}
		if (permutations > 0) {
			units.done(permutations, permutations);
		}

		long[] observed = complete(observedInner, bandPairs, allTime, rows, cols);
		double[] expected = new double[rows * cols];
		long[] atLeast = new long[rows * cols];
		for (int r = 0; r < permutations; r++) {
			long[] sim = complete(simulatedInner[r], bandPairs, allTime, rows, cols);
			for (int c = 0; c < sim.length; c++) {
				expected[c] += sim[c];
				atLeast[c] += sim[c] >= observed[c] ? 1 : 0;
			}
		}
		double[] ratio = new double[rows * cols];
		double[] p = new double[rows * cols];
		for (int c = 0; c < expected.length; c++) {
			expected[c] = permutations == 0 ? Double.NaN : expected[c] / permutations;
			ratio[c] = expected[c] > 0 ? observed[c] / expected[c] : Double.NaN;
			p[c] = permutations == 0 ? Double.NaN : (1.0 + atLeast[c]) / (permutations + 1.0);
		}
		double[] marginal = marginalExpectation(observed, rows, cols, (long) n * (n - 1) / 2);
		long within = 0;
		for (long v : bandPairs) {
			within += v;
		}
		return new KnoxTable(spaceBreaks.clone(), timeBreaks.clone(), observed, expected, marginal, ratio, p,
				permutations, seed, within);
	}

	/** Counts by enumerating and storing the close pairs once (blockwise), then one pass per permutation. */
	private static long[] storedPairs(double[] x, double[] y, int[] time, double[] spaceBreaks, Metric metric,
			int pairBudget, int[] lut, int cols, long[] seeds, long[] observedInner, long[][] simulatedInner,
			UnitsDone units) {
		int n = x.length;
		int inner = spaceBreaks.length - 1;
		SpatialOrder order = SpatialOrder.of(x, y, spaceBreaks[inner]);
		int[] t = inOrder(time, order.event);
		long[] bandPairs = new long[inner];
		int workers = workers();
		List<PairBlocks> parts = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			parts.add(new PairBlocks(order, spaceBreaks, metric, Math.max(1, pairBudget / workers),
					(int) ((long) n * w / workers), (int) ((long) n * (w + 1) / workers)));
		}
		int permutations = seeds.length;
		double coveredBefore = 0;
		while (true) {
			// each worker enumerates the next block of its own range of events, in parallel
			List<PairBlocks> blocks = parts.parallelStream().filter(PairBlocks::next).toList();
			if (blocks.isEmpty()) {
				return bandPairs;
			}
			// a permutation is done in proportion to the events covered by the rounds counted under it
			long covered = 0;
			for (PairBlocks part : parts) {
				covered += part.covered();
			}
			double before = coveredBefore;
			double round = (double) covered / n - before;
			coveredBefore = (double) covered / n;
			AtomicInteger finished = new AtomicInteger();
			for (PairBlocks block : blocks) {
				for (int b = 0; b < inner; b++) {
					bandPairs[b] += block.pairsInBand(b);
				}
				block.count(t, lut, observedInner, cols);
			}
			IntStream.range(0, seeds.length).parallel().forEach(r -> {
				int[] permutedTimes = inOrder(permuted(time, seeds[r]), order.event);
				for (PairBlocks block : blocks) {
					block.count(permutedTimes, lut, simulatedInner[r], cols);
				}
				units.done((long) Math.floor(permutations * (before + round * finished.incrementAndGet() / permutations)),
						permutations);
			});
		}
	}

	/**
	 * Counts each permutation by a space-time join, storing no pairs. Each worker keeps one workspace and
	 * takes the next permutation from a shared counter; permutation r's counts depend on {@code seeds[r]}
	 * only, so the table does not depend on which worker counted what.
	 */
	private static long[] spaceTime(double[] x, double[] y, int[] time, double[] spaceBreaks, Metric metric,
			int[] lut, int cols, long[] seeds, long[] observedInner, long[][] simulatedInner, UnitsDone units) {
		int n = x.length;
		SpaceTimeJoin join = SpaceTimeJoin.of(x, y, spaceBreaks, metric);
		long[] bandPairs = new long[spaceBreaks.length - 1];
		// job −2 counts the pairs per spatial band, −1 the observed table, r ≥ 0 permutation r
		AtomicInteger next = new AtomicInteger(-2);
		AtomicInteger finished = new AtomicInteger();
		IntStream.range(0, Math.min(workers(), seeds.length + 2)).parallel().forEach(w -> {
			SpaceTimeJoin.Workspace work = join.workspace();
			int[] permuted = new int[n];
			int[] ordered = new int[n];
			for (int r = next.getAndIncrement(); r < seeds.length; r = next.getAndIncrement()) {
				if (r == -2) {
					System.arraycopy(join.bandTotals(work), 0, bandPairs, 0, bandPairs.length);
				}
				else if (r == -1) {
					join.count(work, inOrder(time, join.event, ordered), lut, cols, observedInner);
				}
				else {
					permute(time, seeds[r], permuted);
					join.count(work, inOrder(permuted, join.event, ordered), lut, cols, simulatedInner[r]);
					units.done(finished.incrementAndGet(), seeds.length);
				}
			}
		});
		return bandPairs;
	}

	private static int[] inOrder(int[] values, int[] order, int[] out) {
		for (int k = 0; k < order.length; k++) {
			out[k] = values[order[k]];
		}
		return out;
	}

	private static int[] inOrder(int[] values, int[] order) {
		int[] out = new int[order.length];
		for (int k = 0; k < order.length; k++) {
			out[k] = values[order[k]];
		}
		return out;
	}

	private static int workers() {
		return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_ENUMERATION_WORKERS));
	}

	/** The times shuffled over positions: Fisher-Yates driven by a generator seeded with {@code seed}. */
	static int[] permuted(int[] t, long seed) {
		return permute(t, seed, new int[t.length]);
	}

	/** {@link #permuted(int[], long)} into {@code out}. */
	private static int[] permute(int[] t, long seed, int[] out) {
		System.arraycopy(t, 0, out, 0, t.length);
		SplittableRandom rng = new SplittableRandom(seed);
		for (int i = out.length - 1; i > 0; i--) {
			int j = rng.nextInt(i + 1);
			int tmp = out[i];
			out[i] = out[j];
			out[j] = tmp;
		}
		return out;
	}

	/** Fills the far row and the open-ended time column from the invariant totals. */
	private static long[] complete(long[] inner, long[] bandPairs, long[] allTime, int rows, int cols) {
		long[] table = new long[rows * cols];
		int last = cols - 1;
		for (int s = 0; s < rows - 1; s++) {
			long closer = 0;
			for (int c = 0; c < last; c++) {
				table[s * cols + c] = inner[s * cols + c];
				closer += inner[s * cols + c];
			}
			table[s * cols + last] = bandPairs[s] - closer;
		}
		for (int c = 0; c < cols; c++) {
			long near = 0;
			for (int s = 0; s < rows - 1; s++) {
				near += table[s * cols + c];
			}
			table[(rows - 1) * cols + c] = allTime[c] - near;
		}
		return table;
	}

	private static double[] marginalExpectation(long[] observed, int rows, int cols, long allPairs) {
		double[] rowTotal = new double[rows];
		double[] colTotal = new double[cols];
		for (int s = 0; s < rows; s++) {
			for (int c = 0; c < cols; c++) {
				rowTotal[s] += observed[s * cols + c];
				colTotal[c] += observed[s * cols + c];
			}
		}
		double[] expected = new double[rows * cols];
		for (int s = 0; s < rows; s++) {
			for (int c = 0; c < cols; c++) {
				expected[s * cols + c] = allPairs == 0 ? Double.NaN : rowTotal[s] * colTotal[c] / allPairs;
			}
		}
		return expected;
	}

	/** Pairs per temporal band over all N(N−1)/2 pairs, by two pointers on the sorted times. */
	static long[] allPairTimeHistogram(int[] time, int[] timeBreaks) {
		int[] sorted = time.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		long[] below = new long[timeBreaks.length + 1];
		for (int b = 1; b < timeBreaks.length; b++) {
			long e = timeBreaks[b];
			long pairs = 0;
			int j = 0;
			for (int i = 0; i < n; i++) {
				j = Math.max(j, i + 1);
				while (j < n && (long) sorted[j] - sorted[i] < e) {
					j++;
				}
				pairs += j - i - 1;
			}
			below[b] = pairs;
		}
		below[timeBreaks.length] = (long) n * (n - 1) / 2;
		long[] histogram = new long[timeBreaks.length];
		for (int b = 0; b < timeBreaks.length; b++) {
			histogram[b] = below[b + 1] - below[b];
		}
		return histogram;
	}

	/** lut[dt] = temporal band of dt for dt below the last breakpoint. */
	private static int[] timeLookup(int[] timeBreaks) {
		int max = timeBreaks[timeBreaks.length - 1];
		int[] lut = new int[max];
		int band = 0;
		for (int dt = 0; dt < max; dt++) {
			while (dt >= timeBreaks[band + 1]) {
				band++;
			}
			lut[dt] = band;
		}
		return lut;
	}

	private static void validate(double[] x, double[] y, int[] time, double[] spaceBreaks, int[] timeBreaks,
			int permutations, int pairBudget) {
		Grid.requireSameLength(x, y);
		if (time.length != x.length) {
			throw new IllegalArgumentException("time has " + time.length + " values for " + x.length + " events");
		}
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				throw new IllegalArgumentException("event " + i + " has a non-finite coordinate (" + x[i] + ", " + y[i]
						+ ")");
			}
		}
		if (spaceBreaks.length < 2 || spaceBreaks[0] != 0) {
			throw new IllegalArgumentException("spatial breakpoints must start at 0 and have at least two values");
		}
		for (int b = 1; b < spaceBreaks.length; b++) {
			if (!(spaceBreaks[b] > spaceBreaks[b - 1]) || !Double.isFinite(spaceBreaks[b])) {
				throw new IllegalArgumentException("spatial breakpoints must be finite and strictly increasing, at " + b);
			}
		}
		if (timeBreaks.length < 2 || timeBreaks[0] != 0) {
			throw new IllegalArgumentException("temporal breakpoints must start at 0 and have at least two values");
		}
		for (int b = 1; b < timeBreaks.length; b++) {
			if (timeBreaks[b] <= timeBreaks[b - 1]) {
				throw new IllegalArgumentException("temporal breakpoints must be strictly increasing, at " + b);
			}
		}
		if (timeBreaks[timeBreaks.length - 1] > MAX_TIME_BREAK) {
			throw new IllegalArgumentException("last temporal breakpoint must be ≤ " + MAX_TIME_BREAK
					+ " time units; use a coarser unit");
		}
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int v : time) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		if (time.length > 0 && max - min > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("times span " + (max - min) + " units, more than an int holds");
		}
		if (permutations < 0) {
			throw new IllegalArgumentException("permutations must be ≥ 0, was " + permutations);
		}
		if (pairBudget < 1) {
			throw new IllegalArgumentException("pair budget must be ≥ 1, was " + pairBudget);
		}
	}
}
