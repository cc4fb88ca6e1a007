package org.beacon.overdose.internal;

/**
 * Settings for {@link Ears}.
 *
 * @param baselineDays days in the moving baseline; CDC uses 7 (at least 3, as R surveillance requires)
 * @param threshold alarm when C1 or C2 exceeds it; CDC uses 3
 * @param c3Threshold alarm when C3 exceeds it; CDC uses 2
 * @param minSigma floor under the baseline standard deviation, in cases per day; 0 is the CDC
 *        definition, see {@link #SPARSE_MIN_SIGMA} for sparse series
 */
public record EarsParameters(int baselineDays, double threshold, double c3Threshold, double minSigma) {

	/** CDC's baseline length in days. */
	public static final int CDC_BASELINE_DAYS = 7;

	/** CDC's C1/C2 threshold: three baseline standard deviations. */
	public static final double CDC_THRESHOLD = 3.0;

	/** CDC's C3 threshold. */
	public static final double CDC_C3_THRESHOLD = 2.0;

	/**
	 * SD floor for sparse series (one small area, a rare drug): with a 7-day baseline of zeros the sample
	 * SD is 0 and a single case would be an infinite z. Burkom suggests 0.5 to 1 (cited in the R
	 * surveillance documentation); with 1, per-cell EARS over 1,604 cells × 730 days fell from 55,619 to
	 * 4,592 C1 alarms (analytics anchors §9.1). With floor 1 and a zero baseline, 4 cases alarm, 3 do not.
	 */
	public static final double SPARSE_MIN_SIGMA = 1.0;

	/** The CDC definition: 7-day baseline, thresholds 3 and 2, no SD floor. */
	public static final EarsParameters CDC = new EarsParameters(CDC_BASELINE_DAYS, CDC_THRESHOLD,
			CDC_C3_THRESHOLD, 0.0);

	public EarsParameters {
		if (baselineDays < 3) {
			throw new IllegalArgumentException("baselineDays must be >= 3, got " + baselineDays);
		}
		if (!(minSigma >= 0) || Double.isInfinite(minSigma)) {
			throw new IllegalArgumentException("minSigma must be a finite number >= 0, got " + minSigma);
		}
		if (Double.isNaN(threshold) || Double.isNaN(c3Threshold)) {
			throw new IllegalArgumentException("thresholds must be numbers");
		}
	}

	/** CDC settings with {@link #SPARSE_MIN_SIGMA} as the SD floor: the choice for small areas. */
	public static EarsParameters forSparseSeries() {
		return CDC.withMinSigma(SPARSE_MIN_SIGMA);
	}

	public EarsParameters withMinSigma(double floor) {
		return new EarsParameters(baselineDays, threshold, c3Threshold, floor);
	}
}
