package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * The Mann-Kendall test for a monotonic trend in a series (Mann 1945; Kendall 1975).
 *
 * <pre>
 *   S      = Σ_{i&lt;j} sign(x_j − x_i)
 *   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18        t_g = size of tie group g
 *   Z      = (S − 1)/√Var if S &gt; 0,   0 if S = 0,   (S + 1)/√Var if S &lt; 0
 *   p      = 2·(1 − Φ(|Z|))                                        two-sided
 * </pre>
 *
 * Equal to R {@code cor.test(x, seq_along(x), method = "kendall", exact = FALSE, continuity = TRUE)}
 * (golden files in {@code src/test/resources/mannkendall/}), which is what {@code Kendall::MannKendall}
 * computes for n &gt; 10. Series are short (time steps), so S is summed over all pairs, O(n²).
 *
 * @param s the statistic S
 * @param variance Var(S) with the tie correction
 * @param z the continuity-corrected normal score; 0 when the variance is 0
 * @param p two-sided p-value; 1 when the variance is 0 (fewer than two distinct values)
 */
public record MannKendall(long s, double variance, double z, double p) {

	/**
	 * Tests one series, in time order.
	 *
	 * @throws IllegalArgumentException if a value is NaN
	 */
	public static MannKendall test(double[] series) {
		int n = series.length;
		for (int i = 0; i < n; i++) {
			if (Double.isNaN(series[i])) {
				throw new IllegalArgumentException("series value " + i + " is NaN");
			}
		}
		long s = 0;
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				s += series[j] > series[i] ? 1 : series[j] < series[i] ? -1 : 0;
			}
		}
		double variance = ((double) n * (n - 1) * (2 * n + 5) - tieTerm(series)) / 18.0;
		if (!(variance > 0)) {
			return new MannKendall(s, 0, 0, 1);
		}
		double z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
		return new MannKendall(s, variance, z, Normal.twoSidedP(z));
	}

	/** Significant increase at level alpha: p ≤ alpha and S &gt; 0. */
	public boolean increasing(double alpha) {
		return s > 0 && p <= alpha;
	}

	/** Significant decrease at level alpha: p ≤ alpha and S &lt; 0. */
	public boolean decreasing(double alpha) {
		return s < 0 && p <= alpha;
	}

	private static double tieTerm(double[] series) {
		double[] sorted = series.clone();
		Arrays.sort(sorted);
		double term = 0;
		int i = 0;
		while (i < sorted.length) {
			int j = i;
			while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
				j++;
			}
			double t = j - i + 1;
			term += t * (t - 1) * (2 * t + 5);
			i = j + 1;
		}
		return term;
	}
}
