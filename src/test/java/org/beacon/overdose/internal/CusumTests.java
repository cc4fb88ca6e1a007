package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-checked CUSUM on the same series as {@link EarsTests}: the first 9 days repeat 1,3,1,3,1,3,2, so
 * every 7-day baseline inside them has mean 2 and SD 1. Defaults: baseline days t−9..t−3, k = 0.5,
 * h = 4, SD floor 1. The numbers are the worked example in docs/methods/cusum.md.
 */
class CusumTests {

	static final double EXACT = 1e-12;

	//                      day: 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14
	static final int[] RAMP = { 1, 3, 1, 3, 1, 3, 2, 1, 3, 4, 5, 7, 2, 2, 2 };

	/** z on days 12, 13, 14: baselines 3..9 (mean 17/7, SD √(9/7)), 4..10 (19/7, √(47/21)), 5..11 (25/7, √(166/42)). */
	static final double Z12 = (2 - 17.0 / 7) / Math.sqrt(9.0 / 7); // -0.37796
	static final double Z13 = (2 - 19.0 / 7) / Math.sqrt(47.0 / 21); // -0.47745
	static final double Z14 = (2 - 25.0 / 7) / Math.sqrt(166.0 / 42); // -0.79049

	@Test
	void accumulatesExcessOverKAndAlarmsAboveH() {
		CusumSeries c = Cusum.compute(RAMP, CusumParameters.DEFAULT);

		assertThat(c.sum()[8]).isNaN();
		// day 9:  z = (4-2)/1 = 2;  S = max(0, 0   + 2 - 0.5) = 1.5
		// day 10: z = (5-2)/1 = 3;  S = max(0, 1.5 + 3 - 0.5) = 4.0, not above h = 4
		// day 11: z = (7-2)/1 = 5;  S = max(0, 4.0 + 5 - 0.5) = 8.5 > 4: alarm, then reset to 0
		// day 12: z = -0.378;       S = max(0, 0 - 0.378 - 0.5) = 0
		assertThat(c.z()[9]).isEqualTo(2.0);
		assertThat(c.sum()).startsWith(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
				Double.NaN, Double.NaN, Double.NaN, 1.5, 4.0, 8.5, 0.0, 0.0, 0.0);
		assertThat(c.z()[12]).isCloseTo(Z12, within(EXACT));
		assertThat(c.alarm()).containsExactly(false, false, false, false, false, false, false, false, false,
				false, false, true, false, false, false);
		assertThat(c.baselineMean()[11]).isEqualTo(2.0);
		assertThat(c.baselineSd()[11]).isEqualTo(1.0);
	}

	@Test
	void keepsAlarmingWhileTheSumStaysHighWithoutReset() {
		CusumParameters noReset = new CusumParameters(7, 2, 0.5, 4.0, 1.0, false);

		CusumSeries c = Cusum.compute(RAMP, noReset);

		// day 12: 8.5 - 0.378 - 0.5 = 7.622; day 13: 7.622 - 0.477 - 0.5 = 6.645;
		// day 14: 6.645 - 0.790 - 0.5 = 5.354; all above 4
		double s12 = 8.5 + Z12 - 0.5;
		double s13 = s12 + Z13 - 0.5;
		double s14 = s13 + Z14 - 0.5;
		assertThat(c.sum()[12]).isCloseTo(s12, within(EXACT)).isCloseTo(7.622, within(1e-3));
		assertThat(c.sum()[13]).isCloseTo(s13, within(EXACT));
		assertThat(c.sum()[14]).isCloseTo(s14, within(EXACT)).isCloseTo(5.354, within(1e-3));
		assertThat(c.alarmCount()).isEqualTo(4);
	}

	@Test
	void floorsTheSdSoASingleCaseInAnEmptyAreaIsNotInfinite() {
		int[] y = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3 };

		CusumSeries c = Cusum.compute(y, CusumParameters.DEFAULT);

		// day 9: SD 0 floored to 1: z = 2, S = 1.5; day 10: baseline days 1..7 still all 0: z = 3, S = 4.0
		assertThat(c.z()[9]).isEqualTo(2.0);
		assertThat(c.sum()[10]).isEqualTo(4.0);
		assertThat(c.alarmCount()).isZero();
	}

	@Test
	void staysAtZeroOnAConstantSeries() {
		int[] y = new int[30];
		java.util.Arrays.fill(y, 6);

		CusumSeries c = Cusum.compute(y, CusumParameters.DEFAULT);

		assertThat(c.sum()[29]).isZero();
		assertThat(c.alarmCount()).isZero();
		assertThat(Cusum.compute(new int[0], CusumParameters.DEFAULT).days()).isZero();
		assertThat(Cusum.compute(new int[] { 3, 4 }, CusumParameters.DEFAULT).sum()).containsOnly(Double.NaN);
	}

	@Test
	void rejectsBadInput() {
		assertThatThrownBy(() -> Cusum.compute(new int[] { -1 }, CusumParameters.DEFAULT))
				.hasMessageContaining("day 0 is -1");
		assertThatThrownBy(() -> new CusumParameters(7, 2, 0.5, 4, 0.0, true)).hasMessageContaining("minSigma");
		assertThatThrownBy(() -> new CusumParameters(7, 2, 0.5, 0, 1, true)).hasMessageContaining("h must");
		assertThatThrownBy(() -> new CusumParameters(7, -1, 0.5, 4, 1, true)).hasMessageContaining("guardDays");
	}
}
