package org.beacon.tips.internal;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The eight values of the EXIF/TIFF Orientation tag (0x0112): how the stored rows and columns must be turned
 * to show the picture as the photographer saw it. A phone stores a portrait photo as a landscape sensor readout
 * and sets 6 or 8 instead of turning the pixels; once the tag is stripped, only turning the pixels keeps the
 * photo upright.
 * <p>
 * Each constant maps a stored pixel {@code (x, y)} of a {@code w × h} image to its upright place; the names
 * and mappings follow the TIFF 6.0 definition of the tag ("0th row" and "0th column" sides).
 */
enum Orientation {

	/** 1: 0th row at the top, 0th column at the left; nothing to do. */
	NORMAL(1, false),
	/** 2: 0th row at the top, 0th column at the right: mirrored left to right. */
	MIRROR_HORIZONTAL(2, false),
	/** 3: 0th row at the bottom, 0th column at the right: upside down. */
	ROTATE_180(3, false),
	/** 4: 0th row at the bottom, 0th column at the left: mirrored top to bottom. */
	MIRROR_VERTICAL(4, false),
	/** 5: 0th row at the left, 0th column at the top: mirrored across the main diagonal. */
	TRANSPOSE(5, true),
	/** 6: 0th row at the right, 0th column at the top: turn 90° clockwise (a phone held upright). */
	ROTATE_90_CW(6, true),
	/** 7: 0th row at the right, 0th column at the bottom: mirrored across the anti-diagonal. */
	TRANSVERSE(7, true),
	/** 8: 0th row at the left, 0th column at the bottom: turn 90° counter-clockwise. */
	ROTATE_90_CCW(8, true);

	private final int tag;
	private final boolean swapsSides;

	Orientation(int tag, boolean swapsSides) {
		this.tag = tag;
		this.swapsSides = swapsSides;
	}

	/** The constant for a tag value; values outside 1..8 (seen from broken writers) read as {@link #NORMAL}. */
	static Orientation ofTag(int tag) {
		return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
	}

	int tag() {
		return tag;
	}

	/**
	 * The image turned upright: the same image for {@link #NORMAL}, otherwise a new image of the same colour
	 * model, {@code h × w} when the orientation swaps the sides. Pixels are copied exactly, never resampled.
	 */
	BufferedImage upright(BufferedImage image) {
		if (this == NORMAL) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		ColorModel model = image.getColorModel();
		WritableRaster target = model.createCompatibleWritableRaster(swapsSides ? h : w, swapsSides ? w : h);
		Raster source = image.getRaster();
		Object pixel = null;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				pixel = source.getDataElements(x, y, pixel);
				target.setDataElements(uprightX(x, y, w, h), uprightY(x, y, w, h), pixel);
			}
		}
		return new BufferedImage(model, target, model.isAlphaPremultiplied(), null);
	}

	private int uprightX(int x, int y, int w, int h) {
		return switch (this) {
			case NORMAL, MIRROR_VERTICAL -> x;
			case MIRROR_HORIZONTAL, ROTATE_180 -> w - 1 - x;
			case TRANSPOSE, ROTATE_90_CCW -> y;
			case ROTATE_90_CW, TRANSVERSE -> h - 1 - y;
		};
	}

	private int uprightY(int x, int y, int w, int h) {
		return switch (this) {
			case NORMAL, MIRROR_HORIZONTAL -> y;
			case ROTATE_180, MIRROR_VERTICAL -> h - 1 - y;
			case TRANSPOSE, ROTATE_90_CW -> x;
			case TRANSVERSE, ROTATE_90_CCW -> w - 1 - x;
		};
	}
}
