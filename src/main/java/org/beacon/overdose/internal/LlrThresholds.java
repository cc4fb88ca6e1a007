package org.beacon.overdose.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * How far a cylinder's cases must exceed their expectation before its LLR can reach a threshold τ: for
 * expected count μ, an excess D̂(μ, τ) such that every cylinder with c − μ &lt; D̂ and at least μ expected
 * has an LLR below τ. Write the scan's LLR, for c &gt; μ, as
 *
 * <pre>
 * f(c, μ) = c ln(c/μ) + (C−c) ln((C−c)/(C−μ)) = φ(c, μ) + φ(C−c, C−μ),   φ(x, m) = x ln(x/m) − x + m ≥ 0
 * </pre>
 *
 * With u = x/m, φ = m ψ(u) and ψ(u) = u ln u − u + 1 ≤ (1−u)²/(2u) for u &lt; 1 (same value and slope at 1,
 * larger second derivative), so the second term is at most D²/(2(C − c)) ≤ D²κ/2 with D = c − μ,
 * κ = 1/(C − n_max) and n_max the most cases any circle holds. Hence
 *
 * <pre>
 * f(μ + D, μ) ≤ B(D, μ) = φ(μ + D, μ) + D²κ/2
 * </pre>
 *
 * B rises with D and falls with μ (∂φ(μ+D, μ)/∂μ = ln(1 + D/μ) − D/μ &lt; 0), so a cylinder whose excess is
 * at most D and whose expectation is at least μ has an LLR of at most B(D, μ); and the excess B needs to
 * reach τ never shrinks as μ grows. D̂ is a lower bound on that root:
 * <ul>
 * <li>μ ≥ {@link #CLOSED_FORM_MU}: ψ(u) ≤ (u−1)²/2 for u ≥ 1 gives B ≤ D²/2 · (1/μ + κ), so
 * D̂ = √(2τ / (1/μ + κ)). It gives up 7 % of the exact root's excess at μ = 100, τ = 8 (the cubic term
 * of ψ), less as μ grows.
 * <li>μ below it, where that is loose: a table per threshold level τ_k = k/{@value #LEVELS_PER_UNIT} ≤ τ,
 * with {@value #BUCKETS_PER_OCTAVE} buckets of μ per power of two: the root of B(·, μ_b) = τ_k at the
 * bucket's lower end μ_b ≤ μ, rounded down. Rows are computed on first use and shared between threads.
 * </ul>
 * Degenerate input: τ ≤ 0 gives D̂ = 0 (every cylinder with more cases than expected passes).
 */
final class LlrThresholds {

	/** From this expected count on, the closed form is within 7 % of the exact root's excess. */
	static final double CLOSED_FORM_MU = 100;

	/** Buckets of μ per power of two: a bucket spans at most 2^(1/32) − 1 = 2.2 % of μ. */
	static final int BUCKET_BITS = 5;

	static final int BUCKETS_PER_OCTAVE = 1 << BUCKET_BITS;

	/**
	 * The table starts at μ = 2⁻³⁰; below, D̂ = 0 (every block there is checked). A cylinder's μ is at
	 * least 1/C, so this only matters above a billion cases.
	 */
	static final int OCTAVES_BELOW_ONE = 30;

	/** Buckets up to 2⁷ = 128 &gt; {@link #CLOSED_FORM_MU}. */
	static final int BUCKETS = (OCTAVES_BELOW_ONE + 7) * BUCKETS_PER_OCTAVE;

	/** Threshold levels per unit of LLR; τ is rounded down to a level, which only makes D̂ smaller. */
	static final int LEVELS_PER_UNIT = 16;

	/** Largest tabulated τ; above it the highest level's row is used (smaller D̂, still a lower bound). */
	static final int MAX_LEVEL = 200 * LEVELS_PER_UNIT;

	/** Bisection steps for a table entry: the root to within 2⁻²⁴ of its bracket (width about 1). */
	private static final int BISECTION_STEPS = 24;

	private final long total;
	private final double kappa;
	private final AtomicReferenceArray<double[]> rows = new AtomicReferenceArray<>(MAX_LEVEL + 1);

	/**
	 * @param total all cases C
	 * @param maxCircleCases the most cases any circle holds, n_max &lt; C
	 */
	LlrThresholds(long total, long maxCircleCases) {
		if (maxCircleCases >= total) {
			throw new IllegalArgumentException("a circle holds all " + total + " cases: no bound applies");
		}
		this.total = total;
		this.kappa = 1.0 / (total - maxCircleCases);
	}

	/** D̂(μ, τ): every cylinder with excess c − μ below it and expectation at least μ has an LLR below τ. */
	double excessNeeded(double mu, double tau) {
		return excessNeeded(mu, tau, row(level(tau)));
	}

	/** As {@link #excessNeeded(double, double)}, with {@code row(level(tau))} already at hand. */
	double excessNeeded(double mu, double tau, double[] row) {
		if (mu >= CLOSED_FORM_MU) {
			return Math.sqrt(2 * Math.max(tau, 0) / (1 / mu + kappa));
		}
		int bucket = bucket(mu);
		return bucket < 0 ? 0 : row[bucket];
	}

	/** The LLR of c cases against μ expected, the formula {@link CylinderScanner} uses. */
	double llr(long c, double mu) {
		long rest = total - c;
		return c * Math.log(c / mu) + (rest == 0 ? 0.0 : rest * Math.log(rest / (total - mu)));
	}

	/** B(D, μ) = φ(μ + D, μ) + D²κ/2, the upper bound on the LLR of excess D over μ. */
	double bound(double excess, double mu) {
		double c = mu + excess;
		return c * Math.log(c / mu) - excess + 0.5 * kappa * excess * excess;
	}

	static int level(double tau) {
		if (!(tau > 0)) {
			return 0;
		}
		return (int) Math.min(MAX_LEVEL, Math.floor(tau * LEVELS_PER_UNIT));
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

	/** The table row of threshold level {@code level}, computed on first use. */
	double[] row(int level) {
		double[] r = rows.get(level);
		if (r == null) {
			r = computeRow((double) level / LEVELS_PER_UNIT);
			rows.compareAndSet(level, null, r);
		}
		return r;
	}

	/**
	 * r[b]: the largest D with B(D, μ_b) &lt; τ found by bisection at the bucket's lower end μ_b. B falls
	 * with μ and rises with τ, so B(D, μ) &lt; τ' for every D ≤ r[b], μ ≥ μ_b, τ' ≥ τ.
	 */
	private double[] computeRow(double tau) {
		double[] r = new double[BUCKETS];
		if (tau <= 0) {
			return r;
		}
		double hi = 1;
		for (int b = 0; b < BUCKETS; b++) {
			double mu = bucketStart(b);
			// the root grows with μ: start from the last one, widen until B reaches τ
			double lo = b == 0 ? 0 : r[b - 1];
			hi = Math.max(hi, lo + 1);
			while (bound(hi, mu) < tau) {
				lo = hi;
				hi *= 2;
			}
			for (int i = 0; i < BISECTION_STEPS; i++) {
				double mid = 0.5 * (lo + hi);
				if (bound(mid, mu) < tau) {
					lo = mid;
				}
				else {
					hi = mid;
				}
			}
			r[b] = lo;
		}
		return r;
	}
}
