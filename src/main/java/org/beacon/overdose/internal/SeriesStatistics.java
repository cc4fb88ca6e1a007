package org.beacon.overdose.internal;

import org.beacon.overdose.DetectionMethod;

/**
 * One area's daily detector output, whatever the method: count, baseline mean and SD, statistic (C1, C2,
 * C3 or the CUSUM sum) and alarm, day 0 first; plus the threshold the statistic is compared with.
 */
record SeriesStatistics(DetectionMethod method, int[] count, double[] mean, double[] sd, double[] statistic,
		boolean[] alarm, double threshold) {

	/**
	 * Runs {@code method} on one series.
	 *
	 * @param minSigma SD floor; for CUSUM it must be above 0 and {@code 0} means the default of 1
	 */
	static SeriesStatistics of(DetectionMethod method, int[] counts, double minSigma) {
		return switch (method) {
			case C1, C2, C3 -> {
				EarsParameters p = EarsParameters.CDC.withMinSigma(minSigma);
				EarsSeries s = Ears.compute(EarsMethod.valueOf(method.name()), counts, p);
				yield new SeriesStatistics(method, s.count(), s.baselineMean(), s.baselineSd(), s.statistic(), s.alarm(),
						method == DetectionMethod.C3 ? p.c3Threshold() : p.threshold());
			}
			case CUSUM -> {
				CusumParameters d = CusumParameters.DEFAULT;
				CusumParameters p = new CusumParameters(d.baselineDays(), d.guardDays(), d.k(), d.h(),
						minSigma > 0 ? minSigma : d.minSigma(), d.resetAfterAlarm());
				CusumSeries s = Cusum.compute(counts, p);
				yield new SeriesStatistics(method, s.count(), s.baselineMean(), s.baselineSd(), s.sum(), s.alarm(), p.h());
			}
			case SCAN -> throw new IllegalArgumentException("the scan is not a per-area series method");
		};
	}
}
