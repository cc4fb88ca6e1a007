package org.beacon.overdose.internal;

import java.util.Arrays;

/**
 * CDC EARS C1, C2 and C3 on daily count series (Hutwagner et al. 2003; the definitions as restated in
 * Fricker, Hegler &amp; Dunfee 2008, Stat Med 27:3407):
 *
 * <pre>
 * C1(t) = (Y_t − Ȳ[t−7..t−1]) / s[t−7..t−1]       alarm if C1 &gt; 3
 * C2(t) = (Y_t − Ȳ[t−9..t−3]) / s[t−9..t−3]       alarm if C2 &gt; 3   (2-day guard band)
 * C3(t) = Σ_{i=t−2..t} max(0, C2(i) − 1)          alarm if C3 &gt; 2
 * </pre>
 *
 * where s is the sample SD (divisor 6 for 7 days), floored at {@link EarsParameters#minSigma()}. If the
 * floored SD is 0 the statistic is +∞ when Y_t is above the mean, 0 when equal, −∞ when below.
 *
 * <p>C1 and C2 equal R {@code surveillance::earsC} with {@code alpha = 1 − Φ(3)}: earsC alarms when
 * {@code Y_t > Ȳ + z·max(s, minSigma)}, the same inequality (golden files in
 * {@code src/test/resources/ears/}). C3 is CDC's C3, not earsC's, whose bound
 * {@code Y_t + s·(z − lag terms)} ignores today's count (analytics anchors §9.1).
 *
 * <p>Baseline sums are exact: counts are integers, so the sum and the sum of squares are kept in
 * {@code long} and the variance is {@code (n·Σy² − (Σy)²) / (n(n−1))} with one rounding.
 */
public final class Ears {

	private Ears() {
	}

	/** C1 for every day of {@code counts}; see {@link #compute(EarsMethod, int[], EarsParameters)}. */
	public static EarsSeries c1(int[] counts, EarsParameters parameters) {
		return compute(EarsMethod.C1, counts, parameters);
	}

	/** C2 for every day of {@code counts}. */
	public static EarsSeries c2(int[] counts, EarsParameters parameters) {
		return compute(EarsMethod.C2, counts, parameters);
	}

	/** C3 (CDC definition) for every day of {@code counts}. */
	public static EarsSeries c3(int[] counts, EarsParameters parameters) {
		return compute(EarsMethod.C3, counts, parameters);
	}

	/**
	 * One EARS statistic for each day of a daily series.
	 *
	 * @param counts cases per day, day 0 first, each &gt;= 0
	 * @return per day: count, baseline mean and SD (for C3: of today's C2 baseline), statistic, alarm;
	 *         days before {@link EarsMethod#firstDay(int)} carry NaN and no alarm, so a series shorter
	 *         than that has no statistic at all
	 * @throws IllegalArgumentException for a negative count, naming its day
	 */
	public static EarsSeries compute(EarsMethod method, int[] counts, EarsParameters parameters) {
		requireNonNegative(counts);
		int n = counts.length;
		int b = parameters.baselineDays();
		long[] sum = new long[n + 1];
		long[] squares = new long[n + 1];
		prefixSums(counts, 0, n, sum, squares);

		double[] mean = nans(n);
		double[] sd = nans(n);
		double[] statistic = nans(n);
		boolean[] alarm = new boolean[n];
		int guard = method.guardDays();
		for (int t = b + guard; t < n; t++) {
			int end = t - guard;
			long s = sum[end] - sum[end - b];
			long q = squares[end] - squares[end - b];
			mean[t] = (double) s / b;
			sd[t] = sampleSd(s, q, b);
			statistic[t] = standardise(counts[t] - mean[t], sd[t], parameters.minSigma());
		}
		if (method == EarsMethod.C3) {
			double[] c2 = statistic.clone();
			Arrays.fill(statistic, Double.NaN);
			for (int t = method.firstDay(b); t < n; t++) {
				statistic[t] = c3(c2[t - 2], c2[t - 1], c2[t]);
			}
			for (int t = 0; t < Math.min(n, method.firstDay(b)); t++) {
				mean[t] = Double.NaN;
				sd[t] = Double.NaN;
			}
		}
		double threshold = method == EarsMethod.C3 ? parameters.c3Threshold() : parameters.threshold();
		for (int t = 0; t < n; t++) {
			alarm[t] = statistic[t] > threshold;
		}
		return new EarsSeries(method, parameters, counts.clone(), mean, sd, statistic, alarm);
	}

