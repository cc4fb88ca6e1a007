package org.beacon.analytics.internal;

/**
 * ArcGIS {@code Gi_Bin} classes: ±3, ±2, ±1 for hot (+) or cold (−) spots at 99, 95 and 90 % confidence,
 * 0 for not significant. A cell is in the strongest class whose significance level its p-value meets
 * ({@code p ≤ 0.01 → 3}, {@code ≤ 0.05 → 2}, {@code ≤ 0.10 → 1}), signed by its z-score; as
 * {@code gi_star.R}. With the false discovery rate option, ArcGIS keeps the z and p fields unadjusted and
 * bins on FDR-corrected significance; we bin on Benjamini-Hochberg adjusted p-values, which at each
 * level is the BH step-up rule (see {@link FalseDiscovery}). That Esri's FDR is exactly BH is
 * unverified (docs/methods/gi-star.md).
 */
public final class HotSpotBins {

	/** 99 % confidence: bin ±3. */
	static final double P99 = 0.01;

	/** 95 % confidence: bin ±2. */
	static final double P95 = 0.05;

	/** 90 % confidence: bin ±1. */
	static final double P90 = 0.10;

	private HotSpotBins() {
	}

	/** Bins from z-scores and the p-values to judge them by (raw, or FDR-adjusted). NaN gives 0. */
	public static int[] classify(double[] z, double[] p) {
		if (z.length != p.length) {
			throw new IllegalArgumentException(z.length + " z-scores but " + p.length + " p-values");
		}
		int[] bins = new int[z.length];
		for (int i = 0; i < z.length; i++) {
			int level = p[i] <= P99 ? 3 : p[i] <= P95 ? 2 : p[i] <= P90 ? 1 : 0;
			bins[i] = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
		}
		return bins;
	}
}
