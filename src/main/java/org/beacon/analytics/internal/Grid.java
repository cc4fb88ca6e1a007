package org.beacon.analytics.internal;

/**
 * A regular square grid in projected metres, the unit every hot-spot method counts in.
 *
 * <p>Cell {@code (ix, iy)} is the half-open square {@code [x0 + ix·cell, x0 + (ix+1)·cell) × [y0 + iy·cell,
 * y0 + (iy+1)·cell)}, so every point falls in exactly one cell and a point on a shared edge belongs to the
 * cell above or to the right. Cells are numbered row-major from the south-west corner:
 * {@code index = iy·nx + ix}. This is the convention of the peer scripts ({@code gi_star.R}, {@code kde.py})
 * and, when {@code x0} and {@code y0} are multiples of {@code cell}, of PostGIS {@code ST_SquareGrid}
 * (which however counts edge points in both cells).
 *
 * @param x0 west edge of column 0, metres
 * @param y0 south edge of row 0, metres
 * @param cell side of a cell, metres, positive
 * @param nx number of columns, at least 1
 * @param ny number of rows, at least 1
 */
public record Grid(double x0, double y0, double cell, int nx, int ny) {

	public Grid {
		if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
			throw new IllegalArgumentException("grid origin must be finite, was (" + x0 + ", " + y0 + ")");
		}
		if (!(cell > 0) || !Double.isFinite(cell)) {
			throw new IllegalArgumentException("cell must be a positive number of metres, was " + cell);
		}
		if (nx < 1 || ny < 1) {
			throw new IllegalArgumentException("grid needs at least one column and row, was " + nx + "×" + ny);
		}
		if ((long) nx * ny > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("grid of " + nx + "×" + ny + " cells is too large to index");
		}
	}

	/**
	 * The smallest grid with origin {@code floor(min/cell)·cell} that contains every point.
	 *
	 * <p>If rounding puts {@code floor(min/cell)·cell} a hair above the minimum (cell sizes that are not
	 * exact binary fractions, e.g. 0.1), the origin moves one cell down so the minimum still falls in
	 * column 0.
	 *
	 * @throws IllegalArgumentException if there are no points, the arrays differ in length or a coordinate
	 *         is NaN or infinite
	 */
	public static Grid covering(double[] x, double[] y, double cell) {
		requirePoints(x, y);
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < x.length; i++) {
			minX = Math.min(minX, x[i]);
			maxX = Math.max(maxX, x[i]);
			minY = Math.min(minY, y[i]);
			maxY = Math.max(maxY, y[i]);
		}
		return covering(minX, minY, maxX, maxY, cell);
	}

	/** The smallest grid with origin {@code floor(min/cell)·cell} that contains the given box. */
	public static Grid covering(double minX, double minY, double maxX, double maxY, double cell) {
		if (!(cell > 0) || !Double.isFinite(cell)) {
			throw new IllegalArgumentException("cell must be a positive number of metres, was " + cell);
		}
		if (!(minX <= maxX) || !(minY <= maxY)) {
			throw new IllegalArgumentException("box must have min ≤ max, was x " + minX + ".." + maxX + ", y " + minY
					+ ".." + maxY);
		}
		double x0 = alignedOrigin(minX, cell);
		double y0 = alignedOrigin(minY, cell);
		long nx = (long) Math.floor((maxX - x0) / cell) + 1;
		long ny = (long) Math.floor((maxY - y0) / cell) + 1;
		if (nx * ny > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("grid of " + nx + "×" + ny + " cells at " + cell + " m is too large");
		}
		return new Grid(x0, y0, cell, (int) nx, (int) ny);
	}

	private static double alignedOrigin(double min, double cell) {
		double origin = Math.floor(min / cell) * cell;
		return origin > min ? origin - cell : origin;
	}

	/** Number of cells, {@code nx·ny}. */
	public int cells() {
		return nx * ny;
	}

	/** Column of {@code x}: {@code floor((x − x0)/cell)}; may lie outside {@code [0, nx)}. */
	public long column(double x) {
		return (long) Math.floor((x - x0) / cell);
	}

	/** Row of {@code y}: {@code floor((y − y0)/cell)}; may lie outside {@code [0, ny)}. */
	public long row(double y) {
		return (long) Math.floor((y - y0) / cell);
	}

	/** Row-major index of the cell containing {@code (x, y)}, or −1 if the point is outside or NaN. */
	public int indexOf(double x, double y) {
		long ix = column(x);
		long iy = row(y);
		if (ix < 0 || ix >= nx || iy < 0 || iy >= ny || Double.isNaN(x) || Double.isNaN(y)) {
			return -1;
		}
		return (int) (iy * nx + ix);
	}

	/** Easting of the centre of column {@code ix}, metres. */
	public double centreX(int ix) {
		return x0 + (ix + 0.5) * cell;
	}

	/** Northing of the centre of row {@code iy}, metres. */
	public double centreY(int iy) {
		return y0 + (iy + 0.5) * cell;
	}

	/** Area of one cell in square kilometres. */
	public double cellAreaKm2() {
		return cell * cell / SQUARE_METRES_PER_KM2;
	}

	/** The same grid grown by {@code margin} cells on every side (origin moves by {@code margin·cell}). */
	public Grid grow(int margin) {
		if (margin < 0) {
			throw new IllegalArgumentException("margin must be ≥ 0, was " + margin);
		}
		return new Grid(x0 - margin * cell, y0 - margin * cell, cell, nx + 2 * margin, ny + 2 * margin);
	}

	/**
	 * Counts points per cell, row-major. Points outside the grid are not counted; use
	 * {@link #covering(double[], double[], double)} to get a grid that holds them all.
	 *
	 * @return counts of length {@link #cells()}
	 * @throws IllegalArgumentException if the arrays differ in length or a coordinate is NaN
	 */
	public int[] count(double[] x, double[] y) {
		requireSameLength(x, y);
		int[] counts = new int[cells()];
		for (int i = 0; i < x.length; i++) {
			int k = indexOf(x[i], y[i]);
			if (k >= 0) {
				counts[k]++;
			} else if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
				throw new IllegalArgumentException("point " + i + " has a NaN coordinate");
			}
		}
		return counts;
	}

	/**
	 * Sums weights per cell, row-major, for points inside the grid (a weighted {@link #count}).
	 *
	 * @throws IllegalArgumentException if the arrays differ in length, or a coordinate or weight is NaN
	 */
	public double[] sum(double[] x, double[] y, double[] weight) {
		requireSameLength(x, y);
		if (weight.length != x.length) {
			throw new IllegalArgumentException("weight has " + weight.length + " values for " + x.length + " points");
		}
		double[] sums = new double[cells()];
		for (int i = 0; i < x.length; i++) {
			if (Double.isNaN(weight[i])) {
				throw new IllegalArgumentException("weight " + i + " is NaN");
			}
			int k = indexOf(x[i], y[i]);
			if (k >= 0) {
				sums[k] += weight[i];
			} else if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
				throw new IllegalArgumentException("point " + i + " has a NaN coordinate");
			}
		}
		return sums;
	}

	/** 1 km² = 10⁶ m²: densities are reported per km², the ArcGIS default for metre data. */
	static final double SQUARE_METRES_PER_KM2 = 1e6;

	static void requirePoints(double[] x, double[] y) {
		requireSameLength(x, y);
		if (x.length == 0) {
			throw new IllegalArgumentException("need at least one point to lay a grid over");
		}
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				throw new IllegalArgumentException("point " + i + " has a non-finite coordinate (" + x[i] + ", " + y[i]
						+ ")");
			}
		}
	}

	static void requireSameLength(double[] x, double[] y) {
		if (x.length != y.length) {
			throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
		}
	}
}
