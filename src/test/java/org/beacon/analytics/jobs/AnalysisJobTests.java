package org.beacon.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;

class AnalysisJobTests {

	private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-03-01T10:00:00Z");

	/**
	 * Counting since 10:00:00, last counted at 10:00:10 with 10 of 50 units done: 1 s a unit, 40 units left,
	 * 40 s from the last count; polled 2 s after it, 38 s left. Elapsed from the start at 09:59:55: 17 s.
	 */
	@Test
	void estimatesTheTimeLeftFromTheTimePerUnitSoFar() {
		AnalysisJob job = running(10, 50, T0, T0.plusSeconds(10), T0.plusSeconds(10));

		assertThat(job.remaining(T0.plusSeconds(12))).contains(Duration.ofSeconds(38));
		assertThat(job.elapsed(T0.plusSeconds(12))).isEqualTo(Duration.ofSeconds(17));
	}

	@Test
	void hasNoEstimateBeforeTheFirstUnitNorOnceFinishedAndNeverANegativeOne() {
		assertThat(running(0, 50, T0, T0.plusSeconds(3), T0.plusSeconds(3)).remaining(T0.plusSeconds(4))).isEmpty();
		assertThat(running(5, 0, null, null, T0).remaining(T0)).isEmpty();
		// 1 s a unit, 1 unit left, last counted 5 s ago: overdue, so 0
		assertThat(running(9, 10, T0, T0.plusSeconds(9), T0.plusSeconds(9)).remaining(T0.plusSeconds(14)))
			.contains(Duration.ZERO);
		AnalysisJob done = new AnalysisJob("j", AgencyId.of(1), "backtest", "", "ana", AnalysisJob.State.DONE, 10, 10,
				"week 10 of 10", T0, T0.plusSeconds(9), null, T0.minusSeconds(5), T0.plusSeconds(10), T0.plusSeconds(10));
		assertThat(done.remaining(T0.plusSeconds(60))).isEmpty();
		assertThat(done.elapsed(T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void countsAsStalledWhenItsNodeHasNotWrittenForTwoMinutes() {
		AnalysisJob job = running(3, 10, T0, T0.plusSeconds(3), T0.plusSeconds(3));

		assertThat(job.stalled(T0.plusSeconds(3).plus(AnalysisJob.STALE_AFTER))).isFalse();
		assertThat(job.stalled(T0.plusSeconds(4).plus(AnalysisJob.STALE_AFTER))).isTrue();
	}

	private static AnalysisJob running(long done, long total, OffsetDateTime since, OffsetDateTime counted,
			OffsetDateTime updated) {
		return new AnalysisJob("j", AgencyId.of(1), "backtest", "from=2024-01-01", "ana", AnalysisJob.State.RUNNING,
				done, total, "week " + done + " of " + total, since, counted, null, T0.minusSeconds(5), null, updated);
	}
}
