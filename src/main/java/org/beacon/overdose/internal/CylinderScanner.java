package org.beacon.overdose.internal;

import java.util.Arrays;

/**
 * Evaluates every cylinder (circle × time window) of one data set: the observed cases or one Monte
 * Carlo permutation of their days. Cases are grouped by location, so a permutation only changes the day
 * array; circles, location totals and day totals are the same for every replication, hence the
 * expected counts are too.
 *
 * <p>Exact shortcuts, none of which changes a result:
 * <ul>
 * <li>Only cases on days a window can cover are gathered (for a prospective scan, the last
 * {@code maxWindow} days), per location, once per data set.
 * <li>For each centre the circle grows one distance step at a time, adding the new locations' cases to a
 * per-day count and a bit set of days with cases. A window that gains none of the new cases keeps its c
 * while its μ grows, so its LLR falls and cannot beat the best so far (which is at least its LLR in the
 * smaller circle): only windows holding a newly added case day are evaluated, and a circle that gains
 * no case at all is skipped.
 * <li>A window is only evaluated when its first and last day have cases in the circle: dropping an
 * empty end day keeps c and lowers μ, which raises the LLR when c &gt; μ.
 * <li>Two upper bounds skip windows that cannot beat the best LLR so far: Pearson's χ² (no logarithm, no
 * division), then a sharper one from tables; the exact LLR takes two logarithms.
 * </ul>
 */
final class CylinderScanner {

	/** Relative slack on the pruning bounds, so rounding in a bound never hides a better window. */
	private static final double BOUND_SLACK = 1e-9;

	private final ScanCircles circles;
	private final int[] locationStart;
	private final long[] locationTotal;
	private final long[] dayCum;
	private final long total;
	private final double totalSquared;
	private final int days;
	private final int maxWindow;
	private final int firstDay;
	private final boolean prospective;
	private final int minCases;
	private final double lnTotal;
	private final double[] ln;
	private final double[] xlnx;

	/** Per-thread working memory, the data set's cases on scanned days, and the last best cylinder. */
	static final class Scratch {
		final int[] circleDay;
		final long[] bits;
		final long[] fresh;
		final int[] start;
		final int[] day;
		double bestLlr;
		int bestCircle;
		int bestStart;
		int bestEnd;
		long bestCases;
		double bestExpected;

		Scratch(int days, int locations, int cases) {
			circleDay = new int[days];
			bits = new long[(days + 63) >>> 6];
			fresh = new long[bits.length];
			start = new int[locations + 1];
			day = new int[cases];
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
		this.totalSquared = (double) total * total;
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
		return new Scratch(days, locationStart.length - 1, (int) total);
	}

	/** Best cylinder of every centre that has one with more cases than expected; null for the others. */
	Cylinder[] bestPerCentre(int[] caseDay, Scratch s) {
		gather(caseDay, s);
		Cylinder[] best = new Cylinder[circles.centres()];
		for (int i = 0; i < best.length; i++) {
			s.bestLlr = 0;
			if (scanCentre(i, s, 0.0) > 0) {
				best[i] = new Cylinder(i, s.bestCircle, s.bestStart, s.bestEnd, s.bestCases, s.bestExpected, s.bestLlr);
			}
		}
		return best;
	}

	/** Largest LLR over all cylinders, 0 if no cylinder has more cases than expected. */
	double maxLlr(int[] caseDay, Scratch s) {
		gather(caseDay, s);
		double best = 0;
		for (int i = 0; i < circles.centres(); i++) {
			best = scanCentre(i, s, best);
		}
		return best;
	}

	/** Each location's cases on days from {@code firstDay}, location by location, into the scratch. */
	private void gather(int[] caseDay, Scratch s) {
		int k = 0;
		for (int z = 0; z + 1 < locationStart.length; z++) {
			s.start[z] = k;
			for (int c = locationStart[z]; c < locationStart[z + 1]; c++) {
				if (caseDay[c] >= firstDay) {
					s.day[k++] = caseDay[c];
				}
			}
		}
		s.start[locationStart.length - 1] = k;
	}

