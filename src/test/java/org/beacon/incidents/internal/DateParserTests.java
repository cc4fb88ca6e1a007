package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateParserTests {

	@Test
	void readsPaddedAndUnpaddedStLouisTimes() {
		DateParser parser = new DateParser(List.of("M/d/yyyy H:mm"));

		assertThat(parser.parse("01/08/2008 06:30").local()).isEqualTo(LocalDateTime.of(2008, 1, 8, 6, 30));
		assertThat(parser.parse("1/8/2008 6:30").local()).isEqualTo(LocalDateTime.of(2008, 1, 8, 6, 30));
	}

	@Test
	void readsAYearMonthAsItsFirstDay() {
		DateParser parser = new DateParser(List.of("yyyy-MM"));

		assertThat(parser.parse("2014-08").local()).isEqualTo(LocalDateTime.of(2014, 8, 1, 0, 0));
	}

	@Test
	void keepsTheOffsetAnIsoTimeCarries() {
		DateParser parser = new DateParser(List.of("iso", "yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX"));

		assertThat(parser.parse("2017-01-01T00:00:42-06:00"))
				.isEqualTo(new DateParser.Parsed(LocalDateTime.of(2017, 1, 1, 0, 0, 42), ZoneOffset.ofHours(-6)));
		assertThat(parser.parse("2017-01-01T00:00:42-0600").offset()).isEqualTo(ZoneOffset.ofHours(-6));
		assertThat(parser.parse("2017-01-01").local()).isEqualTo(LocalDateTime.of(2017, 1, 1, 0, 0));
	}

	@Test
	void triesEveryPatternUntilOneFitsAndTheWholeTextIsRead() {
		DateParser parser = new DateParser(List.of("yyyy-MM-dd HH:mm", "M/d/yyyy h:mm a"));

		assertThat(parser.parse("3/4/2015 10:45 PM").local()).isEqualTo(LocalDateTime.of(2015, 3, 4, 22, 45));
		assertThat(parser.parse("2015-03-04 22:45").local()).isEqualTo(LocalDateTime.of(2015, 3, 4, 22, 45));
		assertThat(parser.parse("2015-03-04 22:45 extra")).isNull();
	}

	@Test
	void returnsNullForImpossibleDates() {
		DateParser parser = new DateParser(List.of("M/d/yyyy H:mm"));

		assertThat(parser.parse("13/45/2008 09:00")).isNull();
		assertThat(parser.parse("2/30/2008 09:00")).isNull();
		assertThat(parser.parse("yesterday")).isNull();
	}
}
