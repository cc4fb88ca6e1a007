package org.beacon.overdose.internal;

import java.util.Arrays;

/**
 * The largest LLR over all prospective cylinders (windows ending on the last day) of one data set, for
 * the Monte Carlo replications, where only that maximum matters. It visits the same cylinders as
 * {@link CylinderScanner#maxLlr} and computes their LLR with the same formula, so it returns the same
 * number; but it skips every circle it can prove holds no window beating the best LLR so far, τ.
 *
 * <p>A window is its start day s. With n the circle's cases, c(s) its cases from s on and t(s) all cases
 * from s on, the window expects μ(s) = n·t(s)/C and has the excess D(s) = c(s) − μ(s). Start days are cut
 * into <em>blocks</em> whose t differ by at most {@link #BLOCK_RATIO}; in a block μ ≥ μ_lo (its latest
 * start) and D ≤ D_max, so no window of the block reaches τ while D_max &lt; D̂(μ_lo, τ), the excess needed
 * ({@link LlrThresholds}). Blocks are grouped into <em>tiers</em> of t within {@link #TIER_RATIO}. A
 * tier's <em>room</em> is the least D̂ − D_max over its blocks when last checked. Adding location z raises
 * D(s) by e_z(s) = a_z(s) − n_z·t(s)/C (a_z(s): z's cases from s on), so the room is charged z's largest
 * e_z over the tier's starts; D̂ only grows as the circle's μ and τ grow. While the room is positive the
 * tier needs no look; when it runs out its blocks are checked again, and a block that can reach τ has its
 * windows evaluated one by one (start days with a case in the circle only). The largest circle must hold
 * fewer than all cases.
 */
final class ProspectiveScanner {

	/**
	 * Start days in one block have suffix totals t within this ratio; D̂ grows about as √μ, so the bound
	 * gives up at most √1.2 − 1 = 10 % of it. Measured on the benchmark: 1.1 to 1.5 cost the same.
	 */
	static final double BLOCK_RATIO = 1.2;

	/**
	 * Blocks in one tier have suffix totals within this ratio. Wider tiers mean fewer rooms to charge per
	 * location but larger charges (the most over more starts) and longer checks; 1.5 to 3 cost the same.
	 */
	static final double TIER_RATIO = 2;

	/** Relative margin on τ, so rounding in a bound never hides a window that beats it. */
	private static final double TAU_MARGIN = 1e-9;

	private final ScanCircles circles;
	private final int[] locationStart;
	private final long[] locationTotal;
	private final long total;
	private final int days;
	private final int firstDay;
	private final int minCases;
	private final long[] suffix;
	private final int blocks;
	private final int[] blockFirst;
	private final int[] blockLast;
	private final double[] blockShare;
	private final double[] dayShare;
	private final int[] tierFirstDay;
	private final int[] tierLastDay;
	private final int[] dayBlock;
	private final int tiers;
	private final int[] tierFirstBlock;
	private final LlrThresholds thresholds;

	/** Per-thread working memory. */
	static final class Scratch {
		final int[] start;
		final int[] day;
		final int[] firstTier;
		final int[] tierCases;
		final double[] charge;
		final int[] circleDay;
		final int[] cumulative;
		final double[] room;
		final long[] marked;
		int rowLevel = -1;
		double[] row;

		Scratch(int locations, int cases, int days, int blocks, int tiers) {
			start = new int[locations + 1];
			day = new int[cases];
			firstTier = new int[locations];
			tierCases = new int[locations * tiers];
			charge = new double[locations * tiers];
			circleDay = new int[days];
			cumulative = new int[tiers];
			room = new double[tiers];
			marked = new long[(tiers + 63) >>> 6];
		}
	}

