package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** D̂(μ, τ) must never exceed the excess the LLR needs, and should not fall far short of it. */
class LlrThresholdsTests {

	static final long TOTAL = 10_000;

	static final long MAX_CIRCLE = TOTAL / 2;

	final LlrThresholds thresholds = new LlrThresholds(TOTAL, MAX_CIRCLE);

	@Test
	void closedFormWorkedExample() {
		// C = 10,000, largest circle 5,000 (κ = 1/5,000), μ = 100, τ = 8:
		// D̂ = √(2·8 / (1/100 + 1/5,000)) = √(16 / 0.0102) = 39.605
		assertThat(thresholds.excessNeeded(100, 8)).isCloseTo(39.605, within(1e-3));
		// the exact root is between 142 cases (LLR 7.882) and 143 (8.241), an excess of 42.3: the bound gives
		// up 2.7 cases, 7 % of it
		assertThat(thresholds.llr(142, 100)).isCloseTo(7.882, within(1e-3));
		assertThat(thresholds.llr(143, 100)).isCloseTo(8.241, within(1e-3));
	}

	@Test
	void boundIsNeverBelowTheLlr() {
		for (double mu = 1e-3; mu < 3000; mu *= 1.37) {
			for (long c = (long) mu + 1; c <= MAX_CIRCLE; c = c * 3 / 2 + 1) {
				assertThat(thresholds.bound(c - mu, mu)).as("c %d, μ %s", c, mu)
						.isGreaterThanOrEqualTo(thresholds.llr(c, mu) - 1e-9);
			}
		}
	}

	@Test
	void neverAsksForMoreExcessThanTheLlrNeeds() {
		for (double mu = 1e-3; mu < 3000; mu *= 1.13) {
			for (double tau = 0.25; tau < 60; tau *= 1.4) {
				double excess = thresholds.excessNeeded(mu, tau);
				long below = (long) Math.ceil(mu + excess) - 1; // the most cases the bound calls safe
				if (below > mu && below <= MAX_CIRCLE) {
					assertThat(thresholds.llr(below, mu)).as("μ %s, τ %s", mu, tau).isLessThan(tau);
				}
				assertThat(excess).isLessThanOrEqualTo(boundRoot(mu, tau) + 1e-9);
			}
		}
	}

	@Test
	void staysCloseToTheExactRoot() {
		for (double mu = 1e-3; mu < 3000; mu *= 1.13) {
			for (double tau = 0.25; tau < 60; tau *= 1.4) {
				double needed = exactRoot(mu, tau) - mu;
				// the table rounds τ down by at most 1/16 and μ down by at most 2.2 %: within 2 cases; the
				// closed form drops the cubic term of the Poisson part: 7 % of the excess at μ = 100 and
				// τ = 8, 15 % at τ = 54
				assertThat(thresholds.excessNeeded(mu, tau)).as("μ %s, τ %s", mu, tau)
						.isGreaterThanOrEqualTo(needed - Math.max(2, 0.15 * needed));
			}
		}
	}

	@Test
	void excessTheBoundNeedsGrowsWithTheExpectedCount() {
		// why a room may keep the D̂ it had at a smaller μ: B falls with μ, so its root rises
		for (double tau : new double[] { 1, 5, 12, 40 }) {
			double previous = 0;
			for (double mu = 0.01; mu < TOTAL / 3.0; mu *= 1.05) {
				double root = boundRoot(mu, tau);
				assertThat(root).as("τ %s, μ %s", tau, mu).isGreaterThanOrEqualTo(previous);
				previous = root;
			}
		}
	}

	@Test
	void bucketsStartAtOrBelowTheirExpectedCounts() {
		for (double mu = 1e-9; mu < 128; mu *= 1.007) {
			int b = LlrThresholds.bucket(mu);
			assertThat(LlrThresholds.bucketStart(b)).isLessThanOrEqualTo(mu);
			assertThat(LlrThresholds.bucketStart(b + 1)).isGreaterThan(mu);
		}
		assertThat(LlrThresholds.bucket(0)).isEqualTo(-1);
		assertThat(LlrThresholds.bucket(Math.scalb(1.0, -31))).isEqualTo(-1);
	}

	@Test
	void zeroThresholdNeedsNoExcess() {
		assertThat(thresholds.excessNeeded(50, 0)).isZero();
		assertThat(thresholds.excessNeeded(150, 0)).isZero();
	}

	/** Smallest integer c &gt; μ with f(c, μ) ≥ τ. */
	private long exactRoot(double mu, double tau) {
		long c = (long) Math.floor(mu) + 1;
		while (c < TOTAL && thresholds.llr(c, mu) < tau) {
			c++;
		}
		return c;
	}

	/** The D with B(D, μ) = τ, by bisection (B rises with D). */
	private double boundRoot(double mu, double tau) {
		double lo = 0;
		double hi = TOTAL;
		for (int i = 0; i < 200; i++) {
			double mid = 0.5 * (lo + hi);
			if (thresholds.bound(mid, mu) < tau) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return hi;
	}
}
