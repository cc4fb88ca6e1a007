package org.beacon.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MannKendallTests {

	@Test
	void testsAStrictlyRisingSeriesByHand() {
		// 1..5: all 10 pairs rise, S = 10; Var = 5·4·15/18 = 16.667; Z = (10 − 1)/√16.667 = 2.2045;
		// p = 2·(1 − Φ(2.2045)) = 0.02749
		MannKendall mk = MannKendall.test(new double[] { 1, 2, 3, 4, 5 });

		assertThat(mk.s()).isEqualTo(10);
		assertThat(mk.variance()).isCloseTo(50.0 / 3, within(1e-12));
		assertThat(mk.z()).isCloseTo(9 / Math.sqrt(50.0 / 3), within(1e-12));
		assertThat(mk.p()).isCloseTo(0.0274863361115104, within(1e-12));
		assertThat(mk.increasing(0.05)).isTrue();
		assertThat(mk.decreasing(0.05)).isFalse();
	}

	@Test
	void correctsTheVarianceForTies() {
		// 1, 2, 2, 3: pairs +,+,+,0,+,+ → S = 5; one tie group of 2: Var = (4·3·13 − 2·1·9)/18 = 138/18;
		// Z = 4/√7.667 = 1.4446
		MannKendall mk = MannKendall.test(new double[] { 1, 2, 2, 3 });

		assertThat(mk.s()).isEqualTo(5);
		assertThat(mk.variance()).isCloseTo(138.0 / 18, within(1e-12));
		assertThat(mk.z()).isCloseTo(4 / Math.sqrt(138.0 / 18), within(1e-12));
	}

	@Test
	void givesNoTrendForConstantShortAndEmptySeries() {
		for (double[] series : new double[][] { { 3, 3, 3, 3 }, { 7 }, {} }) {
			MannKendall mk = MannKendall.test(series);
			assertThat(mk.s()).as(Arrays.toString(series)).isZero();
			assertThat(mk.z()).isZero();
			assertThat(mk.p()).isEqualTo(1.0);
		}
	}

	@Test
	void mirrorsAFallingSeries() {
		MannKendall up = MannKendall.test(new double[] { 0.5, 1.5, 1.2, 3, 4.1, 3.9 });
		MannKendall down = MannKendall.test(new double[] { -0.5, -1.5, -1.2, -3, -4.1, -3.9 });

		assertThat(down.s()).isEqualTo(-up.s());
		assertThat(down.z()).isEqualTo(-up.z());
		assertThat(down.p()).isEqualTo(up.p());
	}

	@Test
	void rejectsNan() {
		assertThatThrownBy(() -> MannKendall.test(new double[] { 1, Double.NaN })).hasMessageContaining("value 1");
	}

	@Test
	void matchesRKendallCorrelationTest() {
		GoldenCsv golden = GoldenCsv.read("/mannkendall/series.csv");
		String[] values = golden.text("values");
		double[] s = golden.column("s");
		double[] z = golden.column("z");
		double[] p = golden.column("p");

		assertThat(golden.rows()).isEqualTo(42);
		for (int r = 0; r < golden.rows(); r++) {
			double[] series = Arrays.stream(values[r].split(";")).mapToDouble(Double::parseDouble).toArray();
			MannKendall mk = MannKendall.test(series);
			assertThat(mk.s()).as("series %d S", r + 1).isEqualTo((long) s[r]);
			assertThat(mk.z()).as("series %d Z", r + 1).isCloseTo(z[r], within(1e-12));
			assertThat(mk.p()).as("series %d p", r + 1).isCloseTo(p[r], within(1e-12));
		}
	}
}
