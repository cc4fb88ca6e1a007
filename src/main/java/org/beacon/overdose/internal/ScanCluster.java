package org.beacon.overdose.internal;

/**
 * One space-time cluster: a cylinder with a circular base and a time window.
 *
 * @param centre location index at the centre of the circle
 * @param locations location indices inside the circle, nearest first
 * @param radius distance from the centre to the farthest location inside, metres
 * @param startDay first day of the window (0-based, inclusive)
 * @param endDay last day of the window (inclusive)
 * @param cases cases inside the cylinder
 * @param expected expected cases under no space-time interaction
 * @param llr log likelihood ratio
 * @param pValue Monte Carlo p-value rank/(R+1); NaN without replications
 */
public record ScanCluster(int centre, int[] locations, double radius, int startDay, int endDay, long cases,
		double expected, double llr, double pValue) {

	/** Observed over expected cases, as SaTScan reports it for this model. */
	public double observedOverExpected() {
		return cases / expected;
	}

	public int durationDays() {
		return endDay - startDay + 1;
	}

	/**
	 * How often a cluster this strong would arise by chance if the analysis is repeated every day: 1/p
	 * days (SaTScan's recurrence interval for prospective surveillance run daily).
	 */
	public double recurrenceIntervalDays() {
		return 1.0 / pValue;
	}
}
