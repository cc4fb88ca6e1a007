package org.beacon.overdose.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Result of a space-time permutation scan.
 *
 * @param clusters the most likely cluster first, then secondary clusters that share no location with
 *        an earlier one, by descending LLR; empty when no cylinder has more cases than expected
 * @param replicateMaxima the largest LLR of each Monte Carlo replication, ascending
 * @param maxTemporalDays longest window considered
 */
public record ScanResult(ScanParameters parameters, long totalCases, int locations, int days, int maxTemporalDays,
		List<ScanCluster> clusters, double[] replicateMaxima) {

	public ScanCluster mostLikely() {
		return clusters.isEmpty() ? null : clusters.get(0);
	}

	/**
	 * The LLR a most likely cluster needs to be significant at {@code alpha}: the replicate maximum with
	 * rank ⌈alpha·(R+1)⌉ from the top (SaTScan's standard Monte Carlo critical value); NaN if there are
	 * too few replications.
	 */
	public double criticalValue(double alpha) {
		int rank = (int) Math.ceil(alpha * (replicateMaxima.length + 1) - 1e-9);
		if (rank < 1 || rank > replicateMaxima.length) {
			return Double.NaN;
		}
		return replicateMaxima[replicateMaxima.length - rank];
	}

	/** Number of replications whose largest LLR is at least {@code llr}. */
	public int replicationsAtLeast(double llr) {
		int i = Arrays.binarySearch(replicateMaxima, llr);
		if (i < 0) {
			return replicateMaxima.length - (-i - 1);
		}
		while (i > 0 && replicateMaxima[i - 1] >= llr) {
			i--;
		}
		return replicateMaxima.length - i;
	}
}
