package org.beacon.tips.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the one EXIF field the working copy still needs, Orientation (tag 0x0112 in IFD0), from a JPEG's
 * APP1 "Exif" segment before {@link ImageSanitizer} drops all metadata. Everything else in the block is
 * ignored. Files come from anyone, so the parser never trusts an offset or a count: whatever is missing,
 * truncated or out of range reads as {@link Orientation#NORMAL} and the pixels stay as they were; an upload
 * is never refused because of its EXIF block.
 * <p>
 * Layout (JPEG ITU T.81 B.1.1, Exif 2.32 §4.5, TIFF 6.0 §2): markers {@code FF xx} with a two-byte big-endian
 * length that counts itself; APP1 = {@code FF E1}, payload {@code "Exif\0\0"} then a TIFF block: byte order
 * {@code "II"} (little-endian) or {@code "MM"} (big-endian), the number 42, the offset of IFD0; an IFD is a
 * two-byte entry count then 12-byte entries (tag, type, count, value or offset), offsets counted from the
 * start of the TIFF block.
 */
final class ExifOrientation {

	private static final int MARKER = 0xFF;
	private static final int START_OF_IMAGE = 0xD8;
	private static final int APP1 = 0xE1;
	private static final int START_OF_SCAN = 0xDA;
	private static final int END_OF_IMAGE = 0xD9;
	private static final int TEMPORARY = 0x01;
	private static final int RESTART_0 = 0xD0;
	private static final int RESTART_7 = 0xD7;
	private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
	private static final int TIFF_MAGIC = 42;
	private static final int ORIENTATION_TAG = 0x0112;
	private static final int TYPE_SHORT = 3;
	private static final int ENTRY_BYTES = 12;

	private ExifOrientation() {
	}

	/** The orientation a JPEG declares, or {@link Orientation#NORMAL} if it declares none or cannot be read. */
	static Orientation of(byte[] jpeg) {
		byte[] tiff = exifBlock(jpeg);
		return tiff == null ? Orientation.NORMAL : Orientation.ofTag(orientationTag(tiff));
	}

	/** The TIFF block of the first APP1 "Exif" segment before the image data, or null. */
	private static byte[] exifBlock(byte[] jpeg) {
		if (jpeg.length < 4 || u8(jpeg, 0) != MARKER || u8(jpeg, 1) != START_OF_IMAGE) {
			return null;
		}
		int i = 2;
		while (i + 4 <= jpeg.length) {
			if (u8(jpeg, i) != MARKER) {
				return null;
			}
			int marker = u8(jpeg, i + 1);
			if (marker == MARKER) {
				i++; // fill byte before a marker
				continue;
			}
			if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
				return null;
			}
			if (marker == TEMPORARY || (marker >= RESTART_0 && marker <= RESTART_7)) {
				i += 2; // a marker without a length field
				continue;
			}
			int length = (u8(jpeg, i + 2) << 8) | u8(jpeg, i + 3);
			int payload = i + 4;
			int end = i + 2 + length;
			if (length < 2 || end > jpeg.length) {
				return null;
			}
			if (marker == APP1 && end - payload >= EXIF_HEADER.length
					&& Arrays.equals(jpeg, payload, payload + EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
				return Arrays.copyOfRange(jpeg, payload + EXIF_HEADER.length, end);
			}
			i = end;
		}
		return null;
	}

	/** The Orientation value in IFD0 of a TIFF block, or 0 if there is none or the block is malformed. */
	private static int orientationTag(byte[] tiff) {
		if (tiff.length < 8) {
			return 0;
		}
		boolean littleEndian;
		if (tiff[0] == 'I' && tiff[1] == 'I') {
			littleEndian = true;
		}
		else if (tiff[0] == 'M' && tiff[1] == 'M') {
			littleEndian = false;
		}
		else {
			return 0;
		}
		if (u16(tiff, 2, littleEndian) != TIFF_MAGIC) {
			return 0;
		}
		long ifd0 = u32(tiff, 4, littleEndian);
		if (ifd0 < 8 || ifd0 + 2 > tiff.length) {
			return 0;
		}
		int entries = u16(tiff, (int) ifd0, littleEndian);
		for (int n = 0; n < entries; n++) {
			long entry = ifd0 + 2 + (long) n * ENTRY_BYTES;
			if (entry + ENTRY_BYTES > tiff.length) {
				return 0;
			}
			int at = (int) entry;
			if (u16(tiff, at, littleEndian) == ORIENTATION_TAG) {
				boolean oneShort = u16(tiff, at + 2, littleEndian) == TYPE_SHORT && u32(tiff, at + 4, littleEndian) == 1;
				// a SHORT that fits in four bytes sits in the value field itself, left-justified
				return oneShort ? u16(tiff, at + 8, littleEndian) : 0;
			}
		}
		return 0;
	}

	private static int u8(byte[] b, int at) {
		return b[at] & 0xff;
	}

	private static int u16(byte[] b, int at, boolean littleEndian) {
		return littleEndian ? u8(b, at) | u8(b, at + 1) << 8 : u8(b, at) << 8 | u8(b, at + 1);
	}

	private static long u32(byte[] b, int at, boolean littleEndian) {
		long high = u16(b, littleEndian ? at + 2 : at, littleEndian);
		long low = u16(b, littleEndian ? at : at + 2, littleEndian);
		return high << 16 | low;
	}
}
