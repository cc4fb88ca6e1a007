package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FalseDiscoveryTests {

	@Test
	void adjustsLikeRPAdjustBh() {
		// m = 5, sorted p = .01 .02 .03 .04 .5; m·p/k = .05 .05 .05 .05 .5; running min from the top
		// R: p.adjust(c(0.04, 0.01, 0.5, 0.03, 0.02), "BH") = 0.05 0.05 0.5 0.05 0.05
		double[] adjusted = FalseDiscovery.benjaminiHochberg(new double[] { 0.04, 0.01, 0.5, 0.03, 0.02 });

		assertThat(adjusted).containsExactly(new double[] { 0.05, 0.05, 0.5, 0.05, 0.05 }, within(1e-15));
	}

	@Test
	void givesTiedPValuesOneAdjustedValueAndCapsAtOne() {
		// sorted .2 .2 .9: 3·.2/1 = .6, 3·.2/2 = .3, 3·.9/3 = .9 → cummin from top: .3 .3 .9
		assertThat(FalseDiscovery.benjaminiHochberg(new double[] { 0.9, 0.2, 0.2 }))
			.containsExactly(new double[] { 0.9, 0.3, 0.3 }, within(1e-15));
		assertThat(FalseDiscovery.benjaminiHochberg(new double[] { 1, 1 })).containsExactly(1, 1);
	}

	@Test
	void keepsNanOutOfTheCount() {
		// R: p.adjust(c(NA, 0.01, 0.04), "BH") = NA 0.02 0.04
		double[] adjusted = FalseDiscovery.benjaminiHochberg(new double[] { Double.NaN, 0.01, 0.04 });

		assertThat(adjusted[0]).isNaN();
		assertThat(adjusted[1]).isCloseTo(0.02, within(1e-15));
		assertThat(adjusted[2]).isCloseTo(0.04, within(1e-15));
		assertThat(FalseDiscovery.benjaminiHochberg(new double[0])).isEmpty();
	}

	@Test
	void rejectsPValuesOutsideTheUnitInterval() {
		assertThatThrownBy(() -> FalseDiscovery.benjaminiHochberg(new double[] { 0.5, 1.5 }))
			.hasMessageContaining("p-value 1 is 1.5");
	}

	@Test
	void binsSignedByZAtTheArcGisConfidenceLevels() {
		int[] bins = HotSpotBins.classify(new double[] { 3, -3, 2, -2, 1.7, 1, 0, Double.NaN },
				new double[] { 0.01, 0.001, 0.05, 0.049, 0.10, 0.2, 1, Double.NaN });

		assertThat(bins).containsExactly(3, -3, 2, -2, 1, 0, 0, 0);
	}
}
