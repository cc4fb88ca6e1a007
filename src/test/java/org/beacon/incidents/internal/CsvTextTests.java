package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CsvTextTests {

	@Test
	void writesInstantsAndDatesAsIsoDoes() {
		for (String iso : new String[] { "2014-08-22T23:00:00Z", "1900-01-01T06:00:00Z", "0999-03-04T05:06:07Z" }) {
			assertThat(CsvText.instant(new StringBuilder(), Instant.parse(iso))).hasToString(iso);
		}
		assertThat(CsvText.instant(new StringBuilder(), Instant.parse("2014-08-22T23:00:00.250Z")))
				.hasToString("2014-08-22T23:00:00.250Z");
		assertThat(CsvText.date(new StringBuilder(), LocalDate.of(1977, 1, 1))).hasToString("1977-01-01");
	}

	@Test
	void writesRoundedDegreesWithSevenDecimalsThatReadBackExactly() {
		double lat = CsvText.roundDegrees(38.63582912345);
		double lon = CsvText.roundDegrees(-90.22483);

		assertThat(CsvText.degrees(new StringBuilder(), lat)).hasToString("38.6358291");
		assertThat(CsvText.degrees(new StringBuilder(), lon)).hasToString("-90.2248300");
		assertThat(Double.parseDouble("38.6358291")).isEqualTo(lat);
		assertThat(CsvText.degrees(new StringBuilder(), CsvText.roundDegrees(-0.00000004))).hasToString("0.0000000");
	}

	@Test
	void quotesOnlyWhatNeedsItAndTellsEmptyFromNull() {
		assertThat(CsvText.text(new StringBuilder(), "LARCENY-FROM BUILDING $500 - $24,999"))
				.hasToString("\"LARCENY-FROM BUILDING $500 - $24,999\"");
		assertThat(CsvText.text(new StringBuilder(), "SAY \"HI\"")).hasToString("\"SAY \"\"HI\"\"\"");
		assertThat(CsvText.text(new StringBuilder(), "")).hasToString("\"\"");
		assertThat(CsvText.text(new StringBuilder(), null)).hasToString("");
		assertThat(CsvText.text(new StringBuilder(), "4357 CALIFORNIA AVE")).hasToString("4357 CALIFORNIA AVE");
	}
}
