package org.beacon.overdose.internal;

/**
 * Settings for {@link SpaceTimePermutationScan}; {@link #satscanDefaults(ScanMode, long)} gives SaTScan's.
 *
 * @param maxSpatialShare largest circle, as a share of all cases (SaTScan default 0.5)
 * @param maxRadiusMetres largest circle radius in metres as well ({@code +∞}: no limit, the default);
 *        SaTScan offers the same option, and an outreach team cannot act on a 10 km "cluster"
 * @param maxTemporalShare longest window, as a share of the study period in days (default 0.5); at
 *        least one day
 * @param maxWindowDays longest window in days, if above 0; it then replaces {@code maxTemporalShare}
 *        (SaTScan's "maximum temporal cluster size" in time units). Overdose spikes last hours to days:
 *        7 keeps the scan on what an alert is for, and makes a prospective scan far cheaper
 * @param mode retrospective or prospective windows
 * @param replications Monte Carlo replications (SaTScan default 999; it accepts 0, 9, 19 or k·1000 − 1
 *        so that p-values are round numbers); 0 gives no p-values
 * @param seed random seed: the same seed and input give the same clusters and p-values
 * @param minCases fewest cases a cluster may have (2, SaTScan's default for high-rate clusters), so a
 *        single case on a quiet day in a quiet place is not a cluster
 * @param maxClusters most clusters to report: the most likely plus secondary ones that share no location
 *        with a cluster reported before them
 * @param threads worker threads for the replications; results do not depend on it
 */
public record ScanParameters(double maxSpatialShare, double maxRadiusMetres, double maxTemporalShare,
		int maxWindowDays, ScanMode mode, int replications, long seed, int minCases, int maxClusters, int threads) {

	public static final double SATSCAN_MAX_SHARE = 0.5;

	public static final int SATSCAN_REPLICATIONS = 999;

	public static final int SATSCAN_MIN_CASES = 2;

	public static final int DEFAULT_MAX_CLUSTERS = 10;

	public ScanParameters {
		if (!(maxSpatialShare > 0 && maxSpatialShare <= 1)) {
			throw new IllegalArgumentException("maxSpatialShare must be in (0, 1], got " + maxSpatialShare);
		}
		if (!(maxRadiusMetres > 0)) {
			throw new IllegalArgumentException("maxRadiusMetres must be > 0 (or +Infinity), got " + maxRadiusMetres);
		}
		if (maxWindowDays < 0) {
			throw new IllegalArgumentException("maxWindowDays must be >= 0 (0: use maxTemporalShare), got " + maxWindowDays);
		}
		if (!(maxTemporalShare > 0 && maxTemporalShare <= 1)) {
			throw new IllegalArgumentException("maxTemporalShare must be in (0, 1], got " + maxTemporalShare);
		}
		if (mode == null) {
			throw new IllegalArgumentException("mode is required");
		}
		if (replications < 0) {
			throw new IllegalArgumentException("replications must be >= 0, got " + replications);
		}
		if (minCases < 1) {
			throw new IllegalArgumentException("minCases must be >= 1, got " + minCases);
		}
		if (maxClusters < 1) {
			throw new IllegalArgumentException("maxClusters must be >= 1, got " + maxClusters);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		}
	}

	/**
	 * 50 % of cases, no radius limit, 50 % of the period, 999 replications, at least 2 cases, 10 clusters,
	 * one thread.
	 */
	public static ScanParameters satscanDefaults(ScanMode mode, long seed) {
		return new ScanParameters(SATSCAN_MAX_SHARE, Double.POSITIVE_INFINITY, SATSCAN_MAX_SHARE, 0, mode,
				SATSCAN_REPLICATIONS, seed, SATSCAN_MIN_CASES, DEFAULT_MAX_CLUSTERS, 1);
	}

	public ScanParameters withReplications(int r) {
		return new ScanParameters(maxSpatialShare, maxRadiusMetres, maxTemporalShare, maxWindowDays, mode, r, seed,
				minCases, maxClusters, threads);
	}

	public ScanParameters withThreads(int n) {
		return new ScanParameters(maxSpatialShare, maxRadiusMetres, maxTemporalShare, maxWindowDays, mode,
				replications, seed, minCases, maxClusters, n);
	}

	public ScanParameters withSeed(long s) {
		return new ScanParameters(maxSpatialShare, maxRadiusMetres, maxTemporalShare, maxWindowDays, mode,
				replications, s, minCases, maxClusters, threads);
	}

	public ScanParameters withMaxWindowDays(int d) {
		return new ScanParameters(maxSpatialShare, maxRadiusMetres, maxTemporalShare, d, mode, replications, seed,
				minCases, maxClusters, threads);
	}

	public ScanParameters withMaxRadiusMetres(double r) {
		return new ScanParameters(maxSpatialShare, r, maxTemporalShare, maxWindowDays, mode, replications, seed,
				minCases, maxClusters, threads);
	}

	/**
	 * Longest window in days for a study period of {@code days}: {@code maxWindowDays} if set (at most
	 * the period), else ⌊maxTemporalShare · days⌋; at least 1.
	 */
	public int maxTemporalDays(int days) {
		if (maxWindowDays > 0) {
			return Math.max(1, Math.min(maxWindowDays, days));
		}
		return Math.max(1, (int) Math.floor(maxTemporalShare * days + 1e-9));
	}
}
