package org.beacon.analytics.internal;

import java.util.Arrays;

/**
 * The Knox counts of one permutation found without stored pairs. Events sit in a grid index whose cells
 * are as wide as the largest spatial breakpoint (for Manhattan distance on axes turned by 45°, where the
 * diamond of close pairs is a square), so every close pair lies in a cell and one of its forward
 * stencil cells. Cell membership never changes; a permutation only changes times.
 *
 * <p>Per permutation, one counting sort by time puts every cell's own events in time order and, in the
 * same pass, appends each event to the <em>neighbourhood run</em> of every cell that has its cell in its
 * forward stencil. A cell is then joined with itself and with its one merged neighbourhood run through a
 * sliding time window: only pairs less than the last temporal breakpoint apart in time are looked at
 * (about 6 % of the stencil pairs over two years of days), two windows per event instead of five. The
 * pairs are tallied in a register ({@link PairTally}). No pairs are stored; the memory is a few ints per
 * event and per cell for each permutation running at the time ({@link Workspace}).
 */
final class SpaceTimeJoin {

	/**
	 * Grid cells as wide as the largest breakpoint: a 3 × 3 stencil, four forward cells, so each event is
	 * appended to four neighbourhood runs per permutation. Cells of half or a third of that width look at
	 * 30 % and 40 % fewer candidates but append each event to 12 and 24 runs; on 250k burglaries the
	 * appends cost more than the candidates saved.
	 */
	private static final int CELLS_PER_DISTANCE = 1;

	/** Relative widening of the index cells beyond the largest breakpoint. */
	private static final double CELL_MARGIN = 1e-9;

	/** Cap on index cells (each costs a few ints per permutation); sparse data get coarser cells. */
	private static final long MAX_CELLS = 1 << 20;

	/** event[k]: input index of the k-th event in cell order. */
	final int[] event;

	private final double[] x;

	private final double[] y;

	private final int[] cellOf;

	private final int cells;

	/** cellStart[c] … cellStart[c + 1]: positions of cell c's events in the static (cell) order. */
	private final int[] cellStart;

	/** Cells with at least one event, ascending. */
	private final int[] occupied;

	/** Cell-id offsets of the stencil cells after the own cell (a pair is found from its first event). */
	private final int[] forward;

	/** runStart[c] … runStart[c + 1]: slots of the neighbourhood run of cell c (empty for empty cells). */
	private final int[] runStart;

	/** into[intoStart[c] … intoStart[c + 1]]: the occupied cells whose neighbourhood run holds cell c. */
	private final int[] intoStart;

