package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * Which cells of a regular grid are neighbours of a cell, as binary weights with the cell itself included
 * (the Gi* convention). Stored as one horizontal span per row offset: for row offset {@code dy} the
 * neighbours are columns {@code ix − w(dy) … ix + w(dy)} (none if {@code w(dy) < 0}). Queen, rook and a
 * fixed distance band between cell centres are all of this shape, so window sums take one prefix-sum
 * difference per row offset instead of one addition per neighbour.
 */
public final class GridNeighbourhood {

	/**
	 * Relative slack when testing centre distances against a band: (3, 4) cells at a 5-cell band is
	 * exactly on the band and must count, as in spdep's {@code dnearneigh} (distance ≤ upper bound), even if
	 * the squared radius is off by an ulp.
	 */
	private static final double BAND_SLACK = 1e-9;

	private final int reach;

	private final int[] halfWidth;

	private final String name;

	private GridNeighbourhood(int[] halfWidth, String name) {
		this.reach = (halfWidth.length - 1) / 2;
		this.halfWidth = halfWidth;
		this.name = name;
	}

	/** The cell and its 8 neighbours sharing an edge or a corner (spdep {@code cell2nb(type = "queen")}). */
	public static GridNeighbourhood queen() {
		return new GridNeighbourhood(new int[] { 1, 1, 1 }, "queen");
	}

	/** The cell and its 4 neighbours sharing an edge (spdep {@code cell2nb(type = "rook")}). */
	public static GridNeighbourhood rook() {
		return new GridNeighbourhood(new int[] { 0, 1, 0 }, "rook");
	}

	/**
	 * Every cell whose centre lies within {@code band} metres of the cell's centre, the cell included
	 * (spdep {@code include.self(dnearneigh(centres, 0, band))}, ArcGIS "fixed distance band").
	 *
	 * @param band distance in metres, ≥ 0
	 * @param cell grid cell side in metres
	 */
	public static GridNeighbourhood distanceBand(double band, double cell) {
		if (!(band >= 0) || !Double.isFinite(band)) {
			throw new IllegalArgumentException("distance band must be ≥ 0 metres, was " + band);
		}
		if (!(cell > 0) || !Double.isFinite(cell)) {
			throw new IllegalArgumentException("cell must be a positive number of metres, was " + cell);
		}
		double r = band / cell;
		double r2 = r * r * (1 + BAND_SLACK);
		int reach = (int) Math.floor(r * (1 + BAND_SLACK));
		int[] w = new int[2 * reach + 1];
		for (int dy = -reach; dy <= reach; dy++) {
			w[dy + reach] = (int) Math.floor(Math.sqrt(Math.max(0, r2 - (double) dy * dy)));
			while ((double) w[dy + reach] * w[dy + reach] + (double) dy * dy > r2) {
				w[dy + reach]--;
			}
		}
		return new GridNeighbourhood(w, "distance band " + band + " m at " + cell + " m cells");
	}

	/** Largest row (and column) offset of a neighbour. */
	public int reach() {
		return reach;
	}

	/** Half-width of the neighbour span on row offset {@code dy}, or −1 if that row holds none. */
	public int halfWidth(int dy) {
		return Math.abs(dy) > reach ? -1 : halfWidth[dy + reach];
	}

	/** Neighbours of an interior cell, itself included. */
	public int size() {
		int n = 0;
		for (int w : halfWidth) {
			n += Math.max(0, 2 * w + 1);
		}
		return n;
	}

	/**
	 * Window sums {@code Σ_{j ∈ N(i)} v_j} for every cell of an {@code nx × ny} row-major grid, neighbours
	 * cut off at the grid edge. Cost O(cells · rows of the neighbourhood).
	 */
	double[] windowSums(double[] values, int nx, int ny) {
		if (values.length != nx * ny) {
			throw new IllegalArgumentException(values.length + " values for a " + nx + "×" + ny + " grid");
		}
		double[] prefix = rowPrefixSums(values, nx, ny);
		double[] out = new double[values.length];
		int stride = nx + 1;
		for (int iy = 0; iy < ny; iy++) {
			for (int dy = Math.max(-reach, -iy); dy <= Math.min(reach, ny - 1 - iy); dy++) {
				int w = halfWidth[dy + reach];
				if (w < 0) {
					continue;
				}
				int row = (iy + dy) * stride;
				int outRow = iy * nx;
				for (int ix = 0; ix < nx; ix++) {
					int lo = Math.max(0, ix - w);
					int hi = Math.min(nx, ix + w + 1);
					out[outRow + ix] += prefix[row + hi] - prefix[row + lo];
				}
			}
		}
		return out;
	}

	private static double[] rowPrefixSums(double[] values, int nx, int ny) {
		int stride = nx + 1;
		double[] prefix = new double[stride * ny];
		for (int iy = 0; iy < ny; iy++) {
			double acc = 0;
			for (int ix = 0; ix < nx; ix++) {
				acc += values[iy * nx + ix];
				prefix[iy * stride + ix + 1] = acc;
			}
		}
		return prefix;
	}

	@Override
	public String toString() {
		return name + " " + Arrays.toString(halfWidth);
	}
}
