package org.beacon.incidents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.beacon.incidents.IncidentFixtures;
import org.junit.jupiter.api.Test;

class FallbackDecodingReaderTests {

	private static final Charset CP1252 = Charset.forName("windows-1252");

	@Test
	void readsUtf8Unchanged() throws IOException {
		String text = "CAFÉ, AMERICA’S – ok ✓ 𝄞";

		assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
	}

	@Test
	void readsWindows1252TextOfTheRawStLouisFile() throws IOException {
		String decoded = decode(Files.readAllBytes(IncidentFixtures.resource(IncidentFixtures.RAW_2014)));

		// bytes C9 and 92 in the file
		assertThat(decoded).contains("DOUBLE APPLE CAF\u00c9 AND HOOKAH LOUNGE", "AMERICA\u2019S CENTER CONVENTION COMPLEX");
		assertThat(decoded).doesNotContain("\ufffd");
	}

	@Test
	void readsWindows1252FromTheFirstByteThatCannotBeUtf8On() throws IOException {
		// C9 20 cannot be UTF-8; after it, C9 92 (É’) would be valid UTF-8 (ɒ) but is read as windows-1252
		byte[] bytes = "CAFÉ AND BOMBER O’BRIEN’S, CAFÉ’S\n".getBytes(CP1252);

		assertThat(decode(bytes)).isEqualTo("CAFÉ AND BOMBER O’BRIEN’S, CAFÉ’S\n");
	}

	@Test
	void readsValidUtf8BeforeTheSwitchAsUtf8() throws IOException {
		byte[] utf8 = "LUMIÈRE\n".getBytes(StandardCharsets.UTF_8);
		byte[] cp1252 = "LUMIÈRE\n".getBytes(CP1252);
		byte[] both = new byte[utf8.length + cp1252.length];
		System.arraycopy(utf8, 0, both, 0, utf8.length);
		System.arraycopy(cp1252, 0, both, utf8.length, cp1252.length);

		assertThat(decode(both)).isEqualTo("LUMIÈRE\nLUMIÈRE\n");
	}

	@Test
	void dropsTheByteOrderMark() throws IOException {
		byte[] text = "\uFEFFComplaint,CodedMonth".getBytes(StandardCharsets.UTF_8);

		assertThat(decode(text)).isEqualTo("Complaint,CodedMonth");
	}

	@Test
	void decodesSequencesSplitAcrossItsBufferAndALoneByteAtTheEnd() throws IOException {
		// 65,535 ASCII bytes put the 3-byte € across the 64 KiB buffer boundary; the last byte is windows-1252 €
		StringBuilder text = new StringBuilder("a".repeat(65_535)).append('€');
		byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[utf8.length + 1];
		System.arraycopy(utf8, 0, bytes, 0, utf8.length);
		bytes[utf8.length] = (byte) 0x80;

		assertThat(decode(bytes)).isEqualTo(text + "€");
	}

	@Test
	void tellsWhichEncodingItRead() throws IOException {
		assertThat(encodingOf(IncidentFixtures.RAW_2014)).isTrue();
		assertThat(encodingOf(IncidentFixtures.HARMONIZED)).isFalse();
	}

	private static boolean encodingOf(String fixture) throws IOException {
		try (FallbackDecodingReader reader = new FallbackDecodingReader(
				new ByteArrayInputStream(Files.readAllBytes(IncidentFixtures.resource(fixture))))) {
			reader.transferTo(new StringWriter());
			return reader.readsWindows1252();
		}
	}

	@Test
	void windows1252FileReadsAsWindows1252Everywhere() throws IOException {
		byte[] bytes = Files.readAllBytes(IncidentFixtures.resource(IncidentFixtures.RAW_2008));

		assertThat(decode(bytes)).isEqualTo(new String(bytes, CP1252));
	}

	private static String decode(byte[] bytes) throws IOException {
		return decode(new ByteArrayInputStream(bytes));
	}

	private static String decode(InputStream in) throws IOException {
		try (Reader reader = new FallbackDecodingReader(in)) {
			StringWriter out = new StringWriter();
			char[] buffer = new char[1000];
			for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
				out.write(buffer, 0, n);
			}
			return out.toString();
		}
	}
}
