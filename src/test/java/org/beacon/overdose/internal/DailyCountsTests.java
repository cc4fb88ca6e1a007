package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DailyCountsTests {

	static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

	@Test
	void fillsDaysWithoutEventsWithZero() {
		List<LocalDate> dates = List.of(JAN_1, JAN_1, JAN_1.plusDays(3));

		int[] counts = DailyCounts.series(dates, JAN_1, JAN_1.plusDays(4));

		assertThat(counts).containsExactly(2, 0, 0, 1, 0);
	}

	@Test
	void countsAcrossALeapDay() {
		LocalDate feb28 = LocalDate.of(2024, 2, 28);
		List<LocalDate> dates = List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));

		assertThat(DailyCounts.series(dates, feb28, LocalDate.of(2024, 3, 1))).containsExactly(0, 1, 1);
		assertThat(DailyCounts.daysInclusive(feb28, LocalDate.of(2024, 3, 1))).isEqualTo(3);
	}

	@Test
	void givesAnAllZeroSeriesForNoEvents() {
		assertThat(DailyCounts.series(List.of(), JAN_1, JAN_1.plusDays(2))).containsExactly(0, 0, 0);
		assertThat(DailyCounts.daysInclusive(JAN_1, JAN_1.minusDays(1))).isZero();
	}

	@Test
	void rejectsAnEventOutsideTheStudyPeriodNamingIt() {
		List<LocalDate> dates = List.of(JAN_1, JAN_1.plusDays(10));

		assertThatThrownBy(() -> DailyCounts.series(dates, JAN_1, JAN_1.plusDays(4)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("event 1 on 2024-01-11")
				.hasMessageContaining("2024-01-01 .. 2024-01-05");
	}

	@Test
	void countsEventsPerAreaAndDayWithMarginals() {
		long d0 = JAN_1.toEpochDay();
		int[] area = { 0, 2, 2, 0, 2 };
		long[] day = { d0, d0, d0 + 1, d0 + 2, d0 + 2 };

		AreaDayCounts m = DailyCounts.byArea(area, day, 3, d0, 3);

		assertThat(m.series(0)).containsExactly(1, 0, 1);
		assertThat(m.series(1)).containsExactly(0, 0, 0);
		assertThat(m.series(2)).containsExactly(1, 1, 1);
		assertThat(m.count(2, 1)).isEqualTo(1);
		assertThat(m.areaTotals()).containsExactly(2, 0, 3);
		assertThat(m.dayTotals()).containsExactly(2, 1, 2);
		assertThat(m.total()).isEqualTo(5);
	}

	@Test
	void rejectsAnAreaIndexOutOfRange() {
		long d0 = JAN_1.toEpochDay();

		assertThatThrownBy(() -> DailyCounts.byArea(new int[] { 0, 3 }, new long[] { d0, d0 }, 3, d0, 1))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("event 1 has area 3");
	}

	@Test
	void rejectsNegativeCounts() {
		assertThatThrownBy(() -> new AreaDayCounts(1, 2, new int[] { 1, -1 }))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("area 0 on day 1 is -1");
	}
}
