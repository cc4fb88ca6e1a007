package org.beacon.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where to place N units so that the cells within a coverage radius of them hold the most forecast incidents:
 * the maximum coverage problem on the grid, solved greedily. Each step places a unit at the cell whose disc
 * (cell centres within the radius of its centre) holds the most forecast not yet covered; of equal discs
 * the one centred on the higher-scoring cell wins (a unit stands in the hot spot, not beside it), then the
 * lower cell index. Greedy placement captures at least 1 − 1/e (63 %) of the best possible coverage
 * (Nemhauser, Wolsey and Fisher 1978) and is what practice uses. An optional cap limits the units one
 * neighbourhood receives. See docs/methods/allocation.md.
 */
public final class MaximumCoverage {

	/** One placed unit: its cell, the forecast it newly covers, and the covered total so far. */
	public record Placement(int cell, double captured, double cumulative) {
	}

	private MaximumCoverage() {
	}

	/**
	 * @param score forecast per cell (row-major, {@code nx} columns), ≥ 0
	 * @param owner neighbourhood key per cell, used only with a cap
	 * @param maxPerOwner the most units one neighbourhood may receive; 0 for no cap
	 * @return at most {@code units} placements, in the order placed; fewer when nothing more can be covered
	 */
	public static List<Placement> place(double[] score, int nx, double cell, double radius, int units, long[] owner,
			int maxPerOwner) {
		if (units < 1) {
			throw new IllegalArgumentException("units must be at least 1, was " + units);
		}
		if (!(radius >= 0) || Double.isInfinite(radius)) {
			throw new IllegalArgumentException("radius must be a finite number of metres ≥ 0, was " + radius);
		}
		int ny = score.length / nx;
		int reach = (int) Math.floor(radius / cell);
		List<int[]> disc = new ArrayList<>();
		for (int dy = -reach; dy <= reach; dy++) {
			for (int dx = -reach; dx <= reach; dx++) {
				if (Math.hypot(dx * cell, dy * cell) <= radius) {
					disc.add(new int[] { dx, dy });
				}
			}
		}
		boolean[] covered = new boolean[score.length];
		Map<Long, Integer> perOwner = new HashMap<>();
		List<Placement> placed = new ArrayList<>();
		double total = 0;
		for (int u = 0; u < units; u++) {
			int best = -1;
			double bestGain = 0;
			for (int c = 0; c < score.length; c++) {
				if (maxPerOwner > 0 && perOwner.getOrDefault(owner[c], 0) >= maxPerOwner) {
					continue;
				}
				double gain = gain(score, covered, nx, ny, c, disc);
				if (gain > bestGain || gain == bestGain && best >= 0 && gain > 0 && score[c] > score[best]) {
					bestGain = gain;
					best = c;
				}
			}
			if (best < 0) {
				break;
			}
			int bx = best % nx;
			int by = best / nx;
			for (int[] d : disc) {
				int x = bx + d[0];
				int y = by + d[1];
				if (x >= 0 && x < nx && y >= 0 && y < ny) {
					covered[y * nx + x] = true;
				}
			}
			perOwner.merge(owner[best], 1, Integer::sum);
			total += bestGain;
			placed.add(new Placement(best, bestGain, total));
		}
		return placed;
	}

	private static double gain(double[] score, boolean[] covered, int nx, int ny, int c, List<int[]> disc) {
		int cx = c % nx;
		int cy = c / nx;
		double sum = 0;
		for (int[] d : disc) {
			int x = cx + d[0];
			int y = cy + d[1];
			if (x >= 0 && x < nx && y >= 0 && y < ny) {
				int k = y * nx + x;
				if (!covered[k]) {
					sum += score[k];
				}
			}
		}
		return sum;
	}
}
