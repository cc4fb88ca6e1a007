package org.beacon.tips;

/**
 * Cleans a photo a resident sends, the way tip images are cleaned, so that any resident-facing form can take
 * one without knowing how: the format is read from the bytes, the size and pixel count are limited, a JPEG is
 * turned upright by its EXIF orientation, and the picture is encoded again so that EXIF (GPS position,
 * camera, time), XMP, IPTC and comments are gone. The original's SHA-256 lets a caller seal it.
 */
public interface PhotoCleaning {

	/**
	 * @param label how messages name the upload, usually the form field ({@code photo})
	 * @param original the bytes as uploaded
	 * @throws RejectedPhoto for an empty file, a non-image, a file too large or an image of too many pixels,
	 *     with a message a resident can act on that starts with {@code label}
	 */
	CleanedPhoto clean(String label, byte[] original);
}
