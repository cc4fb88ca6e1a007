package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * Counts of candidate pairs per (spatial band, temporal band) for the Knox space-time join, kept in a
 * register instead of memory where the table is small.
 *
 * <p>Every candidate is already less than the last temporal breakpoint apart in time. Its cell index is
 * {@code band·inner + lut[dt]}, with {@code inner = cols − 1} temporal bands below the last breakpoint and
 * band {@code bands} for pairs at or beyond the largest spatial breakpoint. With at most 16 counted cells
 * (the NRC table has 4 × 3 = 12), each cell is a bit field of one long: a candidate adds
 * {@code increment[cell]} (a one in its field, or zero beyond the largest breakpoint), and the fields are
 * spilled into memory before any can overflow. A histogram in memory would make consecutive candidates
 * that fall in the same cell wait on each other's stores; the register has no such dependency, and needs
 * no branch. Larger tables fall back to counting in memory.
 */
final class PairTally {

	/** Fields of at least this many bits, so a spill is due at most every 15 candidates. */
	private static final int MIN_BITS = 4;

	/** Fields of at most this many bits, so the room between spills fits an int. */
	private static final int MAX_BITS = 30;

	private final SpatialBands spatial;

	private final boolean manhattan;

	private final int[] lut;

	private final int cols;

	private final int inner;

	private final int bands;

	private final int fields;

	/** Bits per field, or 0 when the table is too large to pack and counts go to memory. */
	private final int bits;

	private final long mask;

	private final int chunk;

	/** A one in the first field of band b's row; zero for the band beyond the largest breakpoint. */
	private final long[] bandIncrement;

	/** bandIncrement of the band of each whole metre ⌊d⌋ up to the largest breakpoint, or null. */
	private final long[] metreIncrement;

	private final int maxMetre;

	/**
	 * Shift from a row's first field to the field of the temporal band of dt, at {@code maxT − 1 + dt} for
	 * dt from −(maxT − 1) to maxT − 1.
	 */
	private final int[] timeShift;

	/** Spilled counts per cell; when not packed, the counts themselves, with a spare row beyond. */
	private final long[] counts;

	private long acc;

	private int room;

	PairTally(SpatialBands spatial, int[] lut, int cols, boolean manhattan) {
		this.spatial = spatial;
		this.manhattan = manhattan;
		this.lut = lut;
		this.cols = cols;
		this.inner = cols - 1;
		this.bands = spatial.bands();
		this.fields = bands * inner;
		int perField = Math.min(MAX_BITS, Long.SIZE / fields);
		this.bits = perField >= MIN_BITS ? perField : 0;
		this.mask = bits == 0 ? 0 : (1L << bits) - 1;
		this.chunk = bits == 0 ? Integer.MAX_VALUE : (int) mask;
		this.bandIncrement = new long[bands + 1];
		for (int b = 0; b < bands && bits > 0; b++) {
			bandIncrement[b] = 1L << (bits * inner * b);
		}
		int[] bandOf = spatial.wholeMetreBands();
		this.metreIncrement = bandOf == null ? null : new long[bandOf.length];
		for (int m = 0; metreIncrement != null && m < bandOf.length; m++) {
			metreIncrement[m] = bandIncrement[bandOf[m]];
		}
		this.maxMetre = bandOf == null ? 0 : bandOf.length - 1;
		this.timeShift = new int[2 * lut.length - 1];
		for (int dt = 1 - lut.length; dt < lut.length; dt++) {
			timeShift[lut.length - 1 + dt] = bits * lut[Math.abs(dt)];
		}
		this.counts = new long[(bands + 1) * inner];
		clear();
	}

	boolean fits(int[] lut, int cols) {
		return this.lut == lut && this.cols == cols;
	}

	/** Pairs less than this far apart in time are counted: the last temporal breakpoint. */
	int maxT() {
		return lut.length;
	}

	void clear() {
		Arrays.fill(counts, 0);
		acc = 0;
		room = chunk;
	}

	/** How many of {@code wanted} candidates may be tallied before the next spill (at least one). */
	int room(int wanted) {
		if (room == 0) {
			spill();
		}
		int take = Math.min(wanted, room);
		room -= take;
		return take;
	}

	/**
	 * Tallies event i with the events {@code members[from … to)}, each less than maxT from it in time; at
	 * most {@link #room} of them.
	 */
	void add(double[] x, double[] y, int[] t, int i, int[] members, int from, int to) {
		double xi = x[i];
		double yi = y[i];
		int ti = t[i];
		if (bits > 0 && metreIncrement != null) {
			long[] metreIncrement = this.metreIncrement;
			int[] shiftAt = this.timeShift;
			int maxMetre = this.maxMetre;
			int offset = ti + lut.length - 1;
			long a = acc;
			if (manhattan) {
				for (int q = from; q < to; q++) {
					int j = members[q];
					double d = Math.abs(x[j] - xi) + Math.abs(y[j] - yi);
					a += metreIncrement[Math.min((int) d, maxMetre)] << shiftAt[offset - t[j]];
				}
			}
			else {
				for (int q = from; q < to; q++) {
					int j = members[q];
					double dx = x[j] - xi;
					double dy = y[j] - yi;
					double d = Math.sqrt(dx * dx + dy * dy);
					a += metreIncrement[Math.min((int) d, maxMetre)] << shiftAt[offset - t[j]];
				}
			}
			acc = a;
			return;
		}
		for (int q = from; q < to; q++) {
			int j = members[q];
			double dx = Math.abs(x[j] - xi);
			double dy = Math.abs(y[j] - yi);
			double d = manhattan ? dx + dy : Math.sqrt(dx * dx + dy * dy);
			int band = spatial.of(d);
			int timeBand = lut[Math.abs(ti - t[j])];
			if (bits > 0) {
				acc += bandIncrement[band] << (bits * timeBand);
			}
			else {
				counts[band * inner + timeBand]++;
			}
		}
	}

	private void spill() {
		for (int f = 0; f < fields && bits > 0; f++) {
			counts[f] += (acc >>> (bits * f)) & mask;
		}
		acc = 0;
		room = chunk;
	}

	/** Adds the tally to {@code table[band·cols + time band]} (the inner Knox table) and clears it. */
	void addTo(long[] table) {
		spill();
		for (int b = 0; b < bands; b++) {
			for (int c = 0; c < inner; c++) {
				table[b * cols + c] += counts[b * inner + c];
			}
		}
		clear();
	}
}
