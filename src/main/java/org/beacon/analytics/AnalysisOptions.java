package org.beacon.analytics;

import java.time.LocalDate;

/**
 * Settings of an analysis; {@link #defaults()} gives each its documented default.
 *
 * @param from first local date analysed (backtest: first forecast period), null for the frame's first
 * @param to last local date analysed, inclusive, null for the frame's last
 * @param cell grid cell side, metres
 * @param bandwidth kernel bandwidth in metres; NaN for the default (KDE: ArcGIS's rule; forecasts: 2 cells)
 * @param kernel {@code quartic}, {@code gaussian} or {@code epanechnikov}
 * @param weights Gi* neighbours: {@code queen}, {@code rook} or {@code band:METRES}
 * @param fdr Gi* classes judged on Benjamini-Hochberg adjusted p-values
 * @param spaceBands Knox spatial breaks in metres, starting at 0
 * @param timeBands Knox temporal breaks in days, starting at 0
 * @param permutations Knox Monte Carlo permutations
 * @param seed Knox permutation seed
 * @param period {@code day}, {@code week} or {@code month}: a forecast's horizon, backtest periods and emerging
 * hot spot steps
 * @param forecast forecast method {@code naive}, {@code kde} or {@code sepp}
 * @param trainingDays days of history before each forecast (KDE horizon, SEPP fitting window)
 * @param tauDays recency decay of the KDE forecast, days
 * @param minLagHours SEPP minimum trigger lag, hours: events closer in time do not trigger one another
 * @param triggerSigma SEPP spread of triggered events around their parent's cell, metres per axis: NaN to fit
 * it by EM, 0 for triggering within the cell only (Mohler et al. 2015's grid model), or a fixed value
 * @param units allocation: how many patrol or outreach units to place
 * @param radius allocation: how far a unit covers, metres
 * @param maxPerNeighbourhood allocation: the most units one neighbourhood receives, 0 for no cap
 * @param shares scoring: the shares of the study area at which PAI, PEI and hit rate are given (each in (0, 1])
 * @param countsBy counts: {@code grid} (square cells of {@code cell} metres), {@code area} (neighbourhoods) or
 * {@code h3} (H3 cells of {@code h3Resolution})
 * @param h3Resolution counts by H3: the resolution, 0 to 15
 */
public record AnalysisOptions(LocalDate from, LocalDate to, double cell, double bandwidth, String kernel,
		String weights, boolean fdr, double[] spaceBands, int[] timeBands, int permutations, long seed, String period,
		String forecast, int trainingDays, double tauDays, double minLagHours, double triggerSigma, int units,
		double radius, int maxPerNeighbourhood, double[] shares, String countsBy, int h3Resolution) {

	public AnalysisOptions {
		if (!(cell > 0)) {
			throw new IllegalArgumentException("cell must be a positive number of metres, was " + cell);
		}
		if (!"day".equals(period) && !"week".equals(period) && !"month".equals(period)) {
			throw new IllegalArgumentException("period must be day, week or month, was '" + period + "'");
		}
		if (!(minLagHours >= 0) || Double.isInfinite(minLagHours)) {
			throw new IllegalArgumentException("min-lag-hours must be a finite number ≥ 0, was " + minLagHours);
		}
		if (triggerSigma < 0 || Double.isInfinite(triggerSigma) || triggerSigma > MAX_TRIGGER_SIGMA) {
			throw new IllegalArgumentException("trigger-sigma must be fit, 0 or a number of metres up to "
					+ (int) MAX_TRIGGER_SIGMA + ", was " + triggerSigma);
		}
		if (units < 1) {
			throw new IllegalArgumentException("units must be at least 1, was " + units);
		}
		if (!(radius >= 0) || Double.isInfinite(radius)) {
			throw new IllegalArgumentException("radius must be a finite number of metres ≥ 0, was " + radius);
		}
		if (maxPerNeighbourhood < 0) {
			throw new IllegalArgumentException("max-per-neighbourhood must be 0 (no cap) or more, was "
					+ maxPerNeighbourhood);
		}
		if (shares == null || shares.length == 0) {
			throw new IllegalArgumentException("shares must name at least one share of the area, e.g. 0.01,0.05");
		}
		for (double share : shares) {
			if (!(share > 0 && share <= 1)) {
				throw new IllegalArgumentException("shares must each be more than 0 and at most 1, was " + share);
			}
		}
		if (!"grid".equals(countsBy) && !"area".equals(countsBy) && !"h3".equals(countsBy)) {
			throw new IllegalArgumentException("counts-by must be grid, area or h3, was '" + countsBy + "'");
		}
		if (h3Resolution < 0 || h3Resolution > 15) {
			throw new IllegalArgumentException("h3-resolution must be 0 to 15, was " + h3Resolution);
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
		}
	}

	/** The widest spread of triggering considered, metres: near-repeat effects reach a few hundred metres. */
	public static final double MAX_TRIGGER_SIGMA = 1000;

	public static AnalysisOptions defaults() {
		return new AnalysisOptions(null, null, 150, Double.NaN, "quartic", "queen", true,
				new double[] { 0, 100, 200, 400, 800 }, new int[] { 0, 7, 14, 28, 56 }, 99, 1, "week", "naive", 365,
				28, 1, Double.NaN, 10, 300, 0, DEFAULT_SHARES.clone(), "grid", 9);
	}

	/** PAI, PEI and hit rate are given at 1% and 5% of the study area unless other shares are chosen. */
	static final double[] DEFAULT_SHARES = { 0.01, 0.05 };

	public AnalysisOptions withDates(LocalDate newFrom, LocalDate newTo) {
		return new AnalysisOptions(newFrom, newTo, cell, bandwidth, kernel, weights, fdr, spaceBands, timeBands,
				permutations, seed, period, forecast, trainingDays, tauDays, minLagHours, triggerSigma, units, radius,
				maxPerNeighbourhood, shares, countsBy, h3Resolution);
	}
}
