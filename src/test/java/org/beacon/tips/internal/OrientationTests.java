package org.beacon.tips.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pixel by pixel on a lossless 3 × 2 image whose pixels are the letters
 *
 * <pre>
 * a b c
 * d e f
 * </pre>
 *
 * and the upright pictures worked out by hand from the TIFF 6.0 definition of each value ("0th row" side,
 * "0th column" side). Rows of the expected picture are separated by {@code /}.
 */
class OrientationTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({
			"1, abc/def", // 0th row top, 0th column left
			"2, cba/fed", // 0th row top, 0th column right
			"3, fed/cba", // 0th row bottom, 0th column right
			"4, def/abc", // 0th row bottom, 0th column left
			"5, ad/be/cf", // 0th row left, 0th column top
			"6, da/eb/fc", // 0th row right, 0th column top
			"7, fc/eb/da", // 0th row right, 0th column bottom
			"8, cf/be/ad" // 0th row left, 0th column bottom
	})
	void turnsAndMirrorsExactlyAsTheTagSays(int tag, String expected) {
		BufferedImage upright = Orientation.ofTag(tag).upright(letters());

		assertThat(read(upright)).isEqualTo(expected);
	}

	@Test
	void keepsAPalettedImageItsPalette() {
		byte[] grey = { 0, (byte) 128, (byte) 255 };
		IndexColorModel palette = new IndexColorModel(8, 3, grey, grey, grey);
		BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
		image.getRaster().setSample(1, 0, 0, 2);

		BufferedImage upright = Orientation.ROTATE_90_CW.upright(image);

		assertThat(upright.getColorModel()).isSameAs(palette);
		assertThat(upright.getWidth()).isEqualTo(1);
		assertThat(upright.getRaster().getSample(0, 1, 0)).isEqualTo(2);
		assertThat(upright.getRGB(0, 1)).isEqualTo(0xFFFFFFFF);
	}

	@Test
	void valuesOutsideOneToEightAreNormalAndNormalIsTheSameImage() {
		BufferedImage image = letters();

		assertThat(Orientation.ofTag(0)).isEqualTo(Orientation.NORMAL);
		assertThat(Orientation.ofTag(9)).isEqualTo(Orientation.NORMAL);
		assertThat(Orientation.ofTag(-1)).isEqualTo(Orientation.NORMAL);
		assertThat(Orientation.NORMAL.upright(image)).isSameAs(image);
	}

	private static BufferedImage letters() {
		BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		String letters = "abcdef";
		for (int i = 0; i < letters.length(); i++) {
			image.setRGB(i % 3, i / 3, letters.charAt(i));
		}
		return image;
	}

	private static String read(BufferedImage image) {
		StringBuilder rows = new StringBuilder();
		for (int y = 0; y < image.getHeight(); y++) {
			if (y > 0) {
				rows.append('/');
			}
			for (int x = 0; x < image.getWidth(); x++) {
				rows.append((char) (image.getRGB(x, y) & 0xFFFFFF));
			}
		}
		return rows.toString();
	}
}