	/**
	 * C1, C2 and C3 for every area's series at once, in one pass per area: the per-cell run (every H3 cell
	 * of a county over two years). Same numbers as {@link #compute} applied area by area. C2's baseline on
	 * day t is C1's baseline on day t−2, so each 7-day mean and SD is computed once, from rolling integer
	 * sums.
	 */
	public static EarsAreaStatistics allAreas(AreaDayCounts counts, EarsParameters parameters) {
		int n = counts.days();
		int b = parameters.baselineDays();
		double floor = parameters.minSigma();
		int[] y = counts.counts();
		double[] c1 = new double[y.length];
		double[] c2 = new double[y.length];
		double[] c3 = new double[y.length];
		for (int a = 0; a < counts.areas(); a++) {
			int o = a * n;
			long sum = 0;
			long squares = 0;
			// mean and max(sd, floor) of the baselines ending one and two days before
			double mean1 = Double.NaN;
			double sd1 = Double.NaN;
			double mean2 = Double.NaN;
			double sd2 = Double.NaN;
			for (int t = 0; t < n; t++) {
				double mean0 = Double.NaN;
				double sd0 = Double.NaN;
				if (t >= b) {
					mean0 = (double) sum / b;
					sd0 = Math.max(sampleSd(sum, squares, b), floor);
				}
				int today = y[o + t];
				c1[o + t] = t >= b ? standardise(today - mean0, sd0, 0.0) : Double.NaN;
				c2[o + t] = t >= b + 2 ? standardise(today - mean2, sd2, 0.0) : Double.NaN;
				c3[o + t] = t >= b + 4 ? c3(c2[o + t - 2], c2[o + t - 1], c2[o + t]) : Double.NaN;
				long in = today;
				sum += in;
				squares += in * in;
				if (t >= b) {
					long out = y[o + t - b];
					sum -= out;
					squares -= out * out;
				}
				mean2 = mean1;
				sd2 = sd1;
				mean1 = mean0;
				sd1 = sd0;
			}
		}
		return new EarsAreaStatistics(counts.areas(), n, parameters, c1, c2, c3);
	}

	/** C3 from three consecutive C2 values: Σ max(0, C2 − 1); NaN if any is missing. */
	static double c3(double c2TwoDaysAgo, double c2Yesterday, double c2Today) {
		return excess(c2TwoDaysAgo) + excess(c2Yesterday) + excess(c2Today);
	}

	private static double excess(double c2) {
		return Double.isNaN(c2) ? Double.NaN : Math.max(0.0, c2 - 1.0);
	}

	/** Sample SD from the exact sum and sum of squares of {@code n} integers: √((nΣy² − (Σy)²)/(n(n−1))). */
	static double sampleSd(long sum, long sumOfSquares, int n) {
		long numerator = n * sumOfSquares - sum * sum;
		return Math.sqrt((double) numerator / ((double) n * (n - 1)));
	}

	/** {@code difference / max(sd, floor)}, with ±∞ (or 0 for no difference) when that is 0. */
	static double standardise(double difference, double sd, double floor) {
		double s = Math.max(sd, floor);
		if (s > 0) {
			return difference / s;
		}
		return difference > 0 ? Double.POSITIVE_INFINITY : difference < 0 ? Double.NEGATIVE_INFINITY : 0.0;
	}

	static void requireNonNegative(int[] counts) {
		for (int d = 0; d < counts.length; d++) {
			if (counts[d] < 0) {
				throw new IllegalArgumentException("count on day " + d + " is " + counts[d] + ": counts must be >= 0");
			}
		}
	}

	private static void prefixSums(int[] values, int offset, int n, long[] sum, long[] squares) {
		for (int i = 0; i < n; i++) {
			long y = values[offset + i];
			sum[i + 1] = sum[i] + y;
			squares[i + 1] = squares[i] + y * y;
		}
	}

	private static double[] nans(int n) {
		double[] a = new double[n];
		Arrays.fill(a, Double.NaN);
		return a;
	}
}
