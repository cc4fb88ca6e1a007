package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * The Knox counts of one permutation found without stored pairs. Events sit in a grid index whose cells
 * are as wide as the largest spatial breakpoint, so every close pair lies in a cell and one of its 3 × 3
 * stencil neighbours. Cell membership never changes; a permutation only changes times. So per permutation
 * the events of every cell are put in time order (two counting sorts, O(events + time span)), and each
 * stencil pair of cells is joined with a sliding time window: only pairs less than the last temporal
 * breakpoint apart in time are looked at (about 6 % of the stencil pairs over two years of days, 1 %
 * over thirteen), instead of every close pair. No memory beyond a few arrays per event and per cell.
 */
final class SpaceTimeJoin {

	/**
	 * Grid cells as wide as the maximum distance (3 × 3 stencil). Half-width cells (5 × 5) look at 30 %
	 * fewer pairs but make more than twice as many window joins, and measured no faster.
	 */
	private static final int CELLS_PER_DISTANCE = 1;

	/** Spare counter slots for candidates that are not close (a power of two). */
	private static final int SPARE = 4;

	/** Cap on index cells (each costs six ints per join); sparse data over a huge extent gets coarser cells. */
	private static final long MAX_CELLS = 1 << 20;

	/** event[k]: input index of the k-th event in cell order. */
	final int[] event;

	private final double[] x;

	private final double[] y;

	private final int[] cellOf;

	private final int cells;

	/** cellStart[c] … cellStart[c + 1]: positions of cell c's events in the static order. */
	private final int[] cellStart;

	/** Cell-id offsets of the stencil cells after the own cell (a pair is found from its first event). */
	private final int[] forward;

	private final SpatialBands spatial;

	private final double maxDistance;

	private final boolean manhattan;

	private final int bands;

	private SpaceTimeJoin(int[] event, double[] x, double[] y, int[] cellOf, int cells, int[] forward,
			double[] breaks, boolean manhattan) {
		this.event = event;
		this.x = x;
		this.y = y;
		this.cellOf = cellOf;
		this.cells = cells;
		this.cellStart = starts(cellOf, cells);
		this.forward = forward;
		this.spatial = new SpatialBands(breaks);
		this.maxDistance = breaks[breaks.length - 1];
		this.manhattan = manhattan;
		this.bands = breaks.length - 1;
	}

