package org.beacon.analytics.internal;

/**
 * The standard normal distribution's tail probabilities, accurate to a few ulps in the far tails (where
 * {@code 1 − Φ(z)} computed as a difference would be all rounding error).
 *
 * <p>{@code Q(z) = 1 − Φ(z) = erfc(z/√2)/2}. {@code erfc} is evaluated by the all-positive-terms series
 * {@code erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1}/(1·3·…·(2n+1))} for {@code x < 2} and by the Laplace
 * continued fraction {@code erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …))))} (modified Lentz)
 * for {@code x ≥ 2} (Abramowitz &amp; Stegun 7.1.6 and 7.1.14). Checked against R {@code pnorm} in the Gi*
 * golden files.
 */
final class Normal {

	/** √2, to turn a z-score into the argument of erfc. */
	private static final double SQRT2 = Math.sqrt(2.0);

	/** 2/√π, the normalising constant of erf. */
	private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

	/**
	 * Where erfc switches from "1 − series" to the continued fraction: below 2 the series loses at most
	 * 1/erfc(2) ≈ 213 ulps to cancellation, above it the fraction converges in under 60 terms.
	 */
	private static final double CONTINUED_FRACTION_FROM = 2.0;

	/** Stop when a term changes the result by at most one ulp of 1. */
	private static final double CONVERGED = Math.ulp(1.0);

	/** Grid for splitting z in {@link #expMinusHalfSquare}: a power of two, so a = ⌊16z⌋/16 and a² are exact. */
	private static final double SPLIT = 16.0;

	/** erfc(x) underflows to 0 for x above ≈ 26.6; no need to iterate there. */
	private static final double ERFC_UNDERFLOW = 27.0;

	private Normal() {
	}

	/** Upper tail {@code Q(z) = P(Z > z)}; NaN for NaN. */
	static double upperTail(double z) {
		if (Double.isNaN(z)) {
			return Double.NaN;
		}
		return z >= 0 ? positiveTail(z) : 1.0 - positiveTail(-z);
	}

	/** Q(z) for z ≥ 0: erfc(z/√2)/2, with e^{−z²/2} formed from z itself so no rounding of z/√2 is squared. */
	private static double positiveTail(double z) {
		double x = z / SQRT2;
		if (x < CONTINUED_FRACTION_FROM) {
			return 0.5 * (1.0 - erfSeries(x));
		}
		if (x > ERFC_UNDERFLOW) {
			return 0.0;
		}
		return 0.5 * expMinusHalfSquare(z) / (Math.sqrt(Math.PI) * laplaceFraction(x));
	}

	/**
	 * e^{−z²/2} without the rounding error of z² (up to 1e-13 relative at z = 37): split z = a + b with a on
	 * a 1/16 grid, so a² is exact, and e^{−z²/2} = e^{−a²/2}·e^{−b(z + a)/2}. The same device as R's pnorm.
	 */
	private static double expMinusHalfSquare(double z) {
		double a = Math.floor(z * SPLIT) / SPLIT;
		double b = z - a;
		return Math.exp(-0.5 * a * a) * Math.exp(-0.5 * b * (z + a));
	}

	/** Cumulative distribution {@code Φ(z) = P(Z ≤ z)}. */
	static double cdf(double z) {
		return upperTail(-z);
	}

	/** Two-sided p-value {@code 2·Q(|z|)}, as R {@code 2 * pnorm(abs(z), lower.tail = FALSE)}. */
	static double twoSidedP(double z) {
		return Double.isNaN(z) ? Double.NaN : Math.min(1.0, 2.0 * upperTail(Math.abs(z)));
	}

	private static double erfSeries(double x) {
		double term = x;
		double sum = x;
		double x2 = 2 * x * x;
		for (int n = 1; n < 200; n++) {
			term *= x2 / (2 * n + 1);
			sum += term;
			if (term <= 0.5 * CONVERGED * sum) {
				break;
			}
		}
		return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
	}

	/** x + ½/(x + 1/(x + (3/2)/(x + …))) by the modified Lentz algorithm. */
	private static double laplaceFraction(double x) {
		double tiny = 1e-300;
		double f = x;
		double c = x;
		double d = 0;
		for (int k = 1; k < 500; k++) {
			double a = 0.5 * k;
			d = x + a * d;
			d = d == 0 ? tiny : d;
			c = x + a / c;
			c = c == 0 ? tiny : c;
			d = 1.0 / d;
			double delta = c * d;
			f *= delta;
			if (Math.abs(delta - 1.0) <= CONVERGED) {
				break;
			}
		}
		return f;
	}
}
