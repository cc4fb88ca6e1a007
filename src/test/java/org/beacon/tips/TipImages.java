package org.beacon.tips;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Test images made on the spot. {@link #jpegWithGps} is a JPEG whose EXIF block carries a GPS position
 * (GPSLatitudeRef/GPSLatitude/GPSLongitudeRef/GPSLongitude) and a camera model, the way a phone writes it:
 * APP1 "Exif" segment, big-endian TIFF header, IFD0 with Model and a GPSInfo pointer, then the GPS IFD.
 */
public final class TipImages {

	/** What the camera model field says; a working copy must not contain it. */
	public static final String CAMERA_MODEL = "BeaconTestCam 9000";

	private TipImages() {
	}

	public static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 90, 160));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	/** A JPEG with EXIF GPS at 38.6270 N, 90.1994 W (as degrees, minutes, seconds rationals). */
	public static byte[] jpegWithGps() {
		byte[] plain = encode(picture(64, 48), "jpeg");
		// SOI (2 bytes), then APP0 JFIF: marker (2) + length (2, counts itself)
		int app0Length = ((plain[4] & 0xff) << 8) | (plain[5] & 0xff);
		int insertAt = 4 + app0Length;
		byte[] app1 = exifApp1();
		ByteBuffer out = ByteBuffer.allocate(plain.length + app1.length);
		out.put(plain, 0, insertAt).put(app1).put(plain, insertAt, plain.length - insertAt);
		return out.array();
	}

	/** The JPEG marker codes of every segment before the image data (start of scan). */
	public static List<Integer> markers(byte[] jpeg) {
		List<Integer> markers = new ArrayList<>();
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
			int marker = jpeg[i + 1] & 0xff;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
			i += 2 + length;
		}
		return markers;
	}

	public static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	private static byte[] exifApp1() {
		ByteBuffer tiff = ByteBuffer.allocate(256);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		byte[] model = (CAMERA_MODEL + "\0").getBytes(StandardCharsets.US_ASCII);
		// IFD0 at 8: 2 entries (Model, GPSInfo), next IFD 0
		int ifd0 = 8;
		int ifd0Size = 2 + 2 * 12 + 4;
		int modelOffset = ifd0 + ifd0Size;
		int gpsIfd = modelOffset + model.length;
		tiff.putShort((short) 2);
		entry(tiff, 0x0110, 2, model.length, modelOffset);
		entry(tiff, 0x8825, 4, 1, gpsIfd);
		tiff.putInt(0);
		tiff.put(model);
		// GPS IFD: 4 entries, then 6 rationals (lat d/m/s, lon d/m/s)
		int gpsSize = 2 + 4 * 12 + 4;
		int latData = gpsIfd + gpsSize;
		int lonData = latData + 24;
		tiff.putShort((short) 4);
		entryInline(tiff, 0x0001, 2, 2, new byte[] { 'N', 0, 0, 0 });
		entry(tiff, 0x0002, 5, 3, latData);
		entryInline(tiff, 0x0003, 2, 2, new byte[] { 'W', 0, 0, 0 });
		entry(tiff, 0x0004, 5, 3, lonData);
		tiff.putInt(0);
		rational(tiff, 38, 1).rational(tiff, 37, 1).rational(tiff, 3720, 100);
		rational(tiff, 90, 1).rational(tiff, 11, 1).rational(tiff, 5784, 100);
		byte[] tiffBytes = new byte[tiff.position()];
		tiff.flip().get(tiffBytes);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + header.length + tiffBytes.length;
		return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header)
				.put(tiffBytes).array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	private static void entryInline(ByteBuffer b, int tag, int type, int count, byte[] value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).put(value);
	}

	private static Rational rational(ByteBuffer b, int numerator, int denominator) {
		b.putInt(numerator).putInt(denominator);
		return new Rational();
	}

	private static final class Rational {
		Rational rational(ByteBuffer b, int numerator, int denominator) {
			b.putInt(numerator).putInt(denominator);
			return this;
		}
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