	static SpaceTimeJoin of(double[] xs, double[] ys, double[] spaceBreaks, Knox.Metric metric) {
		int n = xs.length;
		double maxDistance = spaceBreaks[spaceBreaks.length - 1];
		double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			minX = Math.min(minX, xs[i]);
			maxX = Math.max(maxX, xs[i]);
			minY = Math.min(minY, ys[i]);
			maxY = Math.max(maxY, ys[i]);
		}
		if (n == 0) {
			minX = minY = maxX = maxY = 0;
		}
		int pad = CELLS_PER_DISTANCE;
		double size = maxDistance / CELLS_PER_DISTANCE;
		while (((long) ((maxX - minX) / size) + 1 + 2 * pad) * ((long) ((maxY - minY) / size) + 1 + 2 * pad) > MAX_CELLS) {
			size *= 2;
		}
		int ncx = (int) ((maxX - minX) / size) + 1 + 2 * pad;
		int ncy = (int) ((maxY - minY) / size) + 1 + 2 * pad;
		int cells = ncx * ncy;
		int[] cell = new int[n];
		int[] start = new int[cells + 1];
		for (int i = 0; i < n; i++) {
			int cx = (int) ((xs[i] - minX) / size) + pad;
			int cy = (int) ((ys[i] - minY) / size) + pad;
			cell[i] = cy * ncx + cx;
			start[cell[i] + 1]++;
		}
		for (int c = 0; c < cells; c++) {
			start[c + 1] += start[c];
		}
		int[] event = new int[n];
		for (int i = 0; i < n; i++) {
			event[start[cell[i]]++] = i;
		}
		double[] x = new double[n];
		double[] y = new double[n];
		int[] cellOf = new int[n];
		for (int k = 0; k < n; k++) {
			x[k] = xs[event[k]];
			y[k] = ys[event[k]];
			cellOf[k] = cell[event[k]];
		}
		return new SpaceTimeJoin(event, x, y, cellOf, cells, forward(ncx, size, maxDistance, metric, pad), spaceBreaks,
				metric == Knox.Metric.MANHATTAN);
	}

	/** Cell-id offsets after the own cell whose cells can hold a point closer than the maximum distance. */
	private static int[] forward(int ncx, double size, double maxDistance, Knox.Metric metric, int reach) {
		int[] forward = new int[(2 * reach + 1) * (2 * reach + 1)];
		int nf = 0;
		for (int dy = 0; dy <= reach; dy++) {
			for (int dx = -reach; dx <= reach; dx++) {
				if (dy == 0 && dx <= 0) {
					continue;
				}
				double gx = Math.max(0, Math.abs(dx) - 1) * size;
				double gy = Math.max(0, dy - 1) * size;
				double gap = metric == Knox.Metric.MANHATTAN ? gx + gy : Math.sqrt(gx * gx + gy * gy);
				if (gap < maxDistance) {
					forward[nf++] = dy * ncx + dx;
				}
			}
		}
		return Arrays.copyOf(forward, nf);
	}

	/** Pairs closer than the maximum distance per spatial band, whatever their times. */
	long[] bandTotals(int from, int to) {
		long[] totals = new long[bands + SPARE];
		for (int i = from; i < to; i++) {
			int c = cellOf[i];
			countBands(i, i + 1, cellStart[c + 1], totals);
			for (int offset : forward) {
				countBands(i, cellStart[c + offset], cellStart[c + offset + 1], totals);
			}
		}
		return Arrays.copyOf(totals, bands);
	}

	/** Branch-free like {@link Block#join}: {@code totals} has {@link #SPARE} spare slots after the bands. */
	private void countBands(int i, int from, int to, long[] totals) {
		double xi = x[i];
		double yi = y[i];
		for (int j = from; j < to; j++) {
			double d = distance(xi, yi, j);
			int hit = SpatialBands.below(d, maxDistance);
			int miss = bands + (j & (SPARE - 1));
			totals[miss + ((spatial.of(d) - miss) & -hit)]++;
		}
	}

	/** Where each cell's run of events starts in the static (cell) order. */
	private static int[] starts(int[] cellOf, int cells) {
		int[] start = new int[cells + 1];
		for (int c : cellOf) {
			start[c + 1]++;
		}
		for (int c = 0; c < cells; c++) {
			start[c + 1] += start[c];
		}
		return start;
	}

	/**
	 * Adds to {@code counts[b·cols + lut[dt]]} every pair closer than the maximum distance whose time
	 * difference dt is below {@code lut.length}.
	 *
	 * @param t times in this join's event order
	 */
	void count(int[] t, int[] lut, int cols, long[] counts) {
		int n = t.length;
		if (n < 2) {
			return;
		}
		int min = Integer.MAX_VALUE;
		int max = Integer.MIN_VALUE;
		for (int v : t) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		// counting sort by time, then a stable distribution into the cells: each cell's run in time order
		int span = (int) ((long) max - min + 1);
		int[] timeStart = new int[span + 1];
		for (int v : t) {
			timeStart[v - min + 1]++;
		}
		for (int d = 0; d < span; d++) {
			timeStart[d + 1] += timeStart[d];
		}
		int[] byTime = new int[n];
		for (int k = 0; k < n; k++) {
			byTime[timeStart[t[k] - min]++] = k;
		}
		int[] fill = Arrays.copyOf(cellStart, cells);
		double[] sx = new double[n];
		double[] sy = new double[n];
		int[] st = new int[n];
		for (int k : byTime) {
			int p = fill[cellOf[k]]++;
			sx[p] = x[k];
			sy[p] = y[k];
			st[p] = t[k];
		}
		Window window = new Window(sx, sy, st, lut, cols);
		for (int c = 0; c < cells; c++) {
			int from = cellStart[c];
			int to = cellStart[c + 1];
			if (from == to) {
				continue;
			}
			window.own(from, to);
			for (int offset : forward) {
				int other = c + offset;
				if (cellStart[other] < cellStart[other + 1]) {
					window.across(from, to, cellStart[other], cellStart[other + 1]);
				}
			}
		}
		window.flush(counts);
	}

	/** One permutation's events, each cell's run in time order, and the counts they add to. */
	private final class Window {

		private final double[] sx;

		private final double[] sy;

		private final int[] st;

		private final int[] lut;

		private final int cols;

		private final long[] scratch;

		Window(double[] sx, double[] sy, int[] st, int[] lut, int cols) {
			this.sx = sx;
			this.sy = sy;
			this.st = st;
			this.lut = lut;
			this.cols = cols;
			this.scratch = new long[bands * cols + SPARE];
		}

		/** Pairs within one cell's run [from, to): each event with the later ones less than maxT after it. */
		void own(int from, int to) {
			int maxT = lut.length;
			int hi = from;
			for (int p = from; p < to; p++) {
				hi = Math.max(hi, p + 1);
				while (hi < to && st[hi] - st[p] < maxT) {
					hi++;
				}
				pairs(p, p + 1, hi);
			}
		}

		/** Pairs between two cells' runs: for each event of the first, the window of the second within maxT. */
		void across(int from, int to, int otherFrom, int otherTo) {
			int maxT = lut.length;
			int lo = otherFrom;
			int hi = otherFrom;
			for (int p = from; p < to; p++) {
				int tp = st[p];
				while (lo < otherTo && tp - st[lo] >= maxT) {
					lo++;
				}
				hi = Math.max(hi, lo);
				while (hi < otherTo && st[hi] - tp < maxT) {
					hi++;
				}
				pairs(p, lo, hi);
			}
		}

		/**
		 * Counts p with each of [from, to), all within maxT in time. Branch-free: about half are not close
		 * in space, so a branch would mispredict; those go to one of {@link #SPARE} rotating spare slots.
		 */
		private void pairs(int p, int from, int to) {
			double xi = sx[p];
			double yi = sy[p];
			int ti = st[p];
			double max = maxDistance;
			long[] local = scratch;
			int spare = bands * cols;
			for (int q = from; q < to; q++) {
				double dx = Math.abs(sx[q] - xi);
				double dy = Math.abs(sy[q] - yi);
				double d = manhattan ? dx + dy : Math.sqrt(dx * dx + dy * dy);
				int hit = SpatialBands.below(d, max);
				int cell = spatial.of(d) * cols + lut[Math.abs(ti - st[q])];
				int miss = spare + (q & (SPARE - 1));
				local[miss + ((cell - miss) & -hit)]++;
			}
		}

		void flush(long[] counts) {
			for (int c = 0; c < bands * cols; c++) {
				counts[c] += scratch[c];
			}
		}
	}

	private double distance(double xi, double yi, int j) {
		double dx = Math.abs(x[j] - xi);
		double dy = Math.abs(y[j] - yi);
		return manhattan ? dx + dy : Math.sqrt(dx * dx + dy * dy);
	}
}
