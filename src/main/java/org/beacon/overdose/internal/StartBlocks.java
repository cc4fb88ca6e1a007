package org.beacon.overdose.internal;

import java.util.Arrays;

/**
 * The start days of prospective windows (windows ending on the last day L), cut by t(s), all cases from
 * s to L: <em>blocks</em> of consecutive days whose t differ by at most a ratio, from the last day
 * backwards, and <em>tiers</em> of consecutive blocks whose t differ by at most a larger ratio. Block and
 * tier 0 hold the latest days. Days after the last case of the period start no window with a case and
 * belong to no block.
 */
final class StartBlocks {

	/** The earliest start day: L − maxWindow + 1, at least 0. */
	final int firstDay;

	/** {@code suffix[d]}: cases on days d .. L (0 before {@link #firstDay}); {@code suffix[L + 1] = 0}. */
	final long[] suffix;

	/** {@code suffix[d] / C}: the share of all cases a window starting on d holds. */
	final double[] dayShare;

	/** Block of each day, −1 outside every block. */
	final int[] dayBlock;

	final int blocks;

	/** Block j holds the days {@code blockFirst[j] .. blockLast[j]}; later blocks hold earlier days. */
	final int[] blockFirst;

	final int[] blockLast;

	/** The smallest share in block j, at its last day. */
	final double[] blockShare;

	final int tiers;

	/** Tier k holds the blocks {@code tierFirstBlock[k] .. tierFirstBlock[k + 1] − 1}. */
	final int[] tierFirstBlock;

	/** Tier k holds the days {@code tierFirstDay[k] .. tierLastDay[k]}. */
	final int[] tierFirstDay;

	final int[] tierLastDay;

	/**
	 * @param dayTotal cases per day of the study period
	 * @param total all cases C, above 0
	 * @param maxWindow longest window in days
	 * @param blockRatio largest ratio of t within a block (a single day may exceed it)
	 * @param tierRatio largest ratio of t within a tier (a single block may exceed it)
	 */
	StartBlocks(long[] dayTotal, long total, int maxWindow, double blockRatio, double tierRatio) {
		int days = dayTotal.length;
		this.firstDay = Math.max(0, days - maxWindow);
		this.suffix = new long[days + 1];
		for (int d = days - 1; d >= firstDay; d--) {
			suffix[d] = suffix[d + 1] + dayTotal[d];
		}
		this.dayShare = new double[days];
		for (int d = firstDay; d < days; d++) {
			dayShare[d] = (double) suffix[d] / total;
		}
		int[] first = new int[days];
		int[] last = new int[days];
		this.dayBlock = new int[days];
		Arrays.fill(dayBlock, -1);
		int b = 0;
		int s = days - 1;
		while (s >= firstDay && suffix[s] == 0) {
			s--;
		}
		while (s >= firstDay) {
			int p = s;
			while (p - 1 >= firstDay && suffix[p - 1] <= blockRatio * suffix[s]) {
				p--;
			}
			first[b] = p;
			last[b] = s;
			Arrays.fill(dayBlock, p, s + 1, b);
			b++;
			s = p - 1;
		}
		this.blocks = b;
		this.blockFirst = Arrays.copyOf(first, b);
		this.blockLast = Arrays.copyOf(last, b);
		this.blockShare = new double[b];
		for (int j = 0; j < b; j++) {
			blockShare[j] = dayShare[blockLast[j]];
		}
		int[] tierStart = new int[b + 1];
		int t = 0;
		for (int j = 0; j < b; ) {
			tierStart[t++] = j;
			long shortest = suffix[blockLast[j]];
			j++;
			while (j < b && suffix[blockFirst[j]] <= tierRatio * shortest) {
				j++;
			}
		}
		tierStart[t] = b;
		this.tiers = t;
		this.tierFirstBlock = Arrays.copyOf(tierStart, t + 1);
		this.tierFirstDay = new int[t];
		this.tierLastDay = new int[t];
		for (int k = 0; k < t; k++) {
			tierLastDay[k] = blockLast[tierFirstBlock[k]];
			tierFirstDay[k] = blockFirst[tierFirstBlock[k + 1] - 1];
		}
	}
}
