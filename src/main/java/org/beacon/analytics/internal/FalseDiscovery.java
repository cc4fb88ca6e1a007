package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * Benjamini-Hochberg false discovery rate control (Benjamini &amp; Hochberg 1995).
 *
 * <p>Sort the m p-values ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎; the adjusted value of p₍ₖ₎ is
 * {@code min(1, min_{j ≥ k} m·p₍ⱼ₎/j)}. Rejecting every hypothesis with adjusted p ≤ α is the BH step-up
 * rule (reject H₍₁₎…H₍ₖ₎ for the largest k with p₍ₖ₎ ≤ kα/m), so binning on adjusted values at 0.01, 0.05
 * and 0.10 equals running BH once per confidence level. Equal to R {@code p.adjust(p, "BH")}: NaN
 * p-values stay NaN and do not count in m; tied p-values share one adjusted value.
 */
public final class FalseDiscovery {

	private FalseDiscovery() {
	}

	/**
	 * BH-adjusted p-values in the input order. O(m log m), no boxing.
	 *
	 * @throws IllegalArgumentException for a p-value outside [0, 1]
	 */
	public static double[] benjaminiHochberg(double[] p) {
		int m = 0;
		for (int i = 0; i < p.length; i++) {
			if (p[i] < 0 || p[i] > 1) {
				throw new IllegalArgumentException("p-value " + i + " is " + p[i] + ", outside [0, 1]");
			}
			if (!Double.isNaN(p[i])) {
				m++;
			}
		}
		double[] sorted = new double[m];
		int k = 0;
		for (double v : p) {
			if (!Double.isNaN(v)) {
				sorted[k++] = v;
			}
		}
		Arrays.sort(sorted);
		double[] adjustedSorted = new double[m];
		double running = 1.0;
		for (int j = m - 1; j >= 0; j--) {
			running = Math.min(running, (double) m / (j + 1) * sorted[j]);
			adjustedSorted[j] = running;
		}
		double[] adjusted = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			adjusted[i] = Double.isNaN(p[i]) ? Double.NaN : adjustedSorted[lastIndexOf(sorted, p[i])];
		}
		return adjusted;
	}

	/** Index of the last element equal to {@code v} in an ascending array that contains it. */
	private static int lastIndexOf(double[] sorted, double v) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] <= v) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo - 1;
	}
}
