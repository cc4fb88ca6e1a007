package org.beacon.analytics.internal;

import java.util.SplittableRandom;

/** Poisson and Gaussian draws for the branching simulations of the self-exciting model tests. */
final class RandomDraws {

	private RandomDraws() {
	}

	/** A Poisson count with this mean (by products of uniforms; a rounded normal above 30). */
	static int poisson(SplittableRandom rng, double mean) {
		if (mean > 30) {
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
		}
		double limit = Math.exp(-mean);
		double product = rng.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= rng.nextDouble();
			k++;
		}
		return k;
	}

	/** A standard normal draw (Box-Muller). */
	static double gaussian(SplittableRandom rng) {
		return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
	}
}
