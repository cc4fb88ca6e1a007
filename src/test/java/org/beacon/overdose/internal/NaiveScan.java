package org.beacon.overdose.internal;

/**
 * The space-time permutation scan written the slow, obvious way, to check {@link CylinderScanner}: every
 * centre, every circle (whole distance groups, up to the case share), every window, counts summed
 * afresh. No pruning, no bit sets.
 */
final class NaiveScan {

	private NaiveScan() {
	}

	/** Largest LLR over all cylinders of {@code counts[location][day]}; 0 if none has c &gt; μ. */
	static double maxLlr(double[] x, double[] y, int[][] counts, double spatialShare, double maxRadius,
			int maxWindow, boolean prospective, int minCases) {
		int locations = counts.length;
		int days = counts[0].length;
		long total = 0;
		long[] n = new long[locations];
		long[] dayTotal = new long[days];
		for (int z = 0; z < locations; z++) {
			for (int d = 0; d < days; d++) {
				n[z] += counts[z][d];
				dayTotal[d] += counts[z][d];
				total += counts[z][d];
			}
		}
		double best = 0;
		for (int i = 0; i < locations; i++) {
			boolean[] inside = new boolean[locations];
			long circleCases = 0;
			double radius = -1;
			while (true) {
				// next distance group
				double next = Double.POSITIVE_INFINITY;
				for (int j = 0; j < locations; j++) {
					double d = Math.hypot(x[j] - x[i], y[j] - y[i]);
					if (!inside[j] && d > radius && d < next) {
						next = d;
					}
				}
				if (next == Double.POSITIVE_INFINITY || next > maxRadius) {
					break;
				}
				long add = 0;
				for (int j = 0; j < locations; j++) {
					if (Math.hypot(x[j] - x[i], y[j] - y[i]) == next) {
						add += n[j];
					}
				}
				if (circleCases + add > spatialShare * total) {
					break;
				}
				for (int j = 0; j < locations; j++) {
					if (Math.hypot(x[j] - x[i], y[j] - y[i]) == next) {
						inside[j] = true;
					}
				}
				circleCases += add;
				radius = next;
				for (int s = 0; s < days; s++) {
					for (int e = s; e < days && e - s < maxWindow; e++) {
						if (prospective && e != days - 1) {
							continue;
						}
						long c = 0;
						long t = 0;
						for (int d = s; d <= e; d++) {
							t += dayTotal[d];
							for (int z = 0; z < locations; z++) {
								if (inside[z]) {
									c += counts[z][d];
								}
							}
						}
						double mu = (double) circleCases * t / total;
						if (c >= minCases && c > mu) {
							double llr = c * Math.log(c / mu)
									+ (c == total ? 0 : (total - c) * Math.log((total - c) / (total - mu)));
							best = Math.max(best, llr);
						}
					}
				}
			}
		}
		return best;
	}
}
