package org.beacon.tips.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes the working copy of a tip image: decoded and encoded again with {@code javax.imageio}, which
 * writes pixels only, so EXIF (GPS position, camera serial, time), XMP, IPTC and comments are all gone.
 * A JPEG's EXIF Orientation is applied to the pixels first ({@link ExifOrientation}), so a portrait phone
 * photo stays upright once the tag that said how to turn it is gone.
 * The format is recognised from the bytes, never from the file name or declared type; the pixel count is
 * checked before decoding so a small file cannot expand into gigabytes.
 */
final class ImageSanitizer {

	/** Formats accepted, by ImageIO format name, with the type of the working copy made from each. */
	private static final Map<String, String> ACCEPTED = Map.of("jpeg", "image/jpeg", "png", "image/png", "gif", "image/png",
			"bmp", "image/png");

	private static final Map<String, String> ORIGINAL_TYPES = Map.of("jpeg", "image/jpeg", "png", "image/png", "gif",
			"image/gif", "bmp", "image/bmp");

	/** JPEG quality of the working copy: visually lossless for evidence review. */
	private static final float JPEG_QUALITY = 0.92f;

	private final long maxBytes;
	private final long maxPixels;

	ImageSanitizer(long maxBytes, long maxPixels) {
		this.maxBytes = maxBytes;
		this.maxPixels = maxPixels;
	}

	Sanitized sanitize(String name, byte[] original) {
		if (original.length == 0) {
			throw new RejectedImage(name + " is empty");
		}
		if (original.length > maxBytes) {
			throw new RejectedImage(name + " is larger than " + size(maxBytes));
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new RejectedImage(name + " is not an image (JPEG, PNG or GIF)");
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (format.equals("jpg")) {
					format = "jpeg";
				}
				if (!ACCEPTED.containsKey(format)) {
					throw new RejectedImage(name + " is a " + format + " image; send JPEG, PNG or GIF");
				}
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > maxPixels) {
					throw new RejectedImage(name + " has " + pixels / 1_000_000 + " megapixels; at most "
							+ maxPixels / 1_000_000 + " are accepted");
				}
				BufferedImage image = reader.read(0);
				if (format.equals("jpeg")) {
					// the tag goes with the rest of the metadata, so its turn is made in the pixels
					image = ExifOrientation.of(original).upright(image);
				}
				String workingType = ACCEPTED.get(format);
				byte[] working = workingType.equals("image/jpeg") ? jpeg(image) : png(image);
				return new Sanitized(workingType, image.getWidth(), image.getHeight(), working, sha256(working),
						ORIGINAL_TYPES.get(format), sha256(original), original.length);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof RejectedImage rejected) {
				throw rejected;
			}
			throw new RejectedImage(name + " could not be read as an image");
		}
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		BufferedImage rgb = image;
		if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR
				&& image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
			rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			Graphics2D g = rgb.createGraphics();
			g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
			g.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			// no metadata argument: the writer emits a bare JFIF header and the pixels
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static String size(long bytes) {
		if (bytes >= 1024 * 1024) {
			return bytes / (1024 * 1024) + " MB";
		}
		return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** A working copy and the fingerprint of the original it was made from. */
	record Sanitized(String contentType, int width, int height, byte[] bytes, String sha256, String originalContentType,
			String originalSha256, int originalBytes) {
	}
}
