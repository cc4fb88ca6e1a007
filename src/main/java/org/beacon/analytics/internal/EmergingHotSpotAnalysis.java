package org.beacon.analytics.internal;

/**
 * The whole emerging hot spot pipeline on a space-time cube of counts (ArcGIS Emerging Hot Spot
 * Analysis): space-time Gi* per bin ({@link SpaceTimeGiStar}), two-sided p, Benjamini-Hochberg over all
 * analysed bins, a Mann-Kendall trend of each location's z series and its category
 * ({@link EmergingHotSpots}). As Esri, only locations with at least one event in some step are analysed;
 * the others get NaN and {@link EmergingHotSpots.Category#NO_PATTERN}.
 *
 * @param z Gi* per bin, step-major ({@code step·cells + cell})
 * @param p two-sided p per bin
 * @param pFdr BH-adjusted p per bin (the bins are judged by these)
 * @param trendZ Mann-Kendall Z of each location's Gi* series (NaN if not analysed)
 * @param trendP its two-sided p
 * @param category per location
 */
public record EmergingHotSpotAnalysis(double[] z, double[] p, double[] pFdr, double[] trendZ, double[] trendP,
		EmergingHotSpots.Category[] category) {

	/**
	 * @param cube counts, step-major
	 * @param timeLags previous steps in each bin's neighbourhood (ArcGIS default 1)
	 * @param binAlpha significance of a hot or cold bin, judged on the FDR-adjusted p
	 * @param trendAlpha significance of the Mann-Kendall trend
	 */
	public static EmergingHotSpotAnalysis analyse(double[] cube, int nx, int ny, int steps,
			GridNeighbourhood neighbourhood, int timeLags, double binAlpha, double trendAlpha) {
		return analyse(cube, nx, ny, steps, neighbourhood, timeLags, binAlpha, trendAlpha, UnitsDone.NONE);
	}

	/**
	 * As {@link #analyse(double[], int, int, int, GridNeighbourhood, int, double, double)}, telling
	 * {@code units} as it goes: first the {@code steps} time steps of the space-time Gi*, then the trend of
	 * each analysed location (units: steps + analysed locations).
	 */
	public static EmergingHotSpotAnalysis analyse(double[] cube, int nx, int ny, int steps,
			GridNeighbourhood neighbourhood, int timeLags, double binAlpha, double trendAlpha, UnitsDone units) {
		int cells = nx * ny;
		if (steps < 2 || cube.length != (long) cells * steps) {
			throw new IllegalArgumentException("need at least 2 steps; " + cube.length + " bins for " + steps
					+ " steps of a " + nx + "×" + ny + " grid");
		}
		boolean[] analysed = new boolean[cells];
		for (int b = 0; b < cube.length; b++) {
			analysed[b % cells] |= cube[b] != 0;
		}
		int locations = 0;
		for (boolean a : analysed) {
			locations += a ? 1 : 0;
		}
		long total = (long) steps + locations;
		double[] z = SpaceTimeGiStar.giStar(cube, nx, ny, steps, analysed, neighbourhood, timeLags,
				(done, ignored) -> units.done(done, total));
		double[] p = new double[z.length];
		for (int b = 0; b < z.length; b++) {
			p[b] = Normal.twoSidedP(z[b]);
		}
		double[] pFdr = FalseDiscovery.benjaminiHochberg(p);
		double[] trendZ = new double[cells];
		double[] trendP = new double[cells];
		EmergingHotSpots.Category[] category = new EmergingHotSpots.Category[cells];
		double[] zs = new double[steps];
		double[] ps = new double[steps];
		long trends = 0;
		for (int c = 0; c < cells; c++) {
			if (!analysed[c]) {
				trendZ[c] = Double.NaN;
				trendP[c] = Double.NaN;
				category[c] = EmergingHotSpots.Category.NO_PATTERN;
				continue;
			}
			for (int t = 0; t < steps; t++) {
				zs[t] = z[t * cells + c];
				ps[t] = pFdr[t * cells + c];
			}
			MannKendall trend = MannKendall.test(EmergingHotSpots.withoutNaN(zs));
			trendZ[c] = trend.z();
			trendP[c] = trend.p();
			category[c] = EmergingHotSpots.classify(zs, ps, binAlpha, trendAlpha);
			units.done(steps + ++trends, total);
		}
		units.done(total, total);
		return new EmergingHotSpotAnalysis(z, p, pFdr, trendZ, trendP, category);
	}
}
