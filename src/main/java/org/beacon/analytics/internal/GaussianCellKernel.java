package org.beacon.analytics.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * A Gaussian spread over grid cells, separable by axis: the share of a Gaussian (standard deviation σ
 * metres per axis) centred on one cell's centre that falls in the cell {@code d} steps away along an axis,
 *
 * <pre>
 *   P(0) = 1 − 2·Q(h/2σ),   P(d) = Q((d − ½)h/σ) − Q((d + ½)h/σ)   (d ≥ 1, h the cell size, Q the upper tail)
 * </pre>
 *
 * cut at {@code |d| ≤ reach} and scaled so that the (2·reach + 1)² cells around a centre hold all of it:
 * {@code K(dr, dc) = p(|dr|)·p(|dc|)} sums to 1. σ = 0 puts everything in the centre cell (reach 0).
 * Upper tails are used for the off-centre shares, so they stay accurate far out where Φ would round to 1.
 */
final class GaussianCellKernel {

	/** Cells out to this many standard deviations are kept; beyond, less than 0.3 % of the mass along an axis. */
	static final double REACH_SIGMAS = 3;

	private final double sigma;

	private final double[] share;

	private GaussianCellKernel(double sigma, double[] share) {
		this.sigma = sigma;
		this.share = share;
	}

	/** The kernel for σ metres on cells of {@code cell} metres, reaching at most {@code maxReach} cells. */
	static GaussianCellKernel of(double sigma, double cell, int maxReach) {
		if (!(sigma >= 0) || Double.isInfinite(sigma)) {
			throw new IllegalArgumentException("sigma must be a finite number of metres ≥ 0, was " + sigma);
		}
		if (sigma == 0) {
			return new GaussianCellKernel(0, new double[] { 1 });
		}
		return withReach(sigma, cell, (int) Math.min(maxReach, Math.ceil(REACH_SIGMAS * sigma / cell)));
	}

	/** Unscaled shares P(0..reach) of the Gaussian along one axis. */
	static double[] raw(double sigma, double cell, int reach) {
		double[] share = new double[reach + 1];
		share[0] = 1 - 2 * Normal.upperTail(0.5 * cell / sigma);
		for (int d = 1; d <= reach; d++) {
			share[d] = Normal.upperTail((d - 0.5) * cell / sigma) - Normal.upperTail((d + 0.5) * cell / sigma);
		}
		return share;
	}

	double sigma() {
		return sigma;
	}

	/** How many cells out the kernel reaches along each axis. */
	int reach() {
		return share.length - 1;
	}

	/** The scaled share {@code p(|d|)} along one axis; K(dr, dc) = p(dr)·p(dc). */
	double share(int d) {
		return share[Math.abs(d)];
	}

	/** The kernel's mass that stays inside {@code [0, size)} along an axis, from a centre at {@code index}. */
	double inside(int index, int size) {
		double mass = 0;
		for (int d = -reach(); d <= reach(); d++) {
			int at = index + d;
			if (at >= 0 && at < size) {
				mass += share(d);
			}
		}
		return mass;
	}

	/**
	 * The kernel for σ metres with a given reach (cells along each axis), scaled to sum to 1 over its
	 * (2·reach + 1)² cells; for the M-step, which keeps the reach of the iteration's σ.
	 */
	static GaussianCellKernel withReach(double sigma, double cell, int reach) {
		double[] share = raw(sigma, cell, reach);
		double total = share[0];
		for (int d = 1; d <= reach; d++) {
			total += 2 * share[d];
		}
		for (int d = 0; d <= reach; d++) {
			share[d] /= total;
		}
		return new GaussianCellKernel(sigma, share);
	}

	/**
	 * {@code Σ_d weight[d]·ln p(d)} for this kernel: the log-likelihood of parent-child steps, where
	 * {@code weight[d]} is the expected number of steps of |d| cells along an axis (both signs, both axes).
	 */
	double stepLogLikelihood(double[] weight) {
		double sum = 0;
		for (int d = 0; d < weight.length; d++) {
			if (weight[d] > 0) {
				sum += weight[d] * Math.log(d <= reach() ? share[d] : 0);
			}
		}
		return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
	}

	/**
	 * The argument in [{@code lowest}, {@code highest}] (both &gt; 0) that maximises {@code f}, by golden-section
	 * search on its logarithm to a relative precision of 1e-9; {@code f} is taken to be unimodal.
	 */
	static double maximise(DoubleUnaryOperator f, double lowest, double highest) {
		double a = Math.log(lowest);
		double b = Math.log(highest);
		double golden = (Math.sqrt(5) - 1) / 2;
		double c = b - golden * (b - a);
		double d = a + golden * (b - a);
		double fc = f.applyAsDouble(Math.exp(c));
		double fd = f.applyAsDouble(Math.exp(d));
		while (b - a > 1e-9) {
			if (fc >= fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - golden * (b - a);
				fc = f.applyAsDouble(Math.exp(c));
			}
			else {
				a = c;
				c = d;
				fc = fd;
				d = a + golden * (b - a);
				fd = f.applyAsDouble(Math.exp(d));
			}
		}
		return Math.exp((a + b) / 2);
	}
}
