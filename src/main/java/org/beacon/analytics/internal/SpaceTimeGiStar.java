package org.beacon.analytics.internal;

/**
 * Space-time Getis-Ord Gi* on a cube of grid slices, as the first step of ArcGIS Emerging Hot Spot
 * Analysis: the neighbours of bin (cell i, step t) are the cells of i's spatial neighbourhood (itself
 * included) in steps {@code t − timeLags … t}, binary weights. All bins of the study area form one sample:
 *
 * <pre>
 *   z_it = (Σ_{(j,u) ∈ N(i,t)} x_ju − x̄·W_it) / ( S · √((n·W_it − W_it²)/(n − 1)) )
 * </pre>
 *
 * with n = study-area cells × steps, x̄ and S the mean and (divisor n) standard deviation over all those
 * bins. With {@code timeLags = 0} this is {@link GetisOrd} with the cube's mean and variance. Same
 * degenerate cases as {@link GetisOrd}.
 */
public final class SpaceTimeGiStar {

	private SpaceTimeGiStar() {
	}

	/**
	 * @param cube counts, step-major: bin (cell, step) at {@code step·nx·ny + cell}
	 * @param steps number of time steps, ≥ 1
	 * @param inside study-area cells (same for every step), {@code null} for all
	 * @param timeLags how many previous steps are neighbours (ArcGIS "neighborhood time step"), ≥ 0
	 * @return z per bin in the cube's layout; NaN outside the study area
	 */
	public static double[] giStar(double[] cube, int nx, int ny, int steps, boolean[] inside,
			GridNeighbourhood neighbourhood, int timeLags) {
		return giStar(cube, nx, ny, steps, inside, neighbourhood, timeLags, UnitsDone.NONE);
	}

	/** As {@link #giStar(double[], int, int, int, boolean[], GridNeighbourhood, int)}, telling each time step done. */
	public static double[] giStar(double[] cube, int nx, int ny, int steps, boolean[] inside,
			GridNeighbourhood neighbourhood, int timeLags, UnitsDone units) {
		int cells = nx * ny;
		if (steps < 1 || cube.length != (long) cells * steps) {
			throw new IllegalArgumentException(cube.length + " bins for " + steps + " steps of a " + nx + "×" + ny + " grid");
		}
		if (timeLags < 0) {
			throw new IllegalArgumentException("time lags must be ≥ 0, was " + timeLags);
		}
		if (inside != null && inside.length != cells) {
			throw new IllegalArgumentException("mask has " + inside.length + " cells for a " + nx + "×" + ny + " grid");
		}
		double[] member = new double[cells];
		int members = 0;
		for (int c = 0; c < cells; c++) {
			member[c] = inside == null || inside[c] ? 1 : 0;
			members += (int) member[c];
		}
		long n = (long) members * steps;
		double sum = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		double[] x = new double[cube.length];
		for (int b = 0; b < cube.length; b++) {
			if (!Double.isFinite(cube[b])) {
				throw new IllegalArgumentException("bin " + b + " is " + cube[b]);
			}
			if (member[b % cells] != 0) {
				x[b] = cube[b];
				sum += cube[b];
				min = Math.min(min, cube[b]);
				max = Math.max(max, cube[b]);
			}
		}
		double mean = sum / n;
		double ss = 0;
		for (int b = 0; b < x.length; b++) {
			if (member[b % cells] != 0) {
				double d = x[b] - mean;
				ss += d * d;
			}
		}
		double s = min == max ? 0 : Math.sqrt(ss / n);
		double[] spatialWeight = neighbourhood.windowSums(member, nx, ny);
		double[][] lag = new double[steps][];
		double[] z = new double[cube.length];
		for (int t = 0; t < steps; t++) {
			// step t reads the window sums of steps t − timeLags … t only, so they are made as the steps go
			double[] slice = new double[cells];
			System.arraycopy(x, t * cells, slice, 0, cells);
			lag[t] = neighbourhood.windowSums(slice, nx, ny);
			int first = Math.max(0, t - timeLags);
			int span = t - first + 1;
			for (int c = 0; c < cells; c++) {
				double w = spatialWeight[c] * span;
				double variance = (n * w - w * w) / (n - 1);
				if (member[c] == 0 || !(s > 0) || !(variance > 0)) {
					z[t * cells + c] = Double.NaN;
					continue;
				}
				double total = 0;
				for (int u = first; u <= t; u++) {
					total += lag[u][c];
				}
				z[t * cells + c] = (total - mean * w) / (s * Math.sqrt(variance));
			}
			units.done(t + 1, steps);
		}
		return z;
	}
}
