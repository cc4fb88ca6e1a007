package org.beacon.tips;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Test images made on the spot. {@link #jpegWithGps} is a JPEG whose EXIF block carries a GPS position
 * (GPSLatitudeRef/GPSLatitude/GPSLongitudeRef/GPSLongitude) and a camera model, the way a phone writes it:
 * APP1 "Exif" segment, big-endian TIFF header, IFD0 with Model and a GPSInfo pointer, then the GPS IFD.
 * {@link #jpegWithOrientation} adds the Orientation tag a phone sets instead of turning the pixels, on a
 * {@link #quadrants} picture whose corners show which way it was turned.
 */
public final class TipImages {

	/** What the camera model field says; a working copy must not contain it. */
	public static final String CAMERA_MODEL = "BeaconTestCam 9000";

	/** The quadrant colours of {@link #quadrants}, far apart so lossy encoding cannot blur one into another. */
	public static final Color TOP_LEFT = Color.RED;
	public static final Color TOP_RIGHT = Color.GREEN;
	public static final Color BOTTOM_LEFT = Color.BLUE;
	public static final Color BOTTOM_RIGHT = Color.YELLOW;

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

	public static byte[] jpeg(BufferedImage image) {
		return encode(image, "jpeg");
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	/** A JPEG with EXIF GPS at 38.6270 N, 90.1994 W (as degrees, minutes, seconds rationals). */
	public static byte[] jpegWithGps() {
		return withSegment(jpeg(picture(64, 48)), exifSegment(exif(ByteOrder.BIG_ENDIAN, 0)));
	}

	/**
	 * A JPEG of {@code picture} whose EXIF block says {@code orientation} (1 to 8; 0 leaves the tag out), with
	 * the camera model and GPS position of {@link #jpegWithGps}, in the given TIFF byte order ("II" or "MM").
	 */
	public static byte[] jpegWithOrientation(BufferedImage picture, int orientation, ByteOrder order) {
		return withSegment(jpeg(picture), exifSegment(exif(order, orientation)));
	}

	/** A phone's portrait photo: stored 64 × 32 (landscape), tagged Orientation 6, with GPS. */
	public static byte[] portraitPhoneJpeg() {
		return jpegWithOrientation(quadrants(64, 32), 6, ByteOrder.BIG_ENDIAN);
	}

	/**
	 * A picture in four colours, one per quadrant, so every turn and mirror gives a different picture:
	 * {@link #TOP_LEFT} red, {@link #TOP_RIGHT} green, {@link #BOTTOM_LEFT} blue, {@link #BOTTOM_RIGHT} yellow.
	 * With sides that are multiples of 32, every 8 × 8 (luma) and 16 × 16 (chroma) JPEG block lies inside one
	 * quadrant, so the corners keep their colour through lossy encoding.
	 */
	public static BufferedImage quadrants(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		int w = width / 2;
		int h = height / 2;
		g.setColor(TOP_LEFT);
		g.fillRect(0, 0, w, h);
		g.setColor(TOP_RIGHT);
		g.fillRect(w, 0, width - w, h);
		g.setColor(BOTTOM_LEFT);
		g.fillRect(0, h, w, height - h);
		g.setColor(BOTTOM_RIGHT);
		g.fillRect(w, h, width - w, height - h);
		g.dispose();
		return image;
	}

	/** The JPEG with {@code segment} inserted right after its APP0 (JFIF) segment, where a camera puts APP1. */
	public static byte[] withSegment(byte[] jpeg, byte[] segment) {
		// SOI (2 bytes), then APP0 JFIF: marker (2) + length (2, counts itself)
		int app0Length = ((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff);
		int insertAt = 4 + app0Length;
		return ByteBuffer.allocate(jpeg.length + segment.length).put(jpeg, 0, insertAt).put(segment)
				.put(jpeg, insertAt, jpeg.length - insertAt).array();
	}

	/** An APP1 segment: marker, length, "Exif\0\0", then {@code tiff} as given (valid or not). */
	public static byte[] exifSegment(byte[] tiff) {
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + header.length + tiff.length;
		return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header)
				.put(tiff).array();
	}

	/**
	 * A TIFF block as a phone writes it: header, IFD0 with Model, Orientation (unless 0) and a GPSInfo pointer,
	 * the model string, then the GPS IFD with latitude and longitude as degree, minute, second rationals.
	 */
	public static byte[] exif(ByteOrder order, int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(256).order(order);
		tiff.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] { 'I', 'I' } : new byte[] { 'M', 'M' });
		tiff.putShort((short) 42).putInt(8);
		byte[] model = (CAMERA_MODEL + "\0").getBytes(StandardCharsets.US_ASCII);
		int entries = orientation == 0 ? 2 : 3;
		int ifd0 = 8;
		int modelOffset = ifd0 + 2 + entries * 12 + 4;
		int gpsIfd = modelOffset + model.length;
		tiff.putShort((short) entries);
		entry(tiff, 0x0110, 2, model.length, modelOffset);
		if (orientation != 0) {
			// SHORT, count 1: the value sits left-justified in the four-byte field
			tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		}
		entry(tiff, 0x8825, 4, 1, gpsIfd);
		tiff.putInt(0);
		tiff.put(model);
		int latData = gpsIfd + 2 + 4 * 12 + 4;
		int lonData = latData + 24;
		tiff.putShort((short) 4);
		entryInline(tiff, 0x0001, 2, 2, new byte[] { 'N', 0, 0, 0 });
		entry(tiff, 0x0002, 5, 3, latData);
		entryInline(tiff, 0x0003, 2, 2, new byte[] { 'W', 0, 0, 0 });
		entry(tiff, 0x0004, 5, 3, lonData);
		tiff.putInt(0);
		tiff.putInt(38).putInt(1).putInt(37).putInt(1).putInt(3720).putInt(100);
		tiff.putInt(90).putInt(1).putInt(11).putInt(1).putInt(5784).putInt(100);
		return Arrays.copyOf(tiff.array(), tiff.position());
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

	/**
	 * Whether the bytes hold the GPS latitude seconds of these fixtures (the rational 3720/100) in either byte
	 * order: eight bytes that JPEG image data will not produce by chance.
	 */
	public static boolean containsGpsPosition(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		for (ByteOrder order : new ByteOrder[] { ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN }) {
			byte[] seconds = ByteBuffer.allocate(8).order(order).putInt(3720).putInt(100).array();
			if (text.contains(new String(seconds, StandardCharsets.ISO_8859_1))) {
				return true;
			}
		}
		return false;
	}

	public static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	private static void entryInline(ByteBuffer b, int tag, int type, int count, byte[] value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).put(value);
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