	/** Scans all circles of centre {@code i}; returns the larger of {@code threshold} and their best LLR. */
	private double scanCentre(int i, Scratch s, double threshold) {
		int[] neighbours = circles.neighbours[i];
		int[] ends = circles.ends[i];
		int[] circleDay = s.circleDay;
		long[] bits = s.bits;
		long[] fresh = s.fresh;
		int added = 0;
		long circleCases = 0;
		for (int k = 0; k < ends.length; k++) {
			boolean gained = false;
			for (; added < ends[k]; added++) {
				int z = neighbours[added];
				circleCases += locationTotal[z];
				for (int c = s.start[z]; c < s.start[z + 1]; c++) {
					int d = s.day[c];
					circleDay[d]++;
					bits[d >>> 6] |= 1L << d;
					fresh[d >>> 6] |= 1L << d;
					gained = true;
				}
			}
			if (gained && circleCases >= minCases) {
				threshold = prospective ? scanEndingLastDay(k, circleCases, s, threshold)
						: scanAllWindows(k, circleCases, s, threshold);
			}
			if (gained) {
				Arrays.fill(fresh, 0L);
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

	/**
	 * Windows [s, e] with circle case days s ≤ e, e − s &lt; maxWindow, holding a fresh day. With fresh days
	 * f₁ &lt; f₂ &lt; …, an end e in [fᵢ, fᵢ₊₁) has fᵢ as its latest fresh day, so its windows need s ≤ fᵢ
	 * and e − fᵢ &lt; maxWindow; each window is visited once, through its end.
	 */
	private double scanAllWindows(int circle, long n, Scratch s, double threshold) {
		long[] bits = s.bits;
		int[] circleDay = s.circleDay;
		for (int f = nextSetBit(s.fresh, 0); f >= 0; ) {
			int nextFresh = nextSetBit(s.fresh, f + 1);
			int lastEnd = Math.min(nextFresh < 0 ? days - 1 : nextFresh - 1, f + maxWindow - 1);
			for (int e = f; e >= 0 && e <= lastEnd; e = nextSetBit(bits, e + 1)) {
				int earliest = e - maxWindow + 1;
				long after = dayCum[e + 1];
				long c = 0;
				for (int start = e; start >= 0 && start >= earliest; start = previousSetBit(bits, start - 1)) {
					c += circleDay[start];
					if (start <= f) {
						threshold = consider(circle, start, e, c, n, after - dayCum[start], s, threshold);
					}
				}
			}
			f = nextFresh;
		}
		return threshold;
	}

	/** Windows [s, last day] with case days s (only such days were gathered) up to the latest fresh day. */
	private double scanEndingLastDay(int circle, long n, Scratch s, double threshold) {
		long[] bits = s.bits;
		int[] circleDay = s.circleDay;
		int e = days - 1;
		int latestFresh = previousSetBit(s.fresh, e);
		long after = dayCum[days];
		long c = 0;
		for (int ws = bits.length - 1; ws >= 0; ws--) {
			for (long sb = bits[ws]; sb != 0; ) {
				int high = 63 - Long.numberOfLeadingZeros(sb);
				sb &= ~(1L << high);
				int start = (ws << 6) + high;
				c += circleDay[start];
				if (start <= latestFresh) {
					threshold = consider(circle, start, e, c, n, after - dayCum[start], s, threshold);
				}
			}
		}
		return threshold;
	}

	/** Smallest set bit at or after {@code from}, or −1. */
	static int nextSetBit(long[] bits, int from) {
		int w = from >>> 6;
		if (w >= bits.length) {
			return -1;
		}
		long word = bits[w] & (-1L << from);
		while (word == 0) {
			if (++w == bits.length) {
				return -1;
			}
			word = bits[w];
		}
		return (w << 6) + Long.numberOfTrailingZeros(word);
	}

	/** Largest set bit at or before {@code from}, or −1. */
	static int previousSetBit(long[] bits, int from) {
		if (from < 0) {
			return -1;
		}
		int w = from >>> 6;
		long word = bits[w] & (-1L >>> (63 - (from & 63)));
		while (word == 0) {
			if (--w < 0) {
				return -1;
			}
			word = bits[w];
		}
		return (w << 6) + 63 - Long.numberOfLeadingZeros(word);
	}

	/**
	 * One cylinder with {@code c} cases, a circle of {@code n} cases over the period and {@code t} cases
	 * on the window's days: μ = n·t/C; if c &gt; μ, LLR = c ln(c/μ) + (C−c) ln((C−c)/(C−μ)).
	 */
	private double consider(int circle, int start, int end, long c, long n, long t, Scratch s, double threshold) {
		long excess = c * total - n * t; // C·(c − μ)
		if (c < minCases || excess <= 0) {
			return threshold;
		}
		// ln x ≤ x − 1 on both terms gives LLR ≤ C(c−μ)²/(μ(C−μ)) = C·excess² / (nt·(C² − nt))
		double nt = (double) n * t;
		double chi2Numerator = total * ((double) excess * excess);
		double slack = 1 + BOUND_SLACK;
		if (chi2Numerator <= threshold * nt * (totalSquared - nt) / slack) {
			return threshold;
		}
		double mu = nt / total;
		long rest = total - c;
		double restMu = total - mu;
		// sharper: c ln(c/μ) from tables, and (C−c) ln((C−c)/(C−μ)) ≤ −(C−c)(c−μ)/(C−μ)
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
