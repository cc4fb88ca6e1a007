package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.beacon.tips.TipImages;
import org.junit.jupiter.api.Test;

class ImageSanitizerTests {

	ImageSanitizer sanitizer = new ImageSanitizer(10L * 1024 * 1024, 40_000_000L);

	@Test
	void theFixtureReallyCarriesExifWithGps() {
		byte[] original = TipImages.jpegWithGps();

		assertThat(TipImages.markers(original)).contains(0xE1);
		assertThat(TipImages.contains(original, "Exif")).isTrue();
		assertThat(TipImages.contains(original, TipImages.CAMERA_MODEL)).isTrue();
	}

	@Test
	void workingCopyOfAJpegHasNoExifNoGpsAndNoCameraModel() throws Exception {
		byte[] original = TipImages.jpegWithGps();

		ImageSanitizer.Sanitized copy = sanitizer.sanitize("image 1", original);

		assertThat(copy.contentType()).isEqualTo("image/jpeg");
		assertThat(TipImages.markers(copy.bytes())).doesNotContain(0xE1, 0xE2, 0xED, 0xFE).contains(0xE0, 0xDB, 0xDA);
		assertThat(TipImages.contains(copy.bytes(), "Exif")).isFalse();
		assertThat(TipImages.contains(copy.bytes(), TipImages.CAMERA_MODEL)).isFalse();
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(copy.bytes()));
		assertThat(decoded.getWidth()).isEqualTo(64);
		assertThat(decoded.getHeight()).isEqualTo(48);
	}

	@Test
	void originalIsFingerprintedAsUploaded() {
		byte[] original = TipImages.jpegWithGps();

		ImageSanitizer.Sanitized copy = sanitizer.sanitize("image 1", original);

		assertThat(copy.originalSha256()).isEqualTo(ImageSanitizer.sha256(original));
		assertThat(copy.originalBytes()).isEqualTo(original.length);
		assertThat(copy.originalContentType()).isEqualTo("image/jpeg");
		assertThat(copy.sha256()).isEqualTo(ImageSanitizer.sha256(copy.bytes())).isNotEqualTo(copy.originalSha256());
	}

	@Test
	void pngsStayPngsAndKeepTheirSize() throws Exception {
		ImageSanitizer.Sanitized copy = sanitizer.sanitize("image 1", TipImages.png(20, 10));

		assertThat(copy.contentType()).isEqualTo("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(copy.bytes())).getWidth()).isEqualTo(20);
	}

	@Test
	void recognisesTheFormatFromTheBytesNotTheName() {
		byte[] text = "GIF89a? no, this is a letter".getBytes(StandardCharsets.US_ASCII);

		assertThatThrownBy(() -> sanitizer.sanitize("image 2", "hello, not an image".getBytes(StandardCharsets.US_ASCII)))
				.isInstanceOf(RejectedImage.class).hasMessage("image 2 is not an image (JPEG, PNG or GIF)");
		assertThatThrownBy(() -> sanitizer.sanitize("image 3", text)).isInstanceOf(RejectedImage.class)
				.hasMessageStartingWith("image 3 ");
	}

	@Test
	void refusesTooManyBytesAndTooManyPixelsBeforeDecoding() {
		ImageSanitizer small = new ImageSanitizer(100, 40_000_000L);
		ImageSanitizer fewPixels = new ImageSanitizer(10L * 1024 * 1024, 2_000_000L);

		assertThatThrownBy(() -> small.sanitize("image 1", TipImages.png(50, 50))).isInstanceOf(RejectedImage.class)
				.hasMessage("image 1 is larger than 100 bytes");
		assertThatThrownBy(() -> fewPixels.sanitize("image 1", TipImages.png(2000, 1500)))
				.isInstanceOf(RejectedImage.class).hasMessage("image 1 has 3 megapixels; at most 2 are accepted");
		assertThatThrownBy(() -> sanitizer.sanitize("image 4", new byte[0])).hasMessage("image 4 is empty");
	}
}
