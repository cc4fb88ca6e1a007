package org.beacon.overdose.internal;

/**
 * Evaluates every cylinder (circle × time window) of one data set: the observed cases or one Monte
 * Carlo permutation of their days. Cases are grouped by location, so a permutation only changes the day
 * array; circles, location totals and day totals are the same for every replication, hence the
 * expected counts are too.
 *
 * <p>For each centre the circle grows one distance step at a time; each new location's cases are added
 * to a per-day count and a bit set of days with cases. A window only needs evaluating when both its
 * first and last day have cases in the circle: dropping an empty end day keeps c and lowers μ, which
 * raises the LLR when c &gt; μ, so the best window always starts and ends on such days. A cheap upper
 * bound from tables skips windows that cannot beat the best LLR so far; exact values use two logarithms.
 */
final class CylinderScanner {

	/** Relative slack on the pruning bound, so rounding in the bound never hides a better window. */
	private static final double BOUND_SLACK = 1e-9;

	private final ScanCircles circles;
	private final int[] locationStart;
	private final long[] locationTotal;
	private final long[] dayCum;
	private final long total;
	private final int days;
	private final int maxWindow;
	private final int firstDay;
	private final boolean prospective;
	private final int minCases;
	private final double lnTotal;
	private final double[] ln;
	private final double[] xlnx;

	/** Per-thread working memory, and the best cylinder of the last centre scanned. */
	static final class Scratch {
		final int[] circleDay;
		final long[] bits;
		double bestLlr;
		int bestCircle;
		int bestStart;
		int bestEnd;
		long bestCases;
		double bestExpected;

		Scratch(int days) {
			circleDay = new int[days];
			bits = new long[(days + 63) >>> 6];
		}
	}

	/** The best cylinder of one centre. */
	record Cylinder(int centre, int circle, int startDay, int endDay, long cases, double expected, double llr) {
	}

	CylinderScanner(ScanCircles circles, int[] locationStart, long[] locationTotal, long[] dayTotal, long total,
			int maxWindow, ScanMode mode, int minCases) {
		this.circles = circles;
		this.locationStart = locationStart;
		this.locationTotal = locationTotal;
		this.total = total;
		this.days = dayTotal.length;
		this.maxWindow = maxWindow;
		this.prospective = mode == ScanMode.PROSPECTIVE;
		this.firstDay = prospective ? Math.max(0, days - maxWindow) : 0;
		this.minCases = minCases;
		this.dayCum = new long[days + 1];
		for (int d = 0; d < days; d++) {
			dayCum[d + 1] = dayCum[d] + dayTotal[d];
		}
		this.lnTotal = Math.log(total);
		this.ln = new double[(int) total + 1];
		this.xlnx = new double[(int) total + 1];
		for (int i = 1; i <= total; i++) {
			ln[i] = Math.log(i);
			xlnx[i] = i * ln[i];
		}
	}

	Scratch newScratch() {
		return new Scratch(days);
	}

	/** Best cylinder of every centre that has one with more cases than expected; null for the others. */
	Cylinder[] bestPerCentre(int[] caseDay, Scratch s) {
		Cylinder[] best = new Cylinder[circles.centres()];
		for (int i = 0; i < best.length; i++) {
			s.bestLlr = 0;
			if (scanCentre(i, caseDay, s, 0.0) > 0) {
				best[i] = new Cylinder(i, s.bestCircle, s.bestStart, s.bestEnd, s.bestCases, s.bestExpected, s.bestLlr);
			}
		}
		return best;
	}

	/** Largest LLR over all cylinders, 0 if no cylinder has more cases than expected. */
	double maxLlr(int[] caseDay, Scratch s) {
		double best = 0;
		for (int i = 0; i < circles.centres(); i++) {
			best = scanCentre(i, caseDay, s, best);
		}
		return best;
	}

