package org.beacon.overdose;

/**
 * How to run the space-time permutation scan.
 *
 * @param replications Monte Carlo replications (999 as SaTScan; 0 for no p-values)
 * @param seed random seed: the same seed and data give the same p-values
 * @param maxWindowDays longest cluster in days (7 suits overdose spikes)
 * @param maxRadiusMetres largest circle radius, {@code +∞} for none
 * @param prospective only clusters that last until the last day ("is there one now?") rather than anywhere
 */
public record ScanSettings(int replications, long seed, int maxWindowDays, double maxRadiusMetres, boolean prospective) {

	public static final int REPLICATIONS = 999;

	public static final long SEED = 20240601L;

	public static final int WINDOW_DAYS = 7;

	/** 999 replications, seed 20240601, 7-day windows, no radius limit, retrospective. */
	public static final ScanSettings DEFAULT = new ScanSettings(REPLICATIONS, SEED, WINDOW_DAYS,
			Double.POSITIVE_INFINITY, false);
}
