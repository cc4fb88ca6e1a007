package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * Counts of candidate pairs per (spatial band, temporal band) for the Knox space-time join, kept in a
 * register instead of memory where the table is small.
 *
 * <p>Every candidate is already less than the last temporal breakpoint apart in time. Its cell index is
 * {@code band·inner + lut[dt]}, with {@code inner = cols − 1} temporal bands below the last breakpoint and
 * band {@code bands} for pairs at or beyond the largest spatial breakpoint. With at most 16 counted cells
 * (the NRC table has 4 × 3 = 12), each cell is a bit field of one long (5 bits for 12 cells): a candidate
 * adds a one shifted to its field ({@code metreIncrement[⌊d⌋] << timeShift[dt]}, zero beyond the largest
 * breakpoint), with no branch and no store. Before a field can overflow (every 31 candidates) the even and
 * the odd fields are added into two longs with fields twice as wide, and those go to memory every 33 such
 * spills (1,023 candidates). A histogram in memory would make consecutive candidates that fall in the same
 * cell wait on each other's stores. Larger tables count in memory.
 */
final class PairTally {

	/** Fields of at least this many bits, so a spill is due at most every 15 candidates (16 cells). */
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

	/** Every other field (0, 2, 4, …) of the register, the odd ones after a shift by {@link #bits}. */
	private final long evenFields;

	/** Spills into the wide halves allowed before they must go to memory. */
	private final int wideSpills;

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

	/** Even and odd fields, each widened to 2·bits bits, and spills left before they are full. */
	private long wideEven;

	private long wideOdd;

	private int wideRoom;

	PairTally(SpatialBands spatial, int[] lut, int cols, boolean manhattan) {
		this.spatial = spatial;
		this.manhattan = manhattan;
		this.lut = lut;
		this.cols = cols;
		this.inner = cols - 1;
		this.bands = spatial.bands();
		this.fields = bands * inner;
		// fields are split into even and odd halves at spill time, each field then taking twice the bits
		int perField = Math.min(MAX_BITS, Long.SIZE / (2 * ((fields + 1) / 2)));
		this.bits = perField >= MIN_BITS ? perField : 0;
		this.mask = bits == 0 ? 0 : (1L << bits) - 1;
		this.chunk = bits == 0 ? Integer.MAX_VALUE : (int) mask;
		long even = 0;
		for (int f = 0; f < fields && bits > 0; f += 2) {
			even |= mask << (bits * f);
		}
		this.evenFields = even;
		// a wide field holds 2^(2·bits) − 1, each spill adds at most 2^bits − 1
		this.wideSpills = bits == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (1L << bits) + 1);
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
		wideEven = 0;
		wideOdd = 0;
		wideRoom = wideSpills;
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
	 * most {@link #room} of them. Event k's x, y and time are {@code xyt[3k]}, {@code xyt[3k + 1]} and
	 * {@code xyt[3k + 2]} (a whole number).
	 */
	void add(double[] xyt, int i, int[] members, int from, int to) {
		double xi = xyt[3 * i];
		double yi = xyt[3 * i + 1];
		double ti = xyt[3 * i + 2];
		if (bits > 0 && metreIncrement != null) {
			long[] metreIncrement = this.metreIncrement;
			int[] shiftAt = this.timeShift;
			int maxMetre = this.maxMetre;
			double offset = ti + lut.length - 1;
			long a = acc;
			if (manhattan) {
				for (int q = from; q < to; q++) {
					int j = 3 * members[q];
					double d = Math.abs(xyt[j] - xi) + Math.abs(xyt[j + 1] - yi);
					a += metreIncrement[Math.min((int) d, maxMetre)] << shiftAt[(int) (offset - xyt[j + 2])];
				}
			}
			else {
				for (int q = from; q < to; q++) {
					int j = 3 * members[q];
					double dx = xyt[j] - xi;
					double dy = xyt[j + 1] - yi;
					double d = Math.sqrt(dx * dx + dy * dy);
					a += metreIncrement[Math.min((int) d, maxMetre)] << shiftAt[(int) (offset - xyt[j + 2])];
				}
			}
			acc = a;
			return;
		}
		for (int q = from; q < to; q++) {
			int j = 3 * members[q];
			double dx = Math.abs(xyt[j] - xi);
			double dy = Math.abs(xyt[j + 1] - yi);
			double d = manhattan ? dx + dy : Math.sqrt(dx * dx + dy * dy);
			int band = spatial.of(d);
			int timeBand = lut[(int) Math.abs(ti - xyt[j + 2])];
			if (bits > 0) {
				acc += bandIncrement[band] << (bits * timeBand);
			}
			else {
				counts[band * inner + timeBand]++;
			}
		}
	}

	/** Moves the register into the wide halves, and those into memory when they are full. */
	private void spill() {
		wideEven += acc & evenFields;
		wideOdd += (acc >>> bits) & evenFields;
		acc = 0;
		room = chunk;
		if (--wideRoom == 0) {
			drain();
		}
	}

	private void drain() {
		long wideMask = bits == 0 ? 0 : (1L << (2 * bits)) - 1;
		for (int f = 0; f < fields && bits > 0; f++) {
			long half = f % 2 == 0 ? wideEven : wideOdd;
			counts[f] += (half >>> (bits * (f - f % 2))) & wideMask;
		}
		wideEven = 0;
		wideOdd = 0;
		wideRoom = wideSpills;
	}

	/** Adds the tally to {@code table[band·cols + time band]} (the inner Knox table) and clears it. */
	void addTo(long[] table) {
		spill();
		drain();
		for (int b = 0; b < bands; b++) {
			for (int c = 0; c < inner; c++) {
				table[b * cols + c] += counts[b * inner + c];
			}
		}
		clear();
	}
}