	private final int[] into;

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
		int[] occupiedCells = new int[cells];
		int count = 0;
		for (int c = 0; c < cells; c++) {
			if (cellStart[c] < cellStart[c + 1]) {
				occupiedCells[count++] = c;
			}
		}
		this.occupied = Arrays.copyOf(occupiedCells, count);
		this.runStart = new int[cells + 1];
		int[] intoCount = new int[cells + 1];
		long slots = 0;
		for (int c : occupied) {
			long size = 0;
			for (int offset : forward) {
				int other = c + offset;
				int members = cellStart[other + 1] - cellStart[other];
				if (members > 0) {
					size += members;
					intoCount[other + 1]++;
				}
			}
			runStart[c + 1] = (int) size;
			slots += size;
		}
		if (slots > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("too many events for the space-time join: " + slots
					+ " neighbourhood slots; use the stored-pairs strategy or fewer events");
		}
		for (int c = 0; c < cells; c++) {
			runStart[c + 1] += runStart[c];
			intoCount[c + 1] += intoCount[c];
		}
		this.intoStart = intoCount;
		this.into = new int[intoCount[cells]];
		int[] fill = Arrays.copyOf(intoCount, cells);
		for (int c : occupied) {
			for (int offset : forward) {
				int other = c + offset;
				if (cellStart[other] < cellStart[other + 1]) {
					into[fill[other]++] = c;
				}
			}
		}
	}

	/**
	 * The join over the events at (xs, ys). For Manhattan distance the grid index is laid on coordinates
	 * turned by 45° (u = x + y, v = y − x), where |dx| + |dy| = max(|du|, |dv|): the diamond of pairs closer
	 * than the largest breakpoint becomes a square, and the stencil looks at half as many candidates as
	 * an upright grid. The distances themselves are always computed from x and y.
	 */
	static SpaceTimeJoin of(double[] xs, double[] ys, double[] spaceBreaks, Knox.Metric metric) {
		int n = xs.length;
		boolean turned = metric == Knox.Metric.MANHATTAN;
		double[] us = new double[n];
		double[] vs = new double[n];
		double minU = Double.POSITIVE_INFINITY, minV = Double.POSITIVE_INFINITY;
		double maxU = Double.NEGATIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
		double largest = 0;
		for (int i = 0; i < n; i++) {
			us[i] = turned ? xs[i] + ys[i] : xs[i];
			vs[i] = turned ? ys[i] - xs[i] : ys[i];
			minU = Math.min(minU, us[i]);
			maxU = Math.max(maxU, us[i]);
			minV = Math.min(minV, vs[i]);
			maxV = Math.max(maxV, vs[i]);
			largest = Math.max(largest, Math.max(Math.abs(us[i]), Math.abs(vs[i])));
		}
		if (n == 0) {
			minU = minV = maxU = maxV = 0;
		}
		int pad = CELLS_PER_DISTANCE;
		double maxDistance = spaceBreaks[spaceBreaks.length - 1];
		// a hair wider than the distance, so rounding in u, v and the division cannot push a close pair
		// more than CELLS_PER_DISTANCE cells apart
		double size = maxDistance * (1 + CELL_MARGIN) / CELLS_PER_DISTANCE + 8 * Math.ulp(largest);
		while (((long) ((maxU - minU) / size) + 1 + 2 * pad) * ((long) ((maxV - minV) / size) + 1 + 2 * pad) > MAX_CELLS) {
			size *= 2;
		}
		int ncx = (int) ((maxU - minU) / size) + 1 + 2 * pad;
		int ncy = (int) ((maxV - minV) / size) + 1 + 2 * pad;
		int cells = ncx * ncy;
		int[] cell = new int[n];
		int[] start = new int[cells + 1];
		for (int i = 0; i < n; i++) {
			int cx = (int) ((us[i] - minU) / size) + pad;
			int cy = (int) ((vs[i] - minV) / size) + pad;
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
		return new SpaceTimeJoin(event, x, y, cellOf, cells, forward(ncx, size, maxDistance, turned, pad), spaceBreaks,
				metric == Knox.Metric.MANHATTAN);
	}

	/**
	 * Cell-id offsets after the own cell whose cells can hold a point closer than the maximum distance: the
	 * gap between two cells dx, dy cells apart is (|dx| − 1)·size by (|dy| − 1)·size, and a pair across it
	 * is at least max(gap) apart on the turned grid, √(gx² + gy²) on the upright one.
	 */
	private static int[] forward(int ncx, double size, double maxDistance, boolean turned, int reach) {
		int[] forward = new int[(2 * reach + 1) * (2 * reach + 1)];
		int nf = 0;
		for (int dy = 0; dy <= reach; dy++) {
			for (int dx = -reach; dx <= reach; dx++) {
				if (dy == 0 && dx <= 0) {
					continue;
				}
				double gx = Math.max(0, Math.abs(dx) - 1) * size;
				double gy = Math.max(0, dy - 1) * size;
				double gap = turned ? Math.max(gx, gy) : Math.sqrt(gx * gx + gy * gy);
				if (gap < maxDistance) {
					forward[nf++] = dy * ncx + dx;
				}
			}
		}
		return Arrays.copyOf(forward, nf);
	}

	/**
	 * Pairs closer than the maximum distance per spatial band, whatever their times: the join with every
	 * event at time 0 and one temporal band [0, 1), so each cell meets its whole neighbourhood.
	 */
	long[] bandTotals(Workspace work) {
		long[] counts = new long[2 * bands];
		count(work, new int[x.length], new int[] { 0 }, 2, counts);
		long[] totals = new long[bands];
		for (int b = 0; b < bands; b++) {
			totals[b] = counts[2 * b];
		}
		return totals;
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

	/** Scratch arrays for counting one permutation at a time; one per thread, reused. */
	Workspace workspace() {
		return new Workspace();
	}

	/**
	 * Adds to {@code counts[b·cols + lut[dt]]} every pair closer than the maximum distance whose time
	 * difference dt is below {@code lut.length}.
	 *
	 * @param t times in this join's event order
	 */
	void count(Workspace work, int[] t, int[] lut, int cols, long[] counts) {
		int n = t.length;
		if (n < 2) {
			return;
		}
		work.sortByTime(t);
		PairTally tally = work.tally(lut, cols);
		for (int c : occupied) {
			int from = cellStart[c];
			int to = cellStart[c + 1];
			work.own(from, to, tally);
			if (runStart[c] < runStart[c + 1]) {
				work.across(from, to, runStart[c], runStart[c + 1], tally);
			}
		}
		tally.addTo(counts);
	}

	/**
	 * One permutation's events in time order per cell and per neighbourhood run, as positions in the
	 * static (cell) order, where coordinates and this permutation's times are read.
	 */
	final class Workspace {

		/** Positions of each cell's own events, in time order. */
		private final int[] own;

		/** Positions of each neighbourhood run's events, in time order. */
		private final int[] run;

		private final int[] ownFill;

		private final int[] runFill;

		private final int[] byTime;

		private int[] t;

		/** x, y and this permutation's time of each event in the static order, interleaved: one cache line. */
		private final double[] xyt;

		private int[] timeStart = new int[0];

		private PairTally tally;

		private Workspace() {
			int n = x.length;
			xyt = new double[3 * n];
			for (int k = 0; k < n; k++) {
				xyt[3 * k] = x[k];
				xyt[3 * k + 1] = y[k];
			}
			own = new int[n];
			run = new int[runStart[cells]];
			ownFill = new int[cells];
			runFill = new int[cells];
			byTime = new int[n];
		}

		/**
		 * Counting sort of the events by time, then one stable pass that appends each event to its own
		 * cell's run and to the neighbourhood run of every cell it belongs to: all runs in time order.
		 */
		void sortByTime(int[] times) {
			this.t = times;
			int n = times.length;
			for (int k = 0; k < n; k++) {
				xyt[3 * k + 2] = times[k];
			}
			int min = Integer.MAX_VALUE;
			int max = Integer.MIN_VALUE;
			for (int v : times) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			int span = (int) ((long) max - min + 1);
			if (timeStart.length < span + 1) {
				timeStart = new int[span + 1];
			}
			else {
				Arrays.fill(timeStart, 0, span + 1, 0);
			}
			for (int v : times) {
				timeStart[v - min + 1]++;
			}
			for (int d = 0; d < span; d++) {
				timeStart[d + 1] += timeStart[d];
			}
			for (int k = 0; k < n; k++) {
				byTime[timeStart[times[k] - min]++] = k;
			}
			System.arraycopy(cellStart, 0, ownFill, 0, cells);
			System.arraycopy(runStart, 0, runFill, 0, cells);
			for (int k : byTime) {
				int c = cellOf[k];
				own[ownFill[c]++] = k;
				for (int m = intoStart[c], end = intoStart[c + 1]; m < end; m++) {
					run[runFill[into[m]]++] = k;
				}
			}
		}

		/** A cleared tally for these temporal bands, reused while they stay the same. */
		PairTally tally(int[] lut, int cols) {
			if (tally == null || !tally.fits(lut, cols)) {
				tally = new PairTally(spatial, lut, cols, manhattan);
			}
			tally.clear();
			return tally;
		}

		/** Pairs within one cell's run [from, to): each event with the later ones less than maxT after it. */
		void own(int from, int to, PairTally tally) {
			int maxT = tally.maxT();
			int[] t = this.t;
			int[] own = this.own;
			int hi = from;
			for (int p = from; p < to; p++) {
				hi = Math.max(hi, p + 1);
				int tp = t[own[p]];
				while (hi < to && t[own[hi]] - tp < maxT) {
					hi++;
				}
				pairs(own[p], own, p + 1, hi, tally);
			}
		}

		/** Pairs between a cell's run and its neighbourhood run: for each own event, the window within maxT. */
		void across(int from, int to, int runFrom, int runTo, PairTally tally) {
			int maxT = tally.maxT();
			int[] t = this.t;
			int[] run = this.run;
			int lo = runFrom;
			int hi = runFrom;
			for (int p = from; p < to; p++) {
				int tp = t[own[p]];
				while (lo < runTo && tp - t[run[lo]] >= maxT) {
					lo++;
				}
				hi = Math.max(hi, lo);
				while (hi < runTo && t[run[hi]] - tp < maxT) {
					hi++;
				}
				pairs(own[p], run, lo, hi, tally);
			}
		}

		/** Tallies event i with the events {@code members[from … to)}, all less than maxT apart in time. */
		private void pairs(int i, int[] members, int from, int to, PairTally tally) {
			int q = from;
			while (q < to) {
				int end = q + tally.room(to - q);
				tally.add(xyt, i, members, q, end);
				q = end;
			}
		}
	}
}
