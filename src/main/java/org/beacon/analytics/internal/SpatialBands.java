package org.beacon.analytics.internal;

/**
 * The spatial band of a pair distance for a Knox table, without branches: with whole-metre breakpoints
 * (the usual case) a table lookup on ⌊d⌋ (exact, since d ≥ b ⟺ ⌊d⌋ ≥ b for whole b), otherwise one
 * sign-bit comparison per breakpoint.
 */
final class SpatialBands {

	/** Longest lookup table: breakpoints up to 65 km in whole metres. */
	private static final double MAX_LOOKUP = 1 << 16;

	private final double[] breaks;

	private final int bands;

	private final double max;

	/** band of ⌊d⌋, or null when a breakpoint is not a whole number of metres. */
	private final byte[] lookup;

	SpatialBands(double[] breaks) {
		this.breaks = breaks;
		this.bands = breaks.length - 1;
		this.max = breaks[bands];
		this.lookup = wholeMetres(breaks) && max <= MAX_LOOKUP && bands < Byte.MAX_VALUE ? table(breaks) : null;
	}

	/**
	 * Band of d for d below the largest breakpoint, and {@code bands} (one past the last band) for d at or
	 * beyond it, so callers can count those in a spare row instead of branching.
	 */
	int of(double d) {
		if (lookup != null) {
			return lookup[(int) Math.min(d, max)];
		}
		int b = 0;
		for (int q = 1; q <= bands; q++) {
			b += 1 - below(d, breaks[q]);
		}
		return b;
	}

	/**
	 * A fresh copy of the band of each whole metre ⌊d⌋ from 0 to the largest breakpoint (which maps to
	 * {@code bands}), or null when the breakpoints are not whole metres or too far apart for a table.
	 */
	int[] wholeMetreBands() {
		if (lookup == null) {
			return null;
		}
		int[] bandOf = new int[lookup.length];
		for (int m = 0; m < lookup.length; m++) {
			bandOf[m] = lookup[m];
		}
		return bandOf;
	}

	/** Number of bands below the largest breakpoint. */
	int bands() {
		return bands;
	}

	/** 1 if a &lt; b, else 0, from the sign bit of a − b (equal values give +0.0): no branch. */
	static int below(double a, double b) {
		return (int) (Double.doubleToRawLongBits(a - b) >>> 63);
	}

	private static boolean wholeMetres(double[] breaks) {
		for (double b : breaks) {
			if (b != Math.rint(b)) {
				return false;
			}
		}
		return true;
	}

	private static byte[] table(double[] breaks) {
		int max = (int) breaks[breaks.length - 1];
		byte[] lookup = new byte[max + 1];
		int band = 0;
		for (int d = 0; d < max; d++) {
			while (d >= breaks[band + 1]) {
				band++;
			}
			lookup[d] = (byte) band;
		}
		lookup[max] = (byte) (breaks.length - 1);
		return lookup;
	}
}
