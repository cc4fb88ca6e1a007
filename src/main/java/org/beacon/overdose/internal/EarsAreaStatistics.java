package org.beacon.overdose.internal;

/**
 * C1, C2 and C3 for every area and day, area-major like {@link AreaDayCounts}
 * ({@code c1[area * days + day]}), NaN before each method's first day.
 */
public record EarsAreaStatistics(int areas, int days, EarsParameters parameters, double[] c1, double[] c2,
		double[] c3) {

	/** Area-days whose C1 exceeds the threshold. */
	public long c1Alarms() {
		return countAbove(c1, parameters.threshold());
	}

	/** Area-days whose C2 exceeds the threshold. */
	public long c2Alarms() {
		return countAbove(c2, parameters.threshold());
	}

	/** Area-days whose C3 exceeds the C3 threshold. */
	public long c3Alarms() {
		return countAbove(c3, parameters.c3Threshold());
	}

	private static long countAbove(double[] values, double threshold) {
		long n = 0;
		for (double v : values) {
			if (v > threshold) {
				n++;
			}
		}
		return n;
	}
}
