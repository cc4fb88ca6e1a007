package org.beacon.analytics.internal;

/**
 * Scores a grid forecast against what happened: hit rate, PAI and PEI at given shares of the area.
 * Cells are equal in area.
 *
 * <pre>
 *   k = ⌊f·N + 1e-9⌋ flagged cells (the top of the forecast; N cells in the study area)
 *   hit rate = n/N_events      PAI = hit rate/(k/N)      PEI = n/n*
 * </pre>
 *
 * n counts the events in the flagged cells; n* is the most any k cells held (the k busiest cells). The
 * flagged share is k/N, not f, so PAI is honest when f·N is not whole.
 *
 * <p>Tie-break (documented choice, after Wheeler's {@code ptools::pai}): cells are ranked by forecast
 * descending, cells with equal forecasts by observed count <em>ascending</em>, i.e. against the model, then
 * by cell index; the headline values are therefore pessimistic. The expected value when the tied cells at
 * the cut-off are drawn at random is reported beside them. open_cp {@code hit_rates} instead breaks ties by
 * cell order, which can flatter a forecast with many equal values (e.g. a naive forecast of zeros).
 */
public final class ForecastScoring {

	/** Slack for f·N landing a hair below a whole number in binary (0.29·100 = 28.999999999999996). */
	private static final double SHARE_SLACK = 1e-9;

	private ForecastScoring() {
	}

	/**
	 * Scores at each area share.
	 *
	 * @param predicted forecast per cell (any scale: counts, density, intensity), finite
	 * @param observed events per cell in the scored period, ≥ 0
	 * @param inside study-area cells, {@code null} for all
	 * @param shares area shares in (0, 1], e.g. 0.01 and 0.05
	 * @throws IllegalArgumentException if a share flags no cell, or on NaN / negative input
	 */
	public static ForecastScore[] score(double[] predicted, int[] observed, boolean[] inside, double... shares) {
		if (predicted.length != observed.length || inside != null && inside.length != observed.length) {
			throw new IllegalArgumentException("predicted, observed and mask must have one value per cell");
		}
		int cells = 0;
		long total = 0;
		for (int i = 0; i < observed.length; i++) {
			if (inside == null || inside[i]) {
				if (!Double.isFinite(predicted[i])) {
					throw new IllegalArgumentException("forecast of cell " + i + " is " + predicted[i]);
				}
				if (observed[i] < 0) {
					throw new IllegalArgumentException("observed count of cell " + i + " is negative");
				}
				cells++;
				total += observed[i];
			}
		}
		int[] byForecast = ranked(predicted, observed, inside, cells, true);
		int[] byObserved = ranked(null, observed, inside, cells, false);
		ForecastScore[] scores = new ForecastScore[shares.length];
		for (int s = 0; s < shares.length; s++) {
			scores[s] = scoreAt(shares[s], predicted, observed, byForecast, byObserved, cells, total);
		}
		return scores;
	}

	/**
	 * The cells a forecast flags: the top {@code k = max(1, ⌊f·N⌋)} of the N study-area cells by forecast,
	 * ties by cell index (no outcome to break them against), and never a cell whose forecast is 0 or less, so
	 * fewer than k when fewer have a positive forecast.
	 *
	 * @param predicted forecast per cell, finite in the study area
	 * @param inside study-area cells, {@code null} for all
	 * @param share area share in (0, 1]
	 */
	public static boolean[] flagged(double[] predicted, boolean[] inside, double share) {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("area share must be in (0, 1], was " + share);
		}
		if (inside != null && inside.length != predicted.length) {
			throw new IllegalArgumentException("predicted and mask must have one value per cell");
		}
		int cells = 0;
		for (int i = 0; i < predicted.length; i++) {
			if (inside == null || inside[i]) {
				if (!Double.isFinite(predicted[i])) {
					throw new IllegalArgumentException("forecast of cell " + i + " is " + predicted[i]);
				}
				cells++;
			}
		}
		boolean[] flagged = new boolean[predicted.length];
		int k = Math.max(1, (int) Math.floor(share * cells + SHARE_SLACK));
		int[] order = ranked(predicted, new int[predicted.length], inside, cells, true);
		for (int r = 0; r < Math.min(k, cells) && predicted[order[r]] > 0; r++) {
			flagged[order[r]] = true;
		}
		return flagged;
	}

	private static ForecastScore scoreAt(double share, double[] predicted, int[] observed, int[] byForecast,
			int[] byObserved, int cells, long total) {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("area share must be in (0, 1], was " + share);
		}
		int k = (int) Math.floor(share * cells + SHARE_SLACK);
		if (k == 0) {
			throw new IllegalArgumentException("area share " + share + " of " + cells + " cells flags no cell");
		}
		long captured = 0;
		long best = 0;
		for (int r = 0; r < k; r++) {
			captured += observed[byForecast[r]];
			best += observed[byObserved[r]];
		}
		double cutoff = predicted[byForecast[k - 1]];
		long tiedEvents = 0;
		int tied = 0;
		int tiedFlagged = 0;
		long tiedFlaggedEvents = 0;
		for (int r = 0; r < cells; r++) {
			int c = byForecast[r];
			if (predicted[c] == cutoff) {
				tied++;
				tiedEvents += observed[c];
				if (r < k) {
					tiedFlagged++;
					tiedFlaggedEvents += observed[c];
				}
			}
		}
		double expectedCaptured = captured - tiedFlaggedEvents + (double) tiedFlagged * tiedEvents / tied;
		double flaggedShare = (double) k / cells;
		double hitRate = total == 0 ? Double.NaN : (double) captured / total;
		double hitRateRandom = total == 0 ? Double.NaN : expectedCaptured / total;
		double pei = best == 0 ? Double.NaN : (double) captured / best;
		return new ForecastScore(share, k, captured, total, hitRate, hitRate / flaggedShare, pei, hitRateRandom,
				hitRateRandom / flaggedShare);
	}

	/**
	 * Study-area cells ranked by forecast descending (ties: observed ascending, then index) when
	 * {@code byForecast}, else by observed descending (ties: index). Stable merge sort of int indices.
	 */
	private static int[] ranked(double[] predicted, int[] observed, boolean[] inside, int cells, boolean byForecast) {
		int[] order = new int[cells];
		int k = 0;
		for (int i = 0; i < observed.length; i++) {
			if (inside == null || inside[i]) {
				order[k++] = i;
			}
		}
		int[] buffer = new int[cells];
		for (int width = 1; width < cells; width *= 2) {
			for (int lo = 0; lo < cells - width; lo += 2 * width) {
				int mid = lo + width;
				int hi = Math.min(lo + 2 * width, cells);
				int a = lo;
				int b = mid;
				int out = lo;
				while (a < mid && b < hi) {
					buffer[out++] = before(order[b], order[a], predicted, observed, byForecast) ? order[b++] : order[a++];
				}
				while (a < mid) {
					buffer[out++] = order[a++];
				}
				while (b < hi) {
					buffer[out++] = order[b++];
				}
				System.arraycopy(buffer, lo, order, lo, hi - lo);
			}
		}
		return order;
	}

	/** Whether cell {@code x} ranks strictly before cell {@code y} (equal ranks keep their order). */
	private static boolean before(int x, int y, double[] predicted, int[] observed, boolean byForecast) {
		if (byForecast) {
			if (predicted[x] != predicted[y]) {
				return predicted[x] > predicted[y];
			}
			return observed[x] < observed[y];
		}
		return observed[x] > observed[y];
	}
}
