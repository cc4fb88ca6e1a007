package org.beacon.analytics.internal;

/**
 * Getis-Ord local Gi* on a regular grid with binary weights, the cell itself included.
 *
 * <pre>
 *   z_i = (Σ_j w_ij x_j − x̄·W_i) / ( S · √((n·S1_i − W_i²)/(n − 1)) )
 *   W_i = Σ_j w_ij,  S1_i = Σ_j w_ij² (= W_i for binary weights),  x̄ = (1/n)·Σ x_j,  S² = (1/n)·Σ (x_j − x̄)²
 * </pre>
 *
 * Sums run over the n cells in the study area (the whole grid, or the cells a mask keeps); a neighbour
 * outside the study area does not count. Getis &amp; Ord (1992), Ord &amp; Getis (1995); equal to R spdep
 * 1.2-7 {@code localG(x, nb2listw(include.self(nb), style = "B"))} to 1e-9 (golden files in
 * {@code src/test/resources/gistar/}) and to ArcGIS "Hot Spot Analysis (Getis-Ord Gi*)" with a fixed
 * distance band or contiguity. PySAL esda {@code G_Local} equals it only with {@code transform='B',
 * star=True}: its default row standardisation and analytical variance give different z-scores.
 *
 * <p>Neighbour sums use prefix sums along rows ({@link GridNeighbourhood}): O(cells · neighbourhood rows),
 * no weight matrix. Values are summed in double; integer counts below 2⁵³ are exact.
 */
public final class GetisOrd {

	private GetisOrd() {
	}

	/**
	 * Gi* z-scores for every cell of the grid (all cells in the study area, zero counts included, as the
	 * ArcGIS fishnet and {@code gi_star.R --keep-empty yes}).
	 *
	 * @param values a value per cell (usually a count), row-major {@code iy·nx + ix}
	 * @return z per cell. NaN everywhere if all values are equal (S = 0) or there is one cell (n − 1 = 0);
	 *         NaN for a cell whose neighbourhood is the whole study area (numerator and variance both 0).
	 * @throws IllegalArgumentException if a value is NaN or infinite, or the length is not {@code nx·ny}
	 */
	public static double[] giStar(double[] values, int nx, int ny, GridNeighbourhood neighbourhood) {
		return giStar(values, nx, ny, null, neighbourhood);
	}

	/**
	 * Gi* z-scores on the cells a mask keeps (e.g. clipped to the jurisdiction, or dropping empty cells as
	 * {@code gi_star.R --keep-empty no}); cells outside the mask get NaN and are nobody's neighbour.
	 *
	 * @param inside which cells are in the study area; {@code null} keeps all
	 */
	public static double[] giStar(double[] values, int nx, int ny, boolean[] inside,
			GridNeighbourhood neighbourhood) {
		int cells = nx * ny;
		if (values.length != cells) {
			throw new IllegalArgumentException(values.length + " values for a " + nx + "×" + ny + " grid");
		}
		if (inside != null && inside.length != cells) {
			throw new IllegalArgumentException("mask has " + inside.length + " cells for a " + nx + "×" + ny + " grid");
		}
		double[] x = new double[cells];
		double[] member = new double[cells];
		int n = 0;
		double sum = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < cells; i++) {
			if (!Double.isFinite(values[i])) {
				throw new IllegalArgumentException("value of cell " + i + " is " + values[i]);
			}
			if (inside == null || inside[i]) {
				x[i] = values[i];
				member[i] = 1;
				n++;
				sum += values[i];
				min = Math.min(min, values[i]);
				max = Math.max(max, values[i]);
			}
		}
		double mean = sum / n;
		double residual = 0;
		for (int i = 0; i < cells; i++) {
			residual += member[i] * (x[i] - mean);
		}
		// second pass refines the mean as R's mean() does, so spdep and we start from the same x̄
		mean += residual / n;
		double ss = 0;
		for (int i = 0; i < cells; i++) {
			if (member[i] != 0) {
				double d = x[i] - mean;
				ss += d * d;
			}
		}
		double s = min == max ? 0 : Math.sqrt(ss / n);
		double[] lag = neighbourhood.windowSums(x, nx, ny);
		double[] weight = neighbourhood.windowSums(member, nx, ny);
		double[] z = new double[cells];
		for (int i = 0; i < cells; i++) {
			double w = weight[i];
			double variance = (n * w - w * w) / (n - 1);
			if (member[i] == 0 || !(s > 0) || !(variance > 0)) {
				// outside, all values equal, a single cell, or a neighbourhood that is the whole study area
				z[i] = Double.NaN;
				continue;
			}
			z[i] = (lag[i] - mean * w) / (s * Math.sqrt(variance));
		}
		return z;
	}

	/** Convenience for integer counts; see {@link #giStar(double[], int, int, boolean[], GridNeighbourhood)}. */
	public static double[] giStar(int[] counts, int nx, int ny, boolean[] inside, GridNeighbourhood neighbourhood) {
		double[] values = new double[counts.length];
		for (int i = 0; i < counts.length; i++) {
			values[i] = counts[i];
		}
		return giStar(values, nx, ny, inside, neighbourhood);
	}
}
