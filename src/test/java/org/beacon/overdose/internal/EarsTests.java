package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-checked EARS. The series repeats the pattern 1,3,1,3,1,3,2 for its first 9 days, so every
 * 7-day window inside it holds one full period: mean 14/7 = 2, squared deviations 1+1+1+1+1+1+0 = 6,
 * variance 6/6 = 1, SD 1. Then it ramps 4, 5, 7 and settles at 2. The same numbers are the worked
 * example in docs/methods/ears.md.
 */
class EarsTests {

	static final double EXACT = 1e-12;

	//                      day: 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14
	static final int[] RAMP = { 1, 3, 1, 3, 1, 3, 2, 1, 3, 4, 5, 7, 2, 2, 2 };

	@Test
	void c1ComparesTodayWithTheSevenDaysBefore() {
		EarsSeries c1 = Ears.c1(RAMP, EarsParameters.CDC);

		// days 0..6 have no 7-day history
		assertThat(c1.statistic()[6]).isNaN();
		assertThat(c1.alarm()[6]).isFalse();
		// day 7: baseline days 0..6 (one period): mean 2, SD 1; C1 = (1 - 2) / 1 = -1
		assertThat(c1.day(7)).isEqualTo(new EarsDay(7, 1, 2.0, 1.0, -1.0, false));
		// day 9: baseline days 2..8 (one period): C1 = (4 - 2) / 1 = 2
		assertThat(c1.statistic()[9]).isCloseTo(2.0, within(EXACT));
		// day 10: baseline days 3..9 = 3,1,3,2,1,3,4: sum 17, mean 17/7; sum of squares 49;
		// variance (7·49 - 17²) / 42 = 54/42 = 9/7; C1 = (5 - 17/7) / √(9/7) = (18/7)·√7/3 = 6/√7 = 2.2678
		assertThat(c1.baselineMean()[10]).isCloseTo(17.0 / 7, within(EXACT));
		assertThat(c1.baselineSd()[10]).isCloseTo(Math.sqrt(9.0 / 7), within(EXACT));
		assertThat(c1.statistic()[10]).isCloseTo(6 / Math.sqrt(7), within(EXACT));
		// day 11: baseline days 4..10 = 1,3,2,1,3,4,5: sum 19, sum of squares 65;
		// variance (7·65 - 19²) / 42 = 94/42 = 47/21; C1 = (7 - 19/7) / √(47/21) = (30/7) / 1.4960 = 2.8647:
		// the ramp has already raised C1's baseline, so C1 misses the peak
		assertThat(c1.statistic()[11]).isCloseTo((30.0 / 7) / Math.sqrt(47.0 / 21), within(EXACT));
		assertThat(c1.alarmCount()).isZero();
	}

	@Test
	void c2KeepsATwoDayGuardBandSoTheRampDoesNotHideThePeak() {
		EarsSeries c2 = Ears.c2(RAMP, EarsParameters.CDC);

		assertThat(c2.statistic()[8]).isNaN();
		// day 9: baseline days 0..6, mean 2, SD 1: C2 = (4 - 2) / 1 = 2
		assertThat(c2.day(9)).isEqualTo(new EarsDay(9, 4, 2.0, 1.0, 2.0, false));
		// day 10: baseline days 1..7 (one period): C2 = (5 - 2) / 1 = 3, not above 3
		assertThat(c2.day(10)).isEqualTo(new EarsDay(10, 5, 2.0, 1.0, 3.0, false));
		// day 11: baseline days 2..8 (one period): C2 = (7 - 2) / 1 = 5, alarm
		assertThat(c2.day(11)).isEqualTo(new EarsDay(11, 7, 2.0, 1.0, 5.0, true));
		// day 12: baseline days 3..9, mean 17/7, SD √(9/7): C2 = (2 - 17/7) / 1.1339 = -0.378
		assertThat(c2.statistic()[12]).isCloseTo((2 - 17.0 / 7) / Math.sqrt(9.0 / 7), within(EXACT));
		assertThat(c2.alarmCount()).isEqualTo(1);
	}

	@Test
	void c3SumsTheLastThreeC2ExcessesOverOne() {
		EarsSeries c3 = Ears.c3(RAMP, EarsParameters.CDC);

		// C2 by day: 9 → 2, 10 → 3, 11 → 5, 12 → -0.378, 13 → (2 - 19/7)/√(47/21) = -0.477,
		// 14: baseline days 5..11 = 3,2,1,3,4,5,7 mean 25/7: C2 = (2 - 25/7)/1.988 = -0.790
		assertThat(c3.statistic()[10]).isNaN();
		// day 11: max(0, 2-1) + max(0, 3-1) + max(0, 5-1) = 1 + 2 + 4 = 7 > 2
		assertThat(c3.day(11)).isEqualTo(new EarsDay(11, 7, 2.0, 1.0, 7.0, true));
		// day 12: 2 + 4 + 0 = 6; day 13: 4 + 0 + 0 = 4; day 14: 0 + 0 + 0 = 0
		assertThat(c3.statistic()[12]).isCloseTo(6.0, within(EXACT));
		assertThat(c3.statistic()[13]).isCloseTo(4.0, within(EXACT));
		assertThat(c3.statistic()[14]).isZero();
		// C3's mean and SD are today's C2 baseline: day 12 uses days 3..9
		assertThat(c3.baselineMean()[12]).isCloseTo(17.0 / 7, within(EXACT));
		assertThat(c3.alarm()).containsExactly(false, false, false, false, false, false, false, false, false,
				false, false, true, true, true, false);
	}

