package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * The close pairs of a Knox test, enumerated once in blocks of consecutive events (in spatial order), each
 * block's pairs grouped per event by spatial band, so counting a block under a permutation is one pass
 * over an int array. Pair {@code (i, j)} is stored once, at the lower position {@code i}.
 */
final class PairBlocks {

	/** First allocation of the neighbour array; it doubles up to the budget as blocks need. */
	private static final int INITIAL_CAPACITY = 1 << 16;

	private final SpatialOrder order;

	private final SpatialBands spatial;

	private final double maxDistance;

	private final boolean manhattan;

	private final int bands;

	private final int budget;

	private int[] neighbour = new int[0];

	/** start[(i − lo)·bands + b] .. start[… + 1]: neighbours of event i in band b. */
	private int[] start = new int[1];

	private final long[] bandPairs;

	private int lo;

	private int hi;

	private int[] candidate = new int[64];

	private byte[] candidateBand = new byte[64];

	private final int[] perBand;

	/** First and last (exclusive) event positions this instance enumerates pairs for. */
	private final int rangeStart, rangeEnd;

	/**
	 * Pairs of the events at positions {@code [rangeStart, rangeEnd)} of the spatial order (with any later
	 * event), in blocks of at most {@code budget} pairs.
	 */
	PairBlocks(SpatialOrder order, double[] spaceBreaks, Knox.Metric metric, int budget, int rangeStart,
			int rangeEnd) {
		this.order = order;
		this.hi = rangeStart;
		this.rangeStart = rangeStart;
		this.rangeEnd = rangeEnd;
		this.spatial = new SpatialBands(spaceBreaks);
		this.maxDistance = spaceBreaks[spaceBreaks.length - 1];
		this.manhattan = metric == Knox.Metric.MANHATTAN;
		this.bands = spaceBreaks.length - 1;
		this.budget = budget;
		this.bandPairs = new long[bands];
		this.perBand = new int[bands + 1];
		if (bands > Byte.MAX_VALUE) {
			throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " spatial bands, was " + bands);
		}
	}

	/** Enumerates the next block; false when every event has been covered. */
	boolean next() {
		int n = rangeEnd;
		if (hi >= n) {
			return false;
		}
		lo = hi;
		Arrays.fill(bandPairs, 0);
		int used = 0;
		int i = lo;
		while (i < n) {
			int found = candidates(i);
			if (used + found > budget && i > lo) {
				break;
			}
			ensureCapacity(used + found, (long) (i - lo + 1) * bands + 1);
			// counting sort of this event's pairs by band
			Arrays.fill(perBand, 0);
			for (int c = 0; c < found; c++) {
				perBand[candidateBand[c] + 1]++;
			}
			int row = (i - lo) * bands;
			int offset = used;
			for (int b = 0; b < bands; b++) {
				start[row + b] = offset;
				int count = perBand[b + 1];
				perBand[b + 1] = offset;
				offset += count;
				bandPairs[b] += count;
			}
			for (int c = 0; c < found; c++) {
				neighbour[perBand[candidateBand[c] + 1]++] = candidate[c];
			}
			used += found;
			start[row + bands] = used;
			i++;
		}
		hi = i;
		return true;
	}

	/** Events of this instance's range whose pairs have been enumerated, up to the current block's end. */
	int covered() {
		return hi - rangeStart;
	}

	/** Pairs of the current block in spatial band {@code b}. */
	long pairsInBand(int b) {
		return bandPairs[b];
	}

	/**
	 * Adds the current block's pairs to {@code counts[b·cols + temporal band]} for pairs whose time
	 * difference is below the last temporal breakpoint ({@code lut.length}). Thread-safe for distinct
	 * {@code counts}.
	 */
	void count(int[] t, int[] lut, long[] counts, int cols) {
		for (int i = lo; i < hi; i++) {
			countEvent(i, t, lut, counts, cols);
		}
	}

	private void countEvent(int i, int[] t, int[] lut, long[] counts, int cols) {
		int maxT = lut.length;
		int[] nb = neighbour;
		int[] st = start;
		int ti = t[i];
		int row = (i - lo) * bands;
		for (int b = 0; b < bands; b++) {
			int base = b * cols;
			int end = st[row + b + 1];
			for (int k = st[row + b]; k < end; k++) {
				int dt = Math.abs(ti - t[nb[k]]);
				if (dt < maxT) {
					counts[base + lut[dt]]++;
				}
			}
		}
	}

	/** Collects the pairs (i, j), j &gt; i, closer than the maximum distance; returns how many. */
	private int candidates(int i) {
		double xi = order.x[i];
		double yi = order.y[i];
		int cell = order.cellOf[i];
		int ncx = order.ncx;
		int cx = cell % ncx;
		int cy = cell / ncx;
		int found = scan(i, xi, yi, i + 1, order.cellStart[cell + 1], 0);
		if (cx + 1 < ncx) {
			found = scanCell(i, xi, yi, cell + 1, found);
		}
		if (cy + 1 < order.ncy) {
			if (cx > 0) {
				found = scanCell(i, xi, yi, cell + ncx - 1, found);
			}
			found = scanCell(i, xi, yi, cell + ncx, found);
			if (cx + 1 < ncx) {
				found = scanCell(i, xi, yi, cell + ncx + 1, found);
			}
		}
		return found;
	}

	private int scanCell(int i, double xi, double yi, int cell, int found) {
		return scan(i, xi, yi, order.cellStart[cell], order.cellStart[cell + 1], found);
	}

	/**
	 * Appends the events at positions {@code [from, to)} closer than the maximum distance. Branch-free: every
	 * event is written at {@code found} and {@code found} advances only if it is close, since about four in
	 * five candidates are not and a mispredicted branch costs more than the store.
	 */
	private int scan(int i, double xi, double yi, int from, int to, int found) {
		if (found + (to - from) > candidate.length) {
			int grown = Math.max(2 * candidate.length, found + (to - from));
			candidate = Arrays.copyOf(candidate, grown);
			candidateBand = Arrays.copyOf(candidateBand, grown);
		}
		double[] x = order.x;
		double[] y = order.y;
		int[] cand = candidate;
		byte[] band = candidateBand;
		SpatialBands spatial = this.spatial;
		double max = maxDistance;
		for (int j = from; j < to; j++) {
			double dx = Math.abs(x[j] - xi);
			double dy = Math.abs(y[j] - yi);
			double d = manhattan ? dx + dy : Math.sqrt(dx * dx + dy * dy);
			cand[found] = j;
			band[found] = (byte) spatial.of(d);
			found += SpatialBands.below(d, max);
		}
		return found;
	}

	private void ensureCapacity(int pairs, long startLength) {
		if (pairs > neighbour.length) {
			long grown = Math.max(pairs, Math.min(Math.max(INITIAL_CAPACITY, 2L * neighbour.length), budget));
			neighbour = Arrays.copyOf(neighbour, (int) grown);
		}
		if (startLength > start.length) {
			start = Arrays.copyOf(start, (int) Math.max(startLength, Math.min(2L * start.length, Integer.MAX_VALUE - 8)));
		}
	}
}
