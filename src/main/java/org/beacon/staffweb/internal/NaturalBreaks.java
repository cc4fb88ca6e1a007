package org.beacon.staffweb.internal;

import java.util.Arrays;

/**
 * Class breaks for a choropleth legend. Plain Java, no Spring.
 */
public final class NaturalBreaks {

	private NaturalBreaks() {
	}

	/**
	 * Jenks natural breaks: the partition of the sorted values into {@code k} contiguous classes that
	 * minimises the total within-class sum of squared deviations, Σ_classes Σ_i (x_i − mean_class)², found
	 * exactly by Fisher's dynamic programme in O(k·n²) time and O(k·n) memory (fine for the few hundred
	 * areas of a city; not meant for millions of points).
	 * <p>
	 * Reference: Fisher, W. D. (1958), "On grouping for maximum homogeneity", JASA 53(284); Jenks, G. F.
	 * (1977), "Optimal data classification for choropleth maps".
	 *
	 * @param values the values to classify, in any order; not modified
	 * @param k the number of classes wanted, at least 1
	 * @return the upper bound of each class, ascending, the last being the maximum; a value v falls into the
	 *         first class whose bound is ≥ v. Empty for empty input; the distinct values themselves when
	 *         there are no more than {@code k} of them (so all-equal input gives one class)
	 * @throws IllegalArgumentException when k < 1 or a value is NaN or infinite
	 */
	public static double[] upperBounds(double[] values, int k) {
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1, was " + k);
		}
		double[] x = values.clone();
		for (double v : x) {
			if (!Double.isFinite(v)) {
				throw new IllegalArgumentException("values must be finite, found " + v);
			}
		}
		Arrays.sort(x);
		double[] distinct = Arrays.stream(x).distinct().toArray();
		if (distinct.length <= k) {
			return distinct;
		}
		return fisher(x, k);
	}

	/** Fisher's programme on sorted values with more than k distinct ones; indices below are 1-based. */
	private static double[] fisher(double[] x, int k) {
		int n = x.length;
		// first[l][j]: 1-based index of the first value of class j in the best split of x[1..l] into j classes
		int[][] first = new int[n + 1][k + 1];
		double[][] cost = new double[n + 1][k + 1];
		for (int j = 1; j <= k; j++) {
			first[1][j] = 1;
			for (int l = 2; l <= n; l++) {
				cost[l][j] = Double.POSITIVE_INFINITY;
			}
		}
		for (int l = 2; l <= n; l++) {
			double sum = 0;
			double sumSquares = 0;
			double ssd = 0;
			for (int m = 1; m <= l; m++) {
				// the last class is x[start..l]; grow it leftwards, keeping its sum of squared deviations
				int start = l - m + 1;
				double v = x[start - 1];
				sum += v;
				sumSquares += v * v;
				ssd = sumSquares - sum * sum / m;
				int before = start - 1;
				if (before != 0) {
					for (int j = 2; j <= k; j++) {
						double candidate = ssd + cost[before][j - 1];
						if (cost[l][j] >= candidate) {
							first[l][j] = start;
							cost[l][j] = candidate;
						}
					}
				}
			}
			first[l][1] = 1;
			cost[l][1] = ssd;
		}
		double[] bounds = new double[k];
		bounds[k - 1] = x[n - 1];
		int last = n;
		for (int j = k; j >= 2; j--) {
			int start = first[last][j];
			bounds[j - 2] = x[start - 2];
			last = start - 1;
		}
		return bounds;
	}
}
