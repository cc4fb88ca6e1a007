package org.beacon.analytics.internal;

import java.util.List;

/**
 * A Knox near-repeat table: pairs of events cross-classified by spatial and temporal distance bands.
 *
 * <p>Row {@code s} is the spatial band {@code [spaceBreaks[s], spaceBreaks[s+1])} in metres, the last row
 * {@code [spaceBreaks[last], ∞)}; column {@code t} is the temporal band {@code [timeBreaks[t],
 * timeBreaks[t+1])} in the caller's time unit, the last column open-ended. Cells are row-major,
 * {@code s·columns + t}.
 *
 * @param spaceBreaks spatial breakpoints in metres, starting at 0
 * @param timeBreaks temporal breakpoints in time units, starting at 0
 * @param observed pairs per cell
 * @param expected mean count per cell over the permutations (the Monte Carlo expectation)
 * @param marginalExpected the exact expectation under random permutation of times: row total × column
 *        total / all pairs (the classical Knox expected count)
 * @param ratio Knox ratio observed / expected (NaN where expected is 0)
 * @param pValue {@code (1 + #{permuted ≥ observed})/(permutations + 1)}, one-sided for over-representation
 * @param permutations number of Monte Carlo permutations
 * @param seed the seed the permutations were drawn from
 * @param pairsWithinMaxDistance pairs closer than the last spatial breakpoint
 */
public record KnoxTable(double[] spaceBreaks, int[] timeBreaks, long[] observed, double[] expected,
		double[] marginalExpected, double[] ratio, double[] pValue, int permutations, long seed,
		long pairsWithinMaxDistance) {

	/**
	 * The columns of {@link #row}: each band's honest label ({@code [0, 100) m}, {@code [7, 14) days}, the last
	 * band open: {@code [800, ∞) m}), its bounds as numbers (the open end empty), then the counts.
	 */
	public static final List<String> COLUMNS = List.of("space_band", "time_band", "space_from_m", "space_to_m",
			"time_from_days", "time_to_days", "observed", "expected", "ratio", "p");

	/** Number of spatial bands, the open-ended one included. */
	public int rows() {
		return spaceBreaks.length;
	}

	/** Number of temporal bands, the open-ended one included. */
	public int columns() {
		return timeBreaks.length;
	}

	public long observed(int s, int t) {
		return observed[s * columns() + t];
	}

	public double expected(int s, int t) {
		return expected[s * columns() + t];
	}

	public double ratio(int s, int t) {
		return ratio[s * columns() + t];
	}

	public double pValue(int s, int t) {
		return pValue[s * columns() + t];
	}

	/** Interval label of spatial band {@code s}, e.g. {@code [1, 101) m} or {@code [301, ∞) m}. */
	public String spaceLabel(int s) {
		String hi = s + 1 < spaceBreaks.length ? number(spaceBreaks[s + 1]) : "∞";
		return "[" + number(spaceBreaks[s]) + ", " + hi + ") m";
	}

	/** Interval label of temporal band {@code t}, e.g. {@code [0, 8)} or {@code [22, ∞)}. */
	public String timeLabel(int t) {
		String hi = t + 1 < timeBreaks.length ? Integer.toString(timeBreaks[t + 1]) : "∞";
		return "[" + timeBreaks[t] + ", " + hi + ")";
	}

	/**
	 * Cell {@code (s, t)} as a row of {@link #COLUMNS}, reading the time unit as days: labels, bounds (null for
	 * the open end), observed, expected, ratio and p.
	 */
	public Object[] row(int s, int t) {
		Double spaceTo = s + 1 < spaceBreaks.length ? spaceBreaks[s + 1] : null;
		Integer timeTo = t + 1 < timeBreaks.length ? timeBreaks[t + 1] : null;
		return new Object[] { spaceLabel(s), timeLabel(t) + " days", spaceBreaks[s], spaceTo, timeBreaks[t], timeTo,
				observed(s, t), expected(s, t), ratio(s, t), pValue(s, t) };
	}

	private static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