	ProspectiveScanner(ScanCircles circles, int[] locationStart, long[] locationTotal, long[] dayTotal, long total,
			int maxWindow, int minCases) {
		this.circles = circles;
		this.locationStart = locationStart;
		this.locationTotal = locationTotal;
		this.total = total;
		this.days = dayTotal.length;
		this.minCases = minCases;
		StartBlocks starts = new StartBlocks(dayTotal, total, maxWindow, BLOCK_RATIO, TIER_RATIO);
		this.firstDay = starts.firstDay;
		this.suffix = starts.suffix;
		this.dayShare = starts.dayShare;
		this.dayBlock = starts.dayBlock;
		this.blocks = starts.blocks;
		this.blockFirst = starts.blockFirst;
		this.blockLast = starts.blockLast;
		this.blockShare = starts.blockShare;
		this.tiers = starts.tiers;
		this.tierFirstBlock = starts.tierFirstBlock;
		this.tierFirstDay = starts.tierFirstDay;
		this.tierLastDay = starts.tierLastDay;
		this.thresholds = new LlrThresholds(total, circles.largestCircleCases(locationTotal));
	}

	Scratch newScratch() {
		return new Scratch(locationStart.length - 1, (int) total, days, blocks, tiers);
	}

	/** Largest LLR over all prospective cylinders of {@code caseDay}, 0 if none has more cases than expected. */
	double maxLlr(int[] caseDay, Scratch s) {
		if (blocks == 0) {
			return 0;
		}
		gather(caseDay, s);
		double best = 0;
		for (int i = 0; i < circles.centres(); i++) {
			best = scanCentre(i, s, best);
		}
		return best;
	}

	/**
	 * Each location's cases on days a window can hold; for each tier its cases on or after the tier's
	 * first day (for the circle's running counts), and its charge: the most it can add to any start's
	 * excess, max over starts s of the tier of a_z(s) − n_z·t(s)/C, a_z(s) its cases from s on. Moving s
	 * a day earlier lowers that unless z has a case there, so the maximum is at the tier's last day or at
	 * one of z's case days. {@code firstTier[z]}: the first tier where z has a case from its first day on;
	 * earlier tiers are only credited, and skipping a credit is safe.
	 */
	private void gather(int[] caseDay, Scratch s) {
		int k = 0;
		int locations = locationStart.length - 1;
		for (int z = 0; z < locations; z++) {
			int from = k;
			for (int c = locationStart[z]; c < locationStart[z + 1]; c++) {
				int d = caseDay[c];
				if (d >= firstDay && dayBlock[d] >= 0) {
					s.day[k++] = d;
				}
			}
			s.start[z] = from;
			sortDescending(s.day, from, k);
			double n = locationTotal[z];
			int next = from; // next case, latest first
			s.firstTier[z] = tiers;
			for (int t = 0, at = z * tiers; t < tiers; t++) {
				// cases on or after the tier's last day, then each case day inside the tier
				while (next < k && s.day[next] >= tierLastDay[t]) {
					next++;
				}
				double most = (next - from) - n * dayShare[tierLastDay[t]];
				while (next < k && s.day[next] >= tierFirstDay[t]) {
					int d = s.day[next];
					while (next < k && s.day[next] == d) {
						next++;
					}
					most = Math.max(most, (next - from) - n * dayShare[d]);
				}
				if (next > from && s.firstTier[z] == tiers) {
					s.firstTier[z] = t;
				}
				s.tierCases[at + t] = next - from;
				s.charge[at + t] = most;
			}
		}
		s.start[locations] = k;
	}

