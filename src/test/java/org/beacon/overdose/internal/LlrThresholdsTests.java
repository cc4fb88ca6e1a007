package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ĉ(μ, τ) must never exceed the true number of cases needed, and should not fall far short of it. */
class LlrThresholdsTests {

	static final long TOTAL = 10_000;

	final LlrThresholds thresholds = new LlrThresholds(TOTAL, TOTAL / 2);

	@Test
	void closedFormWorkedExample() {
		// C = 10,000, largest circle 5,000, μ = 100, τ = 8:
		// D = √(2·8 / (1/100 + 1/5000)) = √(16 / 0.0102) = 39.605, ĉ = 139.605
		assertThat(thresholds.casesNeeded(100, 8)).isCloseTo(139.605, within(1e-3));
		// the exact root is between 142 (LLR 7.882) and 143 (8.241): the bound gives up under 3 cases,
		// 7 % of the excess of 42 needed
		assertThat(thresholds.llr(142, 100)).isCloseTo(7.882, within(1e-3));
		assertThat(thresholds.llr(143, 100)).isCloseTo(8.241, within(1e-3));
	}

	@Test
	void neverAsksForMoreCasesThanTheLlrNeeds() {
		for (double mu = 1e-3; mu < 3000; mu *= 1.13) {
			for (double tau = 0.25; tau < 60; tau *= 1.4) {
				double needed = thresholds.casesNeeded(mu, tau);
				long below = (long) Math.ceil(needed) - 1; // the most cases the bound calls safe
				if (below > mu) {
					assertThat(thresholds.llr(below, mu)).as("μ %s, τ %s", mu, tau).isLessThan(tau);
				}
			}
		}
	}

	@Test
	void staysCloseToTheExactRoot() {
		for (double mu = 1e-3; mu < 3000; mu *= 1.13) {
			for (double tau = 0.25; tau < 60; tau *= 1.4) {
				long root = exactRoot(mu, tau);
				double needed = thresholds.casesNeeded(mu, tau);
				// the table rounds τ down by at most 1/32 and μ down by at most 1.1 %: within 2 cases; the
				// closed form drops the cubic term of the Poisson part: 7 % of the excess at μ = 100 and
				// τ = 8, 15 % at τ = 54
				assertThat(needed).as("μ %s, τ %s", mu, tau)
						.isGreaterThanOrEqualTo(root - Math.max(2, 0.15 * (root - mu)));
			}
		}
	}

	@Test
	void excessNeededGrowsWithTheExpectedCount() {
		// the lemma behind the μ credit: with c + μ ≤ C, c_τ(μ) − μ never falls as μ grows
		for (double tau : new double[] { 1, 5, 12, 40 }) {
			double previous = 0;
			for (double mu = 0.01; mu < TOTAL / 3.0; mu *= 1.05) {
				double excess = realRoot(mu, tau) - mu;
				assertThat(excess).as("τ %s, μ %s", tau, mu).isGreaterThanOrEqualTo(previous - 1e-9);
				previous = excess;
			}
		}
	}

	@Test
	void bucketsStartAtOrBelowTheirExpectedCounts() {
		for (double mu = 1e-9; mu < 32; mu *= 1.007) {
			int b = LlrThresholds.bucket(mu);
			assertThat(LlrThresholds.bucketStart(b)).isLessThanOrEqualTo(mu);
			assertThat(LlrThresholds.bucketStart(b + 1)).isGreaterThan(mu);
		}
		assertThat(LlrThresholds.bucket(0)).isEqualTo(-1);
		assertThat(LlrThresholds.bucket(Math.scalb(1.0, -41))).isEqualTo(-1);
	}

	@Test
	void zeroThresholdOnlyAsksForMoreCasesThanExpected() {
		assertThat(thresholds.casesNeeded(50, 0)).isEqualTo(50);
		assertThat(thresholds.casesNeeded(2.5, 0)).isEqualTo(2);
	}

	/** Smallest integer c &gt; μ with f(c, μ) ≥ τ. */
	private long exactRoot(double mu, double tau) {
		long c = (long) Math.floor(mu) + 1;
		while (c < TOTAL && thresholds.llr(c, mu) < tau) {
			c++;
		}
		return c;
	}

	/** Real c in (μ, C/2] with f(c, μ) = τ, by bisection (f rises with c above μ). */
	private double realRoot(double mu, double tau) {
		double lo = mu;
		double hi = TOTAL / 2.0;
		for (int i = 0; i < 200; i++) {
			double mid = 0.5 * (lo + hi);
			if (llr(mid, mu) < tau) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static double llr(double c, double mu) {
		return c * Math.log(c / mu) + (TOTAL - c) * Math.log((TOTAL - c) / (TOTAL - mu));
	}
}
