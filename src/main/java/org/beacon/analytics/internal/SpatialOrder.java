package org.beacon.analytics.internal;

import java.util.Arrays;

/** Events sorted by the cell of a square grid index whose cells are at least the maximum distance wide. */
final class SpatialOrder {

	/** Cap on grid-index cells (16 MiB of ints); sparse data over a huge extent gets coarser cells. */
	private static final long MAX_CELLS = 1 << 22;

	/** event[k] = index of the k-th event in cell order. */
	final int[] event;

	final double[] x;

	final double[] y;

	/** cellStart[c] .. cellStart[c+1]: positions of the events in cell c. */
	final int[] cellStart;

	/** Cell of the k-th event in cell order. */
	final int[] cellOf;

	final int ncx;

	final int ncy;

	private SpatialOrder(int[] event, double[] x, double[] y, int[] cellStart, int[] cellOf, int ncx, int ncy) {
		this.event = event;
		this.x = x;
		this.y = y;
		this.cellStart = cellStart;
		this.cellOf = cellOf;
		this.ncx = ncx;
		this.ncy = ncy;
	}

	static SpatialOrder of(double[] x, double[] y, double maxDistance) {
		int n = x.length;
		if (n == 0) {
			return new SpatialOrder(new int[0], new double[0], new double[0], new int[] { 0, 0 }, new int[0], 1, 1);
		}
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			minX = Math.min(minX, x[i]);
			maxX = Math.max(maxX, x[i]);
			minY = Math.min(minY, y[i]);
			maxY = Math.max(maxY, y[i]);
		}
		double size = maxDistance;
		while (cellsFor(maxX - minX, size) * cellsFor(maxY - minY, size) > MAX_CELLS) {
			size *= 2;
		}
		int ncx = (int) cellsFor(maxX - minX, size);
		int ncy = (int) cellsFor(maxY - minY, size);
		int[] cell = new int[n];
		int[] cellStart = new int[ncx * ncy + 1];
		for (int i = 0; i < n; i++) {
			int cx = (int) Math.min(ncx - 1, (long) ((x[i] - minX) / size));
			int cy = (int) Math.min(ncy - 1, (long) ((y[i] - minY) / size));
			cell[i] = cy * ncx + cx;
			cellStart[cell[i] + 1]++;
		}
		for (int c = 0; c < ncx * ncy; c++) {
			cellStart[c + 1] += cellStart[c];
		}
		int[] fill = Arrays.copyOf(cellStart, ncx * ncy);
		int[] event = new int[n];
		for (int i = 0; i < n; i++) {
			event[fill[cell[i]]++] = i;
		}
		double[] xs = new double[n];
		double[] ys = new double[n];
		int[] cellOf = new int[n];
		for (int k = 0; k < n; k++) {
			xs[k] = x[event[k]];
			ys[k] = y[event[k]];
			cellOf[k] = cell[event[k]];
		}
		return new SpatialOrder(event, xs, ys, cellStart, cellOf, ncx, ncy);
	}

	private static long cellsFor(double extent, double size) {
		return (long) Math.floor(extent / size) + 1;
	}
}
