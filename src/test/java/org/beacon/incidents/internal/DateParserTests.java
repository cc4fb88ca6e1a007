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

	@Test
	void fastPathAnswersExactlyAsTheFormattersDo() {
		int compared = 0;
		int fast = 0;
		for (String pattern : List.of("M/d/yyyy H:mm", "MM/dd/yyyy HH:mm:ss", "yyyy-MM", "yyyy-MM-dd", "d.M.yyyy")) {
			DateParser parser = new DateParser(List.of(pattern));
			NumericDatePattern numeric = NumericDatePattern.of(pattern);
			assertThat(numeric).as(pattern).isNotNull();
			for (String year : List.of("2008", "2012", "2100", "0000", "0001", "12008", "208")) {
				for (int month = 0; month <= 13; month++) {
					for (int day : new int[] { 0, 1, 9, 28, 29, 30, 31, 32 }) {
						for (String time : List.of("0:00", "06:30", "6:30", "23:59", "24:00", "12:60", "7:5", "12:30:45")) {
							for (boolean padded : new boolean[] { true, false }) {
								String m = padded ? "%02d".formatted(month) : Integer.toString(month);
								String d = padded ? "%02d".formatted(day) : Integer.toString(day);
								String text = switch (pattern) {
									case "M/d/yyyy H:mm", "MM/dd/yyyy HH:mm:ss" -> m + "/" + d + "/" + year + " " + time;
									case "yyyy-MM" -> year + "-" + m;
									case "yyyy-MM-dd" -> year + "-" + m + "-" + d;
									default -> d + "." + m + "." + year;
								};
								java.time.LocalDateTime quick = numeric.parse(text);
								DateParser.Parsed formatted = parser.formatted(text);
								if (quick != null) {
									fast++;
									assertThat(formatted).as(pattern + " " + text).isNotNull();
									assertThat(formatted.local()).as(pattern + " " + text).isEqualTo(quick);
								}
								assertThat(parser.parse(text)).as(pattern + " " + text).isEqualTo(formatted);
								compared++;
							}
						}
					}
				}
			}
		}
		// 5 patterns x 7 years x 14 months x 8 days x 8 times x 2 paddings
		assertThat(compared).isEqualTo(62_720);
		assertThat(fast).isGreaterThan(5_000);
	}

	@Test
	void leavesPatternsWithTextOptionalPartsOrOffsetsToTheFormatter() {
		assertThat(NumericDatePattern.of("M/d/yyyy h:mm a")).isNull();
		assertThat(NumericDatePattern.of("yyyy-MM-dd'T'HH:mm")).isNull();
		assertThat(NumericDatePattern.of("yyyy-MM-dd HH:mm[:ss]")).isNull();
		assertThat(NumericDatePattern.of("yyyyMd")).isNull();
		assertThat(NumericDatePattern.of("yyyy-MM-dd HH")).isNull();
	}
}