	/** Scans all circles of centre {@code i}; returns the larger of {@code threshold} and their best LLR. */
	private double scanCentre(int i, int[] caseDay, Scratch s, double threshold) {
		int[] neighbours = circles.neighbours[i];
		int[] ends = circles.ends[i];
		int[] circleDay = s.circleDay;
		long[] bits = s.bits;
		int added = 0;
		long circleCases = 0;
		for (int k = 0; k < ends.length; k++) {
			for (; added < ends[k]; added++) {
				int z = neighbours[added];
				circleCases += locationTotal[z];
				for (int c = locationStart[z]; c < locationStart[z + 1]; c++) {
					int d = caseDay[c];
					if (d >= firstDay) {
						circleDay[d]++;
						bits[d >>> 6] |= 1L << d;
					}
				}
			}
			if (circleCases >= minCases) {
				threshold = prospective ? scanEndingLastDay(k, circleCases, s, threshold)
						: scanAllWindows(k, circleCases, s, threshold);
			}
		}
		for (int w = 0; w < bits.length; w++) {
			for (long b = bits[w]; b != 0; b &= b - 1) {
				circleDay[(w << 6) + Long.numberOfTrailingZeros(b)] = 0;
			}
			bits[w] = 0;
		}
		return threshold;
	}

	/** Windows [s, e] with case days s ≤ e and e − s &lt; maxWindow. */
	private double scanAllWindows(int circle, long n, Scratch s, double threshold) {
		long[] bits = s.bits;
		int[] circleDay = s.circleDay;
		for (int we = 0; we < bits.length; we++) {
			for (long eb = bits[we]; eb != 0; eb &= eb - 1) {
				int e = (we << 6) + Long.numberOfTrailingZeros(eb);
				int earliest = e - maxWindow + 1;
				long after = dayCum[e + 1];
				long c = 0;
				int ws = we;
				long sb = bits[ws] & (-1L >>> (63 - (e & 63)));
				scan: while (true) {
					while (sb != 0) {
						int high = 63 - Long.numberOfLeadingZeros(sb);
						int start = (ws << 6) + high;
						if (start < earliest) {
							break scan;
						}
						sb &= ~(1L << high);
						c += circleDay[start];
						threshold = consider(circle, start, e, c, n, after - dayCum[start], s, threshold);
					}
					if (--ws < 0 || (ws << 6) + 63 < earliest) {
						break;
					}
					sb = bits[ws];
				}
			}
		}
		return threshold;
	}

	/** Windows [s, last day] with case days s, at most maxWindow long. */
	private double scanEndingLastDay(int circle, long n, Scratch s, double threshold) {
		long[] bits = s.bits;
		int[] circleDay = s.circleDay;
		int e = days - 1;
		long after = dayCum[days];
		long c = 0;
		for (int ws = bits.length - 1; ws >= 0; ws--) {
			for (long sb = bits[ws]; sb != 0; ) {
				int high = 63 - Long.numberOfLeadingZeros(sb);
				sb &= ~(1L << high);
				int start = (ws << 6) + high;
				c += circleDay[start];
				threshold = consider(circle, start, e, c, n, after - dayCum[start], s, threshold);
			}
		}
		return threshold;
	}

	/**
	 * One cylinder with {@code c} cases, a circle of {@code n} cases over the period and {@code t} cases
	 * on the window's days: μ = n·t/C; if c &gt; μ, LLR = c ln(c/μ) + (C−c) ln((C−c)/(C−μ)).
	 */
	private double consider(int circle, int start, int end, long c, long n, long t, Scratch s, double threshold) {
		if (c < minCases || c * total <= n * t) {
			return threshold;
		}
		double mu = (double) (n * t) / total;
		long rest = total - c;
		double restMu = total - mu;
		// (C−c) ln((C−c)/(C−μ)) ≤ −(C−c)(c−μ)/(C−μ) because ln(1−x) ≤ −x
		double bound = xlnx[(int) c] - c * (ln[(int) n] + ln[(int) t] - lnTotal) - rest * (c - mu) / restMu;
		if (bound <= threshold - BOUND_SLACK * (1 + Math.abs(bound))) {
			return threshold;
		}
		double llr = c * Math.log(c / mu) + (rest == 0 ? 0.0 : rest * Math.log(rest / restMu));
		if (llr > threshold) {
			s.bestLlr = llr;
			s.bestCircle = circle;
			s.bestStart = start;
			s.bestEnd = end;
			s.bestCases = c;
			s.bestExpected = mu;
			return llr;
		}
		return threshold;
	}
}