	/** Insertion sort, latest day first: a location has few cases. */
	private static void sortDescending(int[] a, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			int v = a[i];
			int j = i - 1;
			while (j >= from && a[j] < v) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = v;
		}
	}

	/**
	 * All circles of centre {@code i}; returns the larger of {@code best} and their best LLR. A tier is
	 * checked when its room runs out, and not while the circle has no case in its reach (no window
	 * there has a case).
	 */
	private double scanCentre(int i, Scratch s, double best) {
		int[] neighbours = circles.neighbours[i];
		int[] ends = circles.ends[i];
		int[] circleDay = s.circleDay;
		int[] cumulative = s.cumulative;
		int[] tierCases = s.tierCases;
		double[] charge = s.charge;
		double[] room = s.room;
		long[] marked = s.marked;
		Arrays.fill(circleDay, firstDay, days, 0);
		Arrays.fill(cumulative, 0);
		Arrays.fill(room, 0);
		Arrays.fill(marked, 0);
		int added = 0;
		long n = 0;
		for (int k = 0; k < ends.length; k++) {
			for (; added < ends[k]; added++) {
				int z = neighbours[added];
				n += locationTotal[z];
				for (int c = s.start[z]; c < s.start[z + 1]; c++) {
					circleDay[s.day[c]]++;
				}
				int from = z * tiers;
				int first = s.firstTier[z];
				for (int t = first; t < tiers; t++) {
					cumulative[t] += tierCases[from + t];
				}
				boolean ranOut = false;
				for (int t = first; t < tiers; t++) {
					double r = room[t] - charge[from + t];
					room[t] = r;
					ranOut |= r <= 0;
				}
				if (ranOut) {
					for (int t = first; t < tiers; t++) {
						if (room[t] <= 0) {
							marked[t >>> 6] |= 1L << t;
						}
					}
				}
			}
			if (k == 0) {
				startRooms(n, s, best);
			}
			if (n < minCases) {
				continue;
			}
			for (int w = 0; w < marked.length; w++) {
				long bits = marked[w];
				for (; bits != 0; bits &= bits - 1) {
					int t = (w << 6) + Long.numberOfTrailingZeros(bits);
					if (cumulative[t] > 0) {
						best = recheck(t, n, s, best);
						if (room[t] > 0) {
							marked[w] &= ~(1L << t);
						}
					}
				}
			}
		}
		return best;
	}

	/**
	 * Rooms of the first circle without looking at its days: each start's excess is the sum of its
	 * locations' excesses, at most the sum of their charges, which the rooms hold already (negated); the
	 * excess needed is at least D̂ at the tier's least expectation. Tiers left without room are marked.
	 */
	private void startRooms(long n, Scratch s, double best) {
		Arrays.fill(s.marked, 0);
		for (int t = 0; t < tiers; t++) {
			s.room[t] += needed(n * blockShare[tierFirstBlock[t]], best, s);
			if (s.room[t] <= 0) {
				s.marked[t >>> 6] |= 1L << t;
			}
		}
	}

	/**
	 * Checks the blocks of tier {@code t}: a block's largest excess over its start days, D_max, against
	 * the excess needed at its least expectation, D̂(μ_lo, τ); evaluates the windows of a block where D_max
	 * reaches it, and sets the tier's room to the least D̂ − D_max.
	 */
	private double recheck(int t, long n, Scratch s, double best) {
		int[] circleDay = s.circleDay;
		long c = t == 0 ? 0 : s.cumulative[t - 1]; // the circle's cases after the tier's last day
		double least = Double.POSITIVE_INFINITY;
		for (int j = tierFirstBlock[t]; j < tierFirstBlock[t + 1]; j++) {
			long after = c;
			double most = Double.NEGATIVE_INFINITY;
			for (int d = blockLast[j]; d >= blockFirst[j]; d--) {
				c += circleDay[d];
				double excess = c - n * dayShare[d];
				if (excess > most) {
					most = excess;
				}
			}
			double muLow = n * blockShare[j];
			double room = needed(muLow, best, s) - most;
			if (room <= 0) {
				best = evaluateBlock(j, n, after, circleDay, best);
				room = needed(muLow, best, s) - most;
			}
			least = Math.min(least, room);
		}
		s.room[t] = least;
		return best;
	}

	private double needed(double mu, double best, Scratch s) {
		double tau = best * (1 - TAU_MARGIN);
		int level = LlrThresholds.level(tau);
		if (level != s.rowLevel) {
			s.row = thresholds.row(level);
			s.rowLevel = level;
		}
		return thresholds.excessNeeded(mu, tau, s.row);
	}

	/** Every window starting on a case day of block {@code j}; {@code after}: circle cases after the block. */
	private double evaluateBlock(int j, long n, long after, int[] circleDay, double best) {
		long c = after;
		for (int start = blockLast[j]; start >= blockFirst[j]; start--) {
			if (circleDay[start] == 0) {
				continue;
			}
			c += circleDay[start];
			long t = suffix[start];
			if (c < minCases || c * total - n * t <= 0) {
				continue;
			}
			double mu = (double) n * t / total;
			long rest = total - c;
			double llr = c * Math.log(c / mu) + (rest == 0 ? 0.0 : rest * Math.log(rest / (total - mu)));
			if (llr > best) {
				best = llr;
			}
		}
		return best;
	}
}
