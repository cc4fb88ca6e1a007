package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.beacon.tips.TipImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTests {

	static final byte[] PLAIN_JPEG = TipImages.jpeg(TipImages.picture(16, 16));

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void readsEveryOrientationInBothByteOrders(int tag) {
		byte[] bigEndian = TipImages.jpegWithOrientation(TipImages.picture(16, 16), tag, ByteOrder.BIG_ENDIAN);
		byte[] littleEndian = TipImages.jpegWithOrientation(TipImages.picture(16, 16), tag, ByteOrder.LITTLE_ENDIAN);

		assertThat(ExifOrientation.of(bigEndian).tag()).isEqualTo(tag);
		assertThat(ExifOrientation.of(littleEndian).tag()).isEqualTo(tag);
	}

	@Test
	void withoutExifOrWithoutTheTagThePictureIsNormal() {
		assertThat(ExifOrientation.of(PLAIN_JPEG)).isEqualTo(Orientation.NORMAL);
		assertThat(ExifOrientation.of(TipImages.jpegWithGps())).isEqualTo(Orientation.NORMAL);
		assertThat(ExifOrientation.of(TipImages.png(4, 4))).isEqualTo(Orientation.NORMAL);
		assertThat(ExifOrientation.of(new byte[0])).isEqualTo(Orientation.NORMAL);
	}

	@Test
	void skipsAnXmpSegmentAndFillBytesBeforeTheExifSegment() {
		byte[] xmp = app1("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>");
		byte[] exif = TipImages.exifSegment(TipImages.exif(ByteOrder.LITTLE_ENDIAN, 8));
		byte[] filled = new byte[exif.length + 2];
		filled[0] = (byte) 0xFF;
		filled[1] = (byte) 0xFF;
		System.arraycopy(exif, 0, filled, 2, exif.length);

		assertThat(ExifOrientation.of(TipImages.withSegment(TipImages.withSegment(PLAIN_JPEG, filled), xmp)))
				.isEqualTo(Orientation.ROTATE_90_CCW);
	}

	@Test
	void anExifBlockAfterTheImageDataIsNotRead() {
		byte[] exif = TipImages.exifSegment(TipImages.exif(ByteOrder.BIG_ENDIAN, 6));
		byte[] trailing = Arrays.copyOf(PLAIN_JPEG, PLAIN_JPEG.length + exif.length);
		System.arraycopy(exif, 0, trailing, PLAIN_JPEG.length, exif.length);

		assertThat(ExifOrientation.of(trailing)).isEqualTo(Orientation.NORMAL);
	}

	@Test
	void malformedBlocksReadAsNormal() {
		byte[] valid = TipImages.exif(ByteOrder.BIG_ENDIAN, 6);

		assertThat(orientationOf(valid)).as("the valid block these are made from").isEqualTo(Orientation.ROTATE_90_CW);
		assertThat(orientationOf(with(valid, 0, 'X', 'X'))).as("unknown byte order").isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 2, 0, 43))).as("not 42").isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 4, 0x7F, 0xFF, 0xFF, 0xF0))).as("IFD0 far past the end")
				.isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 4, 0, 0, 0, 2))).as("IFD0 inside the header").isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 8 + 2 + 12 + 2, 0, 4))).as("Orientation typed LONG")
				.isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 8 + 2 + 12 + 4, 0, 0, 0, 2))).as("two values")
				.isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 8 + 2 + 12 + 8, 0, 9))).as("value 9").isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(with(valid, 8 + 2 + 12 + 8, 0, 0))).as("value 0").isEqualTo(Orientation.NORMAL);
		assertThat(orientationOf(new byte[0])).as("header only").isEqualTo(Orientation.NORMAL);
	}

	/** The entry count still says 3 when the block is cut: entries that are whole are read, the rest is not. */
	@Test
	void everyTruncationOfTheBlockReadsTheTagOnlyWhenItsEntryIsWhole() {
		byte[] valid = TipImages.exif(ByteOrder.LITTLE_ENDIAN, 6);
		// header 8 bytes, entry count 2, Model entry 12, Orientation entry 12: the tag is whole from 34 bytes on
		int orientationEntryEnd = 8 + 2 + 12 + 12;

		for (int length = 0; length <= valid.length; length++) {
			assertThat(orientationOf(Arrays.copyOf(valid, length))).as("first %d bytes", length)
					.isEqualTo(length >= orientationEntryEnd ? Orientation.ROTATE_90_CW : Orientation.NORMAL);
		}
	}

	@Test
	void aSegmentLengthPastTheEndOfTheFileReadsAsNormal() {
		byte[] jpeg = TipImages.jpegWithOrientation(TipImages.picture(16, 16), 6, ByteOrder.BIG_ENDIAN);
		int app1Start = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
		byte[] cut = Arrays.copyOf(jpeg, app1Start + 20);

		assertThat(ExifOrientation.of(cut)).isEqualTo(Orientation.NORMAL);
	}

	private static Orientation orientationOf(byte[] tiff) {
		return ExifOrientation.of(TipImages.withSegment(PLAIN_JPEG, TipImages.exifSegment(tiff)));
	}

	private static byte[] with(byte[] bytes, int at, int... values) {
		byte[] copy = bytes.clone();
		for (int i = 0; i < values.length; i++) {
			copy[at + i] = (byte) values[i];
		}
		return copy;
	}

	private static byte[] app1(String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.ISO_8859_1);
		byte[] segment = new byte[4 + bytes.length];
		segment[0] = (byte) 0xFF;
		segment[1] = (byte) 0xE1;
		segment[2] = (byte) ((bytes.length + 2) >> 8);
		segment[3] = (byte) (bytes.length + 2);
		System.arraycopy(bytes, 0, segment, 4, bytes.length);
		return segment;
	}
}
