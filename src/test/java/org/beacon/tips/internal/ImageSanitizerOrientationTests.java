package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.beacon.tips.TipImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A phone photo tagged with each EXIF Orientation goes through the real cleaning path and comes out upright,
 * with no metadata left. The photo is {@link TipImages#quadrants} stored 64 × 32:
 *
 * <pre>
 * R G      R red, G green,
 * B Y      B blue, Y yellow
 * </pre>
 *
 * and the expected corners below are that 2 × 2 picture turned by hand as the tag says.
 */
class ImageSanitizerOrientationTests {

	/**
	 * Per channel, out of 255. The corners lie deep inside blocks of one colour, so what is left is the
	 * rounding of two lossy JPEG encodings and the RGB/YCbCr conversions (a few units); the quadrant colours
	 * differ by 255 in at least one channel, so no wrong corner can pass.
	 */
	static final int TOLERANCE = 16;

	static final Map<Character, Color> COLOURS = Map.of('R', TipImages.TOP_LEFT, 'G', TipImages.TOP_RIGHT, 'B',
			TipImages.BOTTOM_LEFT, 'Y', TipImages.BOTTOM_RIGHT);

	ImageSanitizer sanitizer = new ImageSanitizer(10L * 1024 * 1024, 40_000_000L);

	@ParameterizedTest(name = "orientation {0}, {1}")
	@CsvSource({
			"1, BIG_ENDIAN, 64, 32, RG/BY", "1, LITTLE_ENDIAN, 64, 32, RG/BY",
			"2, BIG_ENDIAN, 64, 32, GR/YB", "2, LITTLE_ENDIAN, 64, 32, GR/YB",
			"3, BIG_ENDIAN, 64, 32, YB/GR", "3, LITTLE_ENDIAN, 64, 32, YB/GR",
			"4, BIG_ENDIAN, 64, 32, BY/RG", "4, LITTLE_ENDIAN, 64, 32, BY/RG",
			"5, BIG_ENDIAN, 32, 64, RB/GY", "5, LITTLE_ENDIAN, 32, 64, RB/GY",
			"6, BIG_ENDIAN, 32, 64, BR/YG", "6, LITTLE_ENDIAN, 32, 64, BR/YG",
			"7, BIG_ENDIAN, 32, 64, YG/BR", "7, LITTLE_ENDIAN, 32, 64, YG/BR",
			"8, BIG_ENDIAN, 32, 64, GY/RB", "8, LITTLE_ENDIAN, 32, 64, GY/RB" })
	void workingCopyIsUprightAndCarriesNoMetadata(int orientation, String byteOrder, int width, int height,
			String corners) throws IOException {
		ByteOrder order = byteOrder.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		byte[] original = TipImages.jpegWithOrientation(TipImages.quadrants(64, 32), orientation, order);
		assertThat(TipImages.containsGpsPosition(original)).as("the fixture carries GPS").isTrue();
		assertThat(TipImages.markers(original)).as("the fixture carries APP1").contains(0xE1);

		ImageSanitizer.Sanitized copy = sanitizer.sanitize("image 1", original);

		BufferedImage decoded = decode(copy.bytes());
		assertThat(List.of(copy.width(), copy.height())).isEqualTo(List.of(width, height));
		assertThat(List.of(decoded.getWidth(), decoded.getHeight())).isEqualTo(List.of(width, height));
		assertCorners(decoded, corners);
		assertNoMetadata(copy.bytes());
	}

	@Test
	void aPhotoWithoutOrientationOrWithoutExifStaysAsItIs() throws IOException {
		byte[] noTag = TipImages.jpegWithOrientation(TipImages.quadrants(64, 32), 0, ByteOrder.BIG_ENDIAN);
		byte[] noExif = TipImages.jpeg(TipImages.quadrants(64, 32));

		for (byte[] original : List.of(noTag, noExif)) {
			BufferedImage decoded = decode(sanitizer.sanitize("image 1", original).bytes());
			assertThat(List.of(decoded.getWidth(), decoded.getHeight())).isEqualTo(List.of(64, 32));
			assertCorners(decoded, "RG/BY");
		}
	}

	@Test
	void aCorruptExifBlockLeavesThePhotoReadableAndUnturned() throws IOException {
		byte[] valid = TipImages.exif(ByteOrder.BIG_ENDIAN, 6);
		byte[] badByteOrder = valid.clone();
		badByteOrder[0] = 'X';
		byte[] ifdPastTheEnd = valid.clone();
		ifdPastTheEnd[4] = 0x7F;
		byte[] valueNine = valid.clone();
		valueNine[8 + 2 + 12 + 9] = 9;
		byte[] garbage = "not a TIFF header at all, just text".getBytes(StandardCharsets.US_ASCII);
		List<byte[]> blocks = List.of(badByteOrder, ifdPastTheEnd, valueNine, Arrays.copyOf(valid, 30), garbage,
				new byte[0]);

		for (byte[] block : blocks) {
			byte[] original = TipImages.withSegment(TipImages.jpeg(TipImages.quadrants(64, 32)),
					TipImages.exifSegment(block));

			ImageSanitizer.Sanitized copy = sanitizer.sanitize("image 1", original);

			BufferedImage decoded = decode(copy.bytes());
			assertThat(List.of(decoded.getWidth(), decoded.getHeight())).isEqualTo(List.of(64, 32));
			assertCorners(decoded, "RG/BY");
			assertNoMetadata(copy.bytes());
		}
	}

	@Test
	void pngsAreNotTurned() throws IOException {
		BufferedImage decoded = decode(sanitizer.sanitize("image 1", TipImages.png(20, 10)).bytes());

		assertThat(List.of(decoded.getWidth(), decoded.getHeight())).isEqualTo(List.of(20, 10));
	}

	private static void assertNoMetadata(byte[] working) {
		assertThat(TipImages.markers(working)).doesNotContain(0xE1).contains(0xE0, 0xDA);
		assertThat(TipImages.contains(working, "Exif")).isFalse();
		assertThat(TipImages.contains(working, TipImages.CAMERA_MODEL)).isFalse();
		assertThat(TipImages.containsGpsPosition(working)).isFalse();
	}

	/** {@code expected} names the corners as "top-left top-right / bottom-left bottom-right". */
	private static void assertCorners(BufferedImage image, String expected) {
		int right = image.getWidth() - 1;
		int bottom = image.getHeight() - 1;
		assertColour(image, 0, 0, expected.charAt(0), "top left");
		assertColour(image, right, 0, expected.charAt(1), "top right");
		assertColour(image, 0, bottom, expected.charAt(3), "bottom left");
		assertColour(image, right, bottom, expected.charAt(4), "bottom right");
	}

	private static void assertColour(BufferedImage image, int x, int y, char name, String corner) {
		Color want = COLOURS.get(name);
		Color got = new Color(image.getRGB(x, y));
		int difference = Math.max(Math.abs(got.getRed() - want.getRed()),
				Math.max(Math.abs(got.getGreen() - want.getGreen()), Math.abs(got.getBlue() - want.getBlue())));
		assertThat(difference).as("%s corner should be %s but is %s", corner, name, got).isLessThanOrEqualTo(TOLERANCE);
	}

	private static BufferedImage decode(byte[] bytes) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
		assertThat(image).as("the working copy decodes").isNotNull();
		return image;
	}
}
