package org.beacon.publicsafety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.beacon.publicsafety.AlertPlace;
import org.beacon.publicsafety.DigestDue;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;

class DigestJobTests {

	static Subscription every(Subscription.Frequency frequency) {
		return new Subscription(3, AgencyId.of(1), "a@example.org", null, null, AlertPlace.NEIGHBOURHOOD, 1L, "1", null,
				null, null, null, Set.of(), frequency, false, "ACTIVE", Instant.EPOCH);
	}

	@Test
	void dailyDigestIsDueForYesterday() {
		DigestDue due = DigestJob.due(every(Subscription.Frequency.DAILY), LocalDate.of(2026, 3, 11));
		assertThat(due.period()).isEqualTo("DAILY:2026-03-10");
		assertThat(due.from()).isEqualTo(due.to()).isEqualTo(LocalDate.of(2026, 3, 10));
	}

	@Test
	void weeklyDigestIsDueForTheLastFullMondayToSundayWeek() {
		// 11 March 2026 is a Wednesday: the last full week is Monday 2 to Sunday 8 March
		DigestDue due = DigestJob.due(every(Subscription.Frequency.WEEKLY), LocalDate.of(2026, 3, 11));
		assertThat(due.period()).isEqualTo("WEEKLY:2026-03-02");
		assertThat(due.to()).isEqualTo(LocalDate.of(2026, 3, 8));
		// on a Monday the week that ended yesterday is due
		assertThat(DigestJob.due(every(Subscription.Frequency.WEEKLY), LocalDate.of(2026, 3, 9)).period())
				.isEqualTo("WEEKLY:2026-03-02");
	}
}
