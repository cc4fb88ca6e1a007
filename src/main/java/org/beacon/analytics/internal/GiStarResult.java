package org.beacon.analytics.internal;

/**
 * Hot spot analysis of one grid, ArcGIS-style fields per cell (row-major).
 *
 * @param z Gi* z-score ({@link GetisOrd}); NaN outside the study area or when undefined
 * @param p two-sided p-value {@code 2·(1 − Φ(|z|))}, never adjusted (as ArcGIS's {@code GiPValue})
 * @param pFdr Benjamini-Hochberg adjusted p-value over the study area's cells
 * @param bin {@code Gi_Bin}: ±3/±2/±1 at 99/95/90 %, judged on {@code pFdr} if {@code fdr}, else on {@code p}
 * @param fdr whether the bins apply the false discovery rate correction
 */
public record GiStarResult(double[] z, double[] p, double[] pFdr, int[] bin, boolean fdr) {

	/**
	 * Gi* on the given cells, then p-values, BH adjustment and bins.
	 *
	 * @param inside study area mask, {@code null} for the whole grid
	 * @param fdr bin on FDR-adjusted p-values (ArcGIS "Apply False Discovery Rate Correction"; Optimized Hot
	 *        Spot Analysis always does)
	 */
	public static GiStarResult analyse(double[] values, int nx, int ny, boolean[] inside,
			GridNeighbourhood neighbourhood, boolean fdr) {
		double[] z = GetisOrd.giStar(values, nx, ny, inside, neighbourhood);
		double[] p = new double[z.length];
		for (int i = 0; i < z.length; i++) {
			p[i] = Normal.twoSidedP(z[i]);
		}
		double[] pFdr = FalseDiscovery.benjaminiHochberg(p);
		int[] bin = HotSpotBins.classify(z, fdr ? pFdr : p);
		return new GiStarResult(z, p, pFdr, bin, fdr);
	}

	/** Cells in a hot (positive) bin. */
	public int hotCells() {
		int n = 0;
		for (int b : bin) {
			n += b > 0 ? 1 : 0;
		}
		return n;
	}

	/** Cells in a cold (negative) bin. */
	public int coldCells() {
		int n = 0;
		for (int b : bin) {
			n += b < 0 ? 1 : 0;
		}
		return n;
	}
}
