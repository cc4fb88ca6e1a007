package org.beacon.overdose.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How many cases a cylinder needs before its LLR can reach a threshold τ: for expected count μ, a
 * lower bound ĉ on the root c_τ(μ) of f(c, μ) = τ, where
 *
 * <pre>
 * f(c, μ) = c ln(c/μ) + (C−c) ln((C−c)/(C−μ))        the scan's LLR, c &gt; μ
 *         = φ(c, μ) + φ(C−c, C−μ),   φ(x, m) = x ln(x/m) − x + m ≥ 0
 * </pre>
 *
 * f grows with c and falls with μ when c &gt; μ, so every cylinder with fewer than ĉ cases and at least
 * μ expected has an LLR below τ. Two ways to get ĉ, both proven lower bounds:
 * <ul>
 * <li>μ ≥ {@link #CLOSED_FORM_MU}: with u = c/μ, φ(c, μ) = μ ψ(u), ψ(u) = u ln u − u + 1 ≤ (u−1)²/2 for
 * u ≥ 1; and ψ(u) ≤ (1−u)²/(2u) for u &lt; 1 bounds the second term by (c−μ)²/(2(C−c)). So with
 * D = c − μ and c ≤ n_max (no circle holds more): f ≤ D²/2 · (1/μ + 1/(C − n_max)), and
 * ĉ = μ + √(2τ / (1/μ + 1/(C − n_max))), at most n_max. It gives up 7 % of the excess c − μ needed at
 * μ = 100, τ = 8 (the cubic term of ψ), less as μ grows.
 * <li>μ below it, where the quadratic bound is loose: a table per threshold level
 * τ_k = k/{@value #LEVELS_PER_UNIT} ≤ τ, with {@value #BUCKETS_PER_OCTAVE} buckets of μ per power of two:
 * for the bucket's lower end μ_b ≤ μ, the largest c with f(c, μ_b) &lt; τ_k (or c ≤ μ_b). Since f falls
 * with μ and rises with τ, that c stays below the root for every μ in the bucket. Rows are computed on
 * first use and shared between threads.
 * </ul>
 * Degenerate input: τ ≤ 0 gives ĉ ≤ μ (every high-rate cylinder passes).
 */
final class LlrThresholds {

	/** From this expected count on, the closed form is within 7 % of the excess the exact root needs. */
	static final double CLOSED_FORM_MU = 100;

	/** Buckets of μ per power of two: a bucket spans at most 2^(1/64) − 1 = 1.1 % of μ. */
	static final int BUCKET_BITS = 6;

	static final int BUCKETS_PER_OCTAVE = 1 << BUCKET_BITS;

	/** The table starts at μ = 2⁻⁴⁰; below, ĉ = 0 (every block there is checked). */
	static final int OCTAVES_BELOW_ONE = 40;

	/** Buckets up to 2⁷ = 128 &gt; {@link #CLOSED_FORM_MU}. */
	static final int BUCKETS = (OCTAVES_BELOW_ONE + 7) * BUCKETS_PER_OCTAVE;

	/** Threshold levels per unit of LLR; τ is rounded down to a level, which only makes ĉ smaller. */
	static final int LEVELS_PER_UNIT = 32;

	/** Largest tabulated τ; above it the highest level's row is used (smaller ĉ, still a lower bound). */
	static final int MAX_LEVEL = 200 * LEVELS_PER_UNIT;

	private final long total;
	private final double complementInverse;
	private final long maxCircleCases;
	private final AtomicReferenceArray<int[]> rows = new AtomicReferenceArray<>(MAX_LEVEL + 1);

	/**
	 * @param total all cases C
	 * @param maxCircleCases the most cases any circle holds, n_max &lt; C
	 */
	LlrThresholds(long total, long maxCircleCases) {
		if (maxCircleCases >= total) {
			throw new IllegalArgumentException("a circle holds all " + total + " cases: no bound applies");
		}
		this.total = total;
		this.maxCircleCases = maxCircleCases;
		this.complementInverse = 1.0 / (total - maxCircleCases);
	}

	/**
	 * A lower bound ĉ on the number of cases a cylinder with {@code mu} expected needs for an LLR of at
	 * least {@code tau}: every c &lt; ĉ gives f(c, μ) &lt; τ. Not always an integer.
	 */
	double casesNeeded(double mu, double tau) {
		return casesNeeded(mu, tau, row(level(tau)));
	}

	/** As {@link #casesNeeded(double, double)}, with {@code row(level(tau))} already at hand. */
	double casesNeeded(double mu, double tau, int[] row) {
		if (mu >= CLOSED_FORM_MU) {
			return capped(mu + closedFormExcess(mu, tau));
		}
		int bucket = bucket(mu);
		return bucket < 0 ? 0 : row[bucket];
	}

	/**
	 * D = √(2τ / (1/μ + 1/(C − n_max))): for μ ≥ {@link #CLOSED_FORM_MU}, ĉ = min(μ + D, n_max). D grows
	 * with μ and with τ, so D at a smaller μ or τ is a lower bound.
	 */
	double closedFormExcess(double mu, double tau) {
		return Math.sqrt(2 * Math.max(tau, 0) / (1 / mu + complementInverse));
	}

	/** No circle holds more than n_max cases: f(c, μ) &lt; τ for all c ≤ n_max already means ĉ ≥ n_max. */
	double capped(double cases) {
		return Math.min(cases, maxCircleCases);
	}

	/**
	 * The bucket of μ: {@value #BUCKETS_PER_OCTAVE} per power of two, from 2^−{@value #OCTAVES_BELOW_ONE};
	 * read from the bits of the double, so a bucket's lower end never exceeds μ. −1 below the first.
	 */
	static int bucket(double mu) {
		long bits = Double.doubleToRawLongBits(mu);
		int octave = (int) ((bits >>> 52) & 0x7ff) - 1023 + OCTAVES_BELOW_ONE;
		if (mu <= 0 || octave < 0) {
			return -1;
		}
		return octave * BUCKETS_PER_OCTAVE + (int) ((bits >>> (52 - BUCKET_BITS)) & (BUCKETS_PER_OCTAVE - 1));
	}

	/** Lower end of {@code bucket}. */
	static double bucketStart(int bucket) {
		int octave = bucket / BUCKETS_PER_OCTAVE - OCTAVES_BELOW_ONE;
		return Math.scalb(1 + (double) (bucket % BUCKETS_PER_OCTAVE) / BUCKETS_PER_OCTAVE, octave);
	}

	/** The LLR of c cases against μ expected, the formula {@link CylinderScanner} uses. */
	double llr(long c, double mu) {
		long rest = total - c;
		return c * Math.log(c / mu) + (rest == 0 ? 0.0 : rest * Math.log(rest / (total - mu)));
	}

	static int level(double tau) {
		if (!(tau > 0)) {
			return 0;
		}
		return (int) Math.min(MAX_LEVEL, Math.floor(tau * LEVELS_PER_UNIT));
	}

	/** The table row of threshold level {@code level}, computed on first use. */
	int[] row(int level) {
		int[] r = rows.get(level);
		if (r == null) {
			r = computeRow((double) level / LEVELS_PER_UNIT);
			rows.compareAndSet(level, null, r);
		}
		return r;
	}

	/**
	 * r[b]: the largest c with f(c, μ_b) &lt; τ at the bucket's lower end μ_b (0 if even c = 1 reaches τ
	 * there), so f(c, μ) &lt; τ for c ≤ r[b] and every μ in the bucket. Increasing in b, found by walking c up.
	 */
	private int[] computeRow(double tau) {
		int[] r = new int[BUCKETS];
		int c = 0;
		for (int b = 0; b < BUCKETS; b++) {
			double mu = bucketStart(b);
			while (c + 1 < total && (c + 1 <= mu || llr(c + 1, mu) < tau)) {
				c++;
			}
			r[b] = c;
		}
		return r;
	}
}
