package org.beacon.overdose.internal;

import java.util.Arrays;

/**
 * The circular bases of the scan's cylinders: for each centre location, its neighbours by increasing
 * distance, and where each candidate circle ends in that list. A circle holds every location at most
 * its radius away, so locations at the same distance enter together (the result does not depend on the
 * order of the input); circles grow until the next one would hold more than the maximum share of cases
 * or reach beyond the maximum radius.
 * Locations with no cases still belong to circles but make no new circle.
 */
final class ScanCircles {

	/** {@code neighbours[i]}: location indices nearest first (ties by index), up to the largest circle. */
	final int[][] neighbours;

	/** {@code ends[i][k]}: circle {@code k} of centre {@code i} is {@code neighbours[i][0 .. ends[i][k])}. */
	final int[][] ends;

	/** {@code radius[i][k]}: radius in metres of that circle. */
	final double[][] radius;

	private ScanCircles(int[][] neighbours, int[][] ends, double[][] radius) {
		this.neighbours = neighbours;
		this.ends = ends;
		this.radius = radius;
	}

	/**
	 * @param locationCases cases per location over the whole period
	 * @param maxCases largest number of cases a circle may hold
	 * @param maxRadius largest radius in metres ({@code +∞}: none)
	 */
	static ScanCircles build(double[] x, double[] y, long[] locationCases, double maxCases, double maxRadius) {
		double maxRadiusSquared = maxRadius * maxRadius;
		int n = x.length;
		int[][] neighbours = new int[n][];
		int[][] ends = new int[n][];
		double[][] radius = new double[n][];
		double[] d2 = new double[n];
		int[] order = new int[n];
		int[] buffer = new int[n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double dx = x[j] - x[i];
				double dy = y[j] - y[i];
				d2[j] = dx * dx + dy * dy;
			}
			for (int j = 0; j < n; j++) {
				order[j] = j;
			}
			sortByDistance(order, buffer, d2);
			int[] circleEnds = new int[n];
			double[] circleRadius = new double[n];
			int circles = 0;
			int taken = 0;
			long cases = 0;
			long lastCases = 0;
			while (taken < n) {
				int groupEnd = taken;
				long groupCases = 0;
				while (groupEnd < n && d2[order[groupEnd]] == d2[order[taken]]) {
					groupCases += locationCases[order[groupEnd]];
					groupEnd++;
				}
				if (cases + groupCases > maxCases || d2[order[taken]] > maxRadiusSquared) {
					break;
				}
				cases += groupCases;
				if (cases > lastCases) {
					circleEnds[circles] = groupEnd;
					circleRadius[circles] = Math.sqrt(d2[order[taken]]);
					circles++;
					lastCases = cases;
				}
				taken = groupEnd;
			}
			neighbours[i] = Arrays.copyOf(order, taken);
			ends[i] = Arrays.copyOf(circleEnds, circles);
			radius[i] = Arrays.copyOf(circleRadius, circles);
		}
		return new ScanCircles(neighbours, ends, radius);
	}

	/** Stable bottom-up merge sort of indices by {@code d2}; equal distances keep index order. */
	private static void sortByDistance(int[] idx, int[] buffer, double[] d2) {
		int n = idx.length;
		int[] from = idx;
		int[] to = buffer;
		for (int width = 1; width < n; width *= 2) {
			for (int lo = 0; lo < n; lo += 2 * width) {
				int mid = Math.min(lo + width, n);
				int hi = Math.min(lo + 2 * width, n);
				int a = lo;
				int b = mid;
				for (int k = lo; k < hi; k++) {
					to[k] = a < mid && (b >= hi || d2[from[a]] <= d2[from[b]]) ? from[a++] : from[b++];
				}
			}
			int[] t = from;
			from = to;
			to = t;
		}
		if (from != idx) {
			System.arraycopy(from, 0, idx, 0, n);
		}
	}

	int centres() {
		return neighbours.length;
	}

	/** Cases in the largest circle of any centre. */
	long largestCircleCases(long[] locationCases) {
		long max = 0;
		for (int i = 0; i < neighbours.length; i++) {
			long n = 0;
			int size = ends[i].length == 0 ? 0 : ends[i][ends[i].length - 1];
			for (int j = 0; j < size; j++) {
				n += locationCases[neighbours[i][j]];
			}
			max = Math.max(max, n);
		}
		return max;
	}

	long circleCount() {
		long n = 0;
		for (int[] e : ends) {
			n += e.length;
		}
		return n;
	}
}