	@Test
	void c3AlarmsOnTheSpikeDayItselfUnlikeEarsCsC3() {
		// days 0..10 follow the period, day 11 jumps to 7. C2: day 9 = (1-2)/1 = -1, day 10 = (3-2)/1 = 1,
		// day 11 = (7-2)/1 = 5. CDC C3(11) = 0 + 0 + 4 = 4 > 2. surveillance::earsC's C3 alarms when
		// the two lagged excesses alone exceed its threshold (0 + 0 here), so it stays silent that day.
		// Checked in R 4.2.2, surveillance 1.20.3 (alpha for z = 2, series extended by a day of 2):
		// upperbound 9 and no alarm on day 11, an alarm on day 12 instead.
		int[] spike = { 1, 3, 1, 3, 1, 3, 2, 1, 3, 1, 3, 7 };

		EarsSeries c3 = Ears.c3(spike, EarsParameters.CDC);

		assertThat(c3.day(11)).isEqualTo(new EarsDay(11, 7, 2.0, 1.0, 4.0, true));
	}

	@Test
	void zeroSdGivesInfiniteStatisticOrZeroWithoutFloor() {
		int[] flat = { 5, 5, 5, 5, 5, 5, 5, 5, 6, 4 };

		EarsSeries c1 = Ears.c1(flat, EarsParameters.CDC);

		// day 7 equals the constant baseline: 0; day 8 is above: +∞ (alarm); day 9: baseline 5,5,5,5,5,5,6
		// has SD 0.378 so C1 = (4 - 36/7)/0.378 = -3.024
		assertThat(c1.statistic()[7]).isZero();
		assertThat(c1.statistic()[8]).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(c1.alarm()[8]).isTrue();
		assertThat(c1.statistic()[9]).isCloseTo((4 - 36.0 / 7) / Math.sqrt(6.0 / 42), within(EXACT));
	}

	@Test
	void sdFloorStopsSingleCasesFromAlarmingInSparseSeries() {
		int[] three = { 0, 0, 0, 0, 0, 0, 0, 3 };
		int[] four = { 0, 0, 0, 0, 0, 0, 0, 4 };
		EarsParameters sparse = EarsParameters.forSparseSeries();

		// baseline all zero: SD 0 floored to 1; C1 = (3 - 0)/1 = 3, not above 3; 4 cases give 4
		assertThat(Ears.c1(three, sparse).day(7)).isEqualTo(new EarsDay(7, 3, 0.0, 0.0, 3.0, false));
		assertThat(Ears.c1(four, sparse).day(7)).isEqualTo(new EarsDay(7, 4, 0.0, 0.0, 4.0, true));
		assertThat(Ears.c1(three, EarsParameters.CDC).statistic()[7]).isEqualTo(Double.POSITIVE_INFINITY);
	}

	@Test
	void seriesShorterThanTheBaselineHasNoStatistic() {
		EarsSeries none = Ears.c1(new int[] { 4, 9, 1 }, EarsParameters.CDC);
		EarsSeries empty = Ears.c3(new int[0], EarsParameters.CDC);

		assertThat(none.statistic()).containsOnly(Double.NaN);
		assertThat(none.alarmCount()).isZero();
		assertThat(empty.days()).isZero();
	}

	@Test
	void longerBaselineUsesItsOwnLength() {
		// 10-day baseline of 0,1 alternating: mean 0.5, variance (10·5 - 25)/90 = 25/90; day 10 = 3:
		// C1 = 2.5 / √(25/90) = 2.5 / 0.527 = 4.743
		int[] y = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 3 };
		EarsParameters ten = new EarsParameters(10, 3.0, 2.0, 0.0);

		EarsSeries c1 = Ears.c1(y, ten);

		assertThat(c1.statistic()[9]).isNaN();
		assertThat(c1.statistic()[10]).isCloseTo(2.5 / Math.sqrt(25.0 / 90), within(EXACT));
	}

	@Test
	void rejectsNegativeCountsAndBadParameters() {
		assertThatThrownBy(() -> Ears.c1(new int[] { 1, -2 }, EarsParameters.CDC))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("day 1 is -2");
		assertThatThrownBy(() -> new EarsParameters(2, 3, 2, 0)).hasMessageContaining("baselineDays");
		assertThatThrownBy(() -> EarsParameters.CDC.withMinSigma(-1)).hasMessageContaining("minSigma");
		assertThatThrownBy(() -> EarsParameters.CDC.withMinSigma(Double.NaN)).hasMessageContaining("minSigma");
	}
}
