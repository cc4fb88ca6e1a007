package org.beacon.analytics.internal;

/**
 * Emerging hot spot classification of a location from its time series of Gi* z-scores and their
 * significance, following Esri's published category definitions ("How Emerging Hot Spot Analysis works").
 *
 * <p>Let T be the number of steps; a step is <em>hot</em> if z &gt; 0 and p ≤ {@code binAlpha}, <em>cold</em>
 * if z &lt; 0 and p ≤ {@code binAlpha}; "90 %" means at least 0.9·T steps; the trend is the Mann-Kendall test
 * on the z series at {@code trendAlpha}. Rules for hot spots (cold spots mirror them), checked in this
 * order:
 *
 * <ol>
 * <li>Final step hot and ≥ 90 % of steps hot: <b>intensifying</b> if the trend is significantly up,
 * <b>diminishing</b> if significantly down, else <b>persistent</b>.</li>
 * <li>Final step hot, &lt; 90 % hot: <b>new</b> if no earlier step was hot; <b>consecutive</b> if the hot
 * steps form one uninterrupted run of ≥ 2 ending at the final step; <b>oscillating</b> if some earlier step
 * was cold; else <b>sporadic</b> (on and off, never cold).</li>
 * <li>Final step neither hot nor cold: <b>historical</b> hot if ≥ 90 % of steps were hot (historical cold
 * likewise), else <b>no pattern</b>.</li>
 * </ol>
 *
 * Where Esri is silent we decided: new and consecutive win over oscillating (Esri defines them by hot
 * history alone, as sfdep does); persistent requires the final step hot, since a location hot in ≥ 90 % of
 * steps but not the last is historical; sporadic requires the final step hot (Esri's wording; sfdep does
 * not). The significance levels Esri uses are unverified, so both are parameters.
 */
public final class EmergingHotSpots {

	/** Esri's categories, hot and cold. */
	public enum Category {
		NO_PATTERN, NEW_HOT, CONSECUTIVE_HOT, INTENSIFYING_HOT, PERSISTENT_HOT, DIMINISHING_HOT, SPORADIC_HOT,
		OSCILLATING_HOT, HISTORICAL_HOT, NEW_COLD, CONSECUTIVE_COLD, INTENSIFYING_COLD, PERSISTENT_COLD,
		DIMINISHING_COLD, SPORADIC_COLD, OSCILLATING_COLD, HISTORICAL_COLD
	}

	/** "Ninety percent of the time-step intervals": compared as 10·count ≥ 9·T, free of rounding. */
	private static final int SHARE_NUMERATOR = 9;

	private static final int SHARE_DENOMINATOR = 10;

	private EmergingHotSpots() {
	}

	/**
	 * Category of one location.
	 *
	 * @param z Gi* z-score per step, in time order (NaN counts as not significant)
	 * @param p the p-value each step is judged by (usually FDR-adjusted)
	 * @param binAlpha significance level for a hot or cold step, e.g. 0.05
	 * @param trendAlpha significance level for the Mann-Kendall trend, e.g. 0.05
	 * @throws IllegalArgumentException for fewer than 2 steps or mismatched lengths
	 */
	public static Category classify(double[] z, double[] p, double binAlpha, double trendAlpha) {
		int steps = z.length;
		if (steps < 2 || p.length != steps) {
			throw new IllegalArgumentException("need at least 2 steps of z and p, had " + steps + " and " + p.length);
		}
		boolean[] hot = new boolean[steps];
		boolean[] cold = new boolean[steps];
		for (int t = 0; t < steps; t++) {
			boolean significant = p[t] <= binAlpha;
			hot[t] = significant && z[t] > 0;
			cold[t] = significant && z[t] < 0;
		}
		int last = steps - 1;
		if (hot[last] || cold[last]) {
			boolean isHot = hot[last];
			boolean[] same = isHot ? hot : cold;
			boolean[] opposite = isHot ? cold : hot;
			Pattern pattern = pattern(same, opposite, z, trendAlpha, isHot);
			return category(pattern, isHot);
		}
		if (mostly(hot)) {
			return Category.HISTORICAL_HOT;
		}
		if (mostly(cold)) {
			return Category.HISTORICAL_COLD;
		}
		return Category.NO_PATTERN;
	}

	private enum Pattern {
		NEW, CONSECUTIVE, INTENSIFYING, PERSISTENT, DIMINISHING, SPORADIC, OSCILLATING
	}

	/** Pattern of a location significant in the final step; {@code same} are the steps of that sign. */
	private static Pattern pattern(boolean[] same, boolean[] opposite, double[] z, double trendAlpha, boolean hot) {
		int last = same.length - 1;
		if (mostly(same)) {
			MannKendall trend = MannKendall.test(withoutNaN(z));
			boolean stronger = hot ? trend.increasing(trendAlpha) : trend.decreasing(trendAlpha);
			boolean weaker = hot ? trend.decreasing(trendAlpha) : trend.increasing(trendAlpha);
			return stronger ? Pattern.INTENSIFYING : weaker ? Pattern.DIMINISHING : Pattern.PERSISTENT;
		}
		int count = 0;
		for (boolean b : same) {
			count += b ? 1 : 0;
		}
		if (count == 1) {
			return Pattern.NEW;
		}
		int run = 0;
		while (run <= last && same[last - run]) {
			run++;
		}
		if (run == count) {
			return Pattern.CONSECUTIVE;
		}
		for (int t = 0; t < last; t++) {
			if (opposite[t]) {
				return Pattern.OSCILLATING;
			}
		}
		return Pattern.SPORADIC;
	}

	private static Category category(Pattern pattern, boolean hot) {
		return switch (pattern) {
			case NEW -> hot ? Category.NEW_HOT : Category.NEW_COLD;
			case CONSECUTIVE -> hot ? Category.CONSECUTIVE_HOT : Category.CONSECUTIVE_COLD;
			case INTENSIFYING -> hot ? Category.INTENSIFYING_HOT : Category.INTENSIFYING_COLD;
			case PERSISTENT -> hot ? Category.PERSISTENT_HOT : Category.PERSISTENT_COLD;
			case DIMINISHING -> hot ? Category.DIMINISHING_HOT : Category.DIMINISHING_COLD;
			case SPORADIC -> hot ? Category.SPORADIC_HOT : Category.SPORADIC_COLD;
			case OSCILLATING -> hot ? Category.OSCILLATING_HOT : Category.OSCILLATING_COLD;
		};
	}

	private static boolean mostly(boolean[] flags) {
		int count = 0;
		for (boolean b : flags) {
			count += b ? 1 : 0;
		}
		return (long) SHARE_DENOMINATOR * count >= (long) SHARE_NUMERATOR * flags.length;
	}

	/** The z series with NaN (undefined Gi*) dropped, for the trend test. */
	static double[] withoutNaN(double[] z) {
		int n = 0;
		for (double v : z) {
			n += Double.isNaN(v) ? 0 : 1;
		}
		double[] out = new double[n];
		int k = 0;
		for (double v : z) {
			if (!Double.isNaN(v)) {
				out[k++] = v;
			}
		}
		return out;
	}
}
