package org.beacon.overdose.internal;

/**
 * Settings for {@link Cusum}.
 *
 * @param baselineDays days in the moving baseline (at least 3)
 * @param guardDays days between the baseline and today, so a rise is not absorbed into its own baseline
 * @param k reference value in baseline SDs: the CUSUM is tuned to detect a shift of {@code 2k} SDs
 * @param h decision interval in baseline SDs: alarm when the sum exceeds it
 * @param minSigma floor under the baseline SD in cases per day; must be above 0 because the sum carries
 *        each day's z forward, and one infinite z would keep it infinite
 * @param resetAfterAlarm start again from 0 the day after an alarm, so a lasting rise alarms again only
 *        after it has accumulated {@code h} afresh
 */
public record CusumParameters(int baselineDays, int guardDays, double k, double h, double minSigma,
		boolean resetAfterAlarm) {

	/** Tuned to a shift of 1 baseline SD (Montgomery, Introduction to Statistical Quality Control). */
	public static final double DEFAULT_K = 0.5;

	/**
	 * With k = 0.5, h = 4 gives an in-control average run length of about 168 days for known, normal
	 * parameters (h = 5: about 465). A 7-day estimated baseline makes false alarms more frequent.
	 */
	public static final double DEFAULT_H = 4.0;

	/**
	 * The EARS C2 baseline: 7 days ending 3 days before today. C3 is in effect this CUSUM with k = 1
	 * restricted to a 3-day window; the unrestricted sum keeps evidence of a slow rise.
	 */
	public static final CusumParameters DEFAULT = new CusumParameters(EarsParameters.CDC_BASELINE_DAYS, 2,
			DEFAULT_K, DEFAULT_H, EarsParameters.SPARSE_MIN_SIGMA, true);

	public CusumParameters {
		if (baselineDays < 3) {
			throw new IllegalArgumentException("baselineDays must be >= 3, got " + baselineDays);
		}
		if (guardDays < 0) {
			throw new IllegalArgumentException("guardDays must be >= 0, got " + guardDays);
		}
		if (!(k >= 0) || Double.isInfinite(k)) {
			throw new IllegalArgumentException("k must be a finite number >= 0, got " + k);
		}
		if (!(h > 0) || Double.isInfinite(h)) {
			throw new IllegalArgumentException("h must be a finite number > 0, got " + h);
		}
		if (!(minSigma > 0) || Double.isInfinite(minSigma)) {
			throw new IllegalArgumentException("minSigma must be a finite number > 0, got " + minSigma);
		}
	}

	/** The first day (0-based) with a full baseline. */
	public int firstDay() {
		return baselineDays + guardDays;
	}
}
