package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CopyBinaryTests {

	/** "PGCOPY\n\377\r\n\0", flags 0, header extension length 0. */
	private static final String HEADER = "5047434f50590aff0d0a00" + "00000000" + "00000000";

	@Test
	void writesHeaderRowsAndTrailerAsPostgresqlDocumentsThem() throws IOException {
		CopyBinary copy = new CopyBinary(16);
		copy.row(3).int8(1).text(null).bool(true);

		// 3 fields; bigint 1 (length 8); null (length -1); true (length 1, byte 1); trailer -1 as int16
		assertThat(hex(copy.finish().readAllBytes())).isEqualTo(HEADER + "0003" + "00000008" + "0000000000000001"
				+ "ffffffff" + "00000001" + "01" + "ffff");
	}

	@Test
	void countsTimesFromTheYear2000InMicrosecondsAndDays() {
		// 2000-01-02T00:00:01Z is 86,401 s after PostgreSQL's epoch: 86,401,000,000 µs = 0x141DE6A240
		assertThat(hex(value(new CopyBinary(0).timestamptz(Instant.parse("2000-01-02T00:00:01Z")))))
				.isEqualTo("00000008" + "000000141de6a240");
		// 1999-12-31T23:59:59.9999996Z rounds to the microsecond: -0.4 µs -> 0
		assertThat(hex(value(new CopyBinary(0).timestamptz(Instant.parse("1999-12-31T23:59:59.9999996Z")))))
				.isEqualTo("00000008" + "0000000000000000");
		// 1999-12-31 is day -1
		assertThat(hex(value(new CopyBinary(0).date(LocalDate.of(1999, 12, 31))))).isEqualTo("00000004" + "ffffffff");
		assertThat(hex(value(new CopyBinary(0).timestamptz(null)))).isEqualTo("ffffffff");
	}

	@Test
	void writesTextAsUtf8WithItsByteLength() {
		assertThat(hex(value(new CopyBinary(0).text("AB")))).isEqualTo("00000002" + "4142");
		// É is two bytes in UTF-8
		assertThat(hex(value(new CopyBinary(0).text("CAFÉ")))).isEqualTo("00000005" + "434146c389");
		assertThat(hex(value(new CopyBinary(0).text("")))).isEqualTo("00000000");
	}

	@Test
	void writesNoneAsNullForPointsAreasAndCells() {
		assertThat(hex(value(new CopyBinary(0).float8OrNull(Double.NaN)))).isEqualTo("ffffffff");
		assertThat(hex(value(new CopyBinary(0).int8OrNull(0)))).isEqualTo("ffffffff");
		// -90.5 as IEEE 754 double: 0xC056A00000000000
		assertThat(hex(value(new CopyBinary(0).float8OrNull(-90.5)))).isEqualTo("00000008" + "c056a00000000000");
		assertThat(hex(value(new CopyBinary(0).int2Value(2).int4Value(201408)))).isEqualTo("00000002" + "0002"
				+ "00000004" + "000312c0");
	}

	@Test
	void addsTheTrailerOnceWhenABatchIsWrittenAgain() throws IOException {
		CopyBinary copy = new CopyBinary(0);
		copy.row(1).int8(7);
		byte[] first = copy.finish().readAllBytes();

		assertThat(copy.finish().readAllBytes()).isEqualTo(first);
	}

	/** The bytes after the header. */
	private static byte[] value(CopyBinary copy) {
		byte[] all = copy.toByteArray();
		return java.util.Arrays.copyOfRange(all, HEADER.length() / 2, all.length);
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}
}
