package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;
import org.junit.jupiter.api.Test;

class TrendsTests {

	static final List<OverdoseEntry> EVENTS = List.of(
			entry("2024-01-03", "North", true, 2, "fentanyl", "heroin"),
			entry("2024-01-20", "North", false, 1, "fentanyl"),
			entry("2024-01-25", "South", null, null, "cocaine"),
			entry("2024-02-02", "South", false, 0, "fentanyl", "xylazine"),
			entry("2024-02-14", "North", false, 3, "xylazine"),
			entry("2024-02-28", null, true, null));

	@Test
	void countsEachSuspectedSubstanceOncePerEventAndMonth() {
		// January: fentanyl 2, heroin 1, cocaine 1. February: fentanyl 1, xylazine 2.
		assertThat(Trends.substancesByMonth(EVENTS)).containsExactly(
				new Trends.SubstanceMonth(YearMonth.of(2024, 1), "cocaine", 1),
				new Trends.SubstanceMonth(YearMonth.of(2024, 1), "fentanyl", 2),
				new Trends.SubstanceMonth(YearMonth.of(2024, 1), "heroin", 1),
				new Trends.SubstanceMonth(YearMonth.of(2024, 2), "fentanyl", 1),
				new Trends.SubstanceMonth(YearMonth.of(2024, 2), "xylazine", 2));
	}

	@Test
	void findsTheFirstDayASubstanceWasSuspectedInEachArea() {
		List<Trends.FirstAppearance> rows = Trends.firstAppearances(EVENTS, OverdoseEntry::city);

		// newest first: xylazine reached North on 02-14, two weeks after South (02-02)
		assertThat(rows.get(0)).isEqualTo(new Trends.FirstAppearance("xylazine", "North", LocalDate.of(2024, 2, 14), 1));
		assertThat(rows).contains(new Trends.FirstAppearance("xylazine", "South", LocalDate.of(2024, 2, 2), 1),
				new Trends.FirstAppearance("fentanyl", "North", LocalDate.of(2024, 1, 3), 2),
				new Trends.FirstAppearance("fentanyl", "South", LocalDate.of(2024, 2, 2), 1));
		assertThat(rows).hasSize(6); // fentanyl×2, heroin, cocaine, xylazine×2; the event without an area is left out
	}

	@Test
	void sharesAndRatesCountOnlyWhatIsKnown() {
		List<Trends.FatalShare> fatal = Trends.fatalShareByMonth(EVENTS);
		List<Trends.NaloxoneMonth> naloxone = Trends.naloxoneByMonth(EVENTS);

		// January: 3 events, outcome known for 2, 1 fatal: 1/2. February: 3 events, all known, 1 fatal: 1/3.
		assertThat(fatal).containsExactly(new Trends.FatalShare(YearMonth.of(2024, 1), 3, 2, 1),
				new Trends.FatalShare(YearMonth.of(2024, 2), 3, 3, 1));
		assertThat(fatal.get(0).share()).isEqualTo(0.5);
		assertThat(fatal.get(1).share()).isCloseTo(1.0 / 3, within(1e-15));
		// January: doses known for 2 events, 2 + 1 = 3 doses: 1.5 per event. February: 0 + 3 over 2 known: 1.5.
		assertThat(naloxone.get(0)).isEqualTo(new Trends.NaloxoneMonth(YearMonth.of(2024, 1), 3, 2, 2, 2, 3));
		assertThat(naloxone.get(0).dosesPerEvent()).isEqualTo(1.5);
		assertThat(naloxone.get(1)).isEqualTo(new Trends.NaloxoneMonth(YearMonth.of(2024, 2), 3, 2, 1, 2, 3));
		assertThat(Trends.fatalShareByMonth(List.of())).isEmpty();
	}

	@Test
	void aMonthWithNoKnownOutcomeHasNoShare() {
		List<Trends.FatalShare> fatal = Trends.fatalShareByMonth(List.of(entry("2024-03-01", "North", null, null)));

		assertThat(fatal.get(0).share()).isNaN();
		assertThat(Trends.naloxoneByMonth(List.of(entry("2024-03-01", "North", null, null))).get(0).dosesPerEvent()).isNaN();
	}

	static OverdoseEntry entry(String day, String city, Boolean fatal, Integer doses, String... drugs) {
		LocalDate d = LocalDate.parse(day);
		return new OverdoseEntry(d.atStartOfDay().toInstant(ZoneOffset.UTC), d, false, null, null, LocationPrecision.AREA,
				null, city, null, fatal, doses == null ? null : doses > 0, doses, List.of(drugs), EventSource.EMS, null,
				"test", null);
	}
}
