package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class NormalTests {

	@Test
	void upperTailMatchesRPnormToTheLastDigits() {
		// R 4.2.2: options(digits = 17); pnorm(z, lower.tail = FALSE)
		double[][] rValues = { { 0, 0.5 }, { 0.5, 3.0853753872598694e-01 }, { 1, 1.5865525393145705e-01 },
				{ 1.6448536269514722, 5.0000000000000044e-02 }, { 1.959963984540054, 2.5000000000000012e-02 },
				{ 2.8, 2.5551303304279338e-03 }, { 3.5, 2.3262907903552494e-04 }, { 5, 2.8665157187919391e-07 },
				{ 8.3, 5.2055697448902552e-17 }, { 10, 7.6198530241605269e-24 }, { 20, 2.7536241186062337e-89 },
				{ 37, 5.7255712225245771e-300 } };
		for (double[] zq : rValues) {
			// relative 1e-13: a few hundred ulps at most, where a naive 1 − Φ would lose everything past z ≈ 8
			assertThat(Normal.upperTail(zq[0])).as("Q(%s)", zq[0]).isCloseTo(zq[1], withPercentage(1e-11));
		}
	}

	@Test
	void cdfOfNegativeZIsTheUpperTailOfItsMirror() {
		// R: pnorm(-0.3) = 0.38208857781104733
		assertThat(Normal.cdf(-0.3)).isCloseTo(0.38208857781104733, within(1e-15));
		assertThat(Normal.cdf(0.3) + Normal.cdf(-0.3)).isCloseTo(1.0, within(1e-15));
	}

	@Test
	void twoSidedPIsTwiceTheTailOfAbsoluteZ() {
		// 2·Q(1.959963984540054) = 2·0.025 = 0.05
		assertThat(Normal.twoSidedP(-1.959963984540054)).isCloseTo(0.05, within(1e-15));
		assertThat(Normal.twoSidedP(0)).isEqualTo(1.0);
		assertThat(Normal.twoSidedP(Double.NaN)).isNaN();
		assertThat(Normal.twoSidedP(Double.POSITIVE_INFINITY)).isZero();
	}
}
