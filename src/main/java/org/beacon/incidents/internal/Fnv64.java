package org.beacon.incidents.internal;

/**
 * 64-bit FNV-1a over UTF-16 code units, with fields separated by U+001F. Used for the content hash that
 * detects changed rows and for the key of rows without an id. Not cryptographic: only equal input must give
 * equal output, and 64 bits make an accidental collision among a city's records negligible (about 1 in 10⁷
 * for ten million rows). Reference: Fowler, Noll, Vo, "FNV hash", IETF draft-eastlake-fnv.
 */
final class Fnv64 {

	static final long OFFSET_BASIS = 0xcbf29ce484222325L;
	private static final long PRIME = 0x100000001b3L;
	private static final char SEPARATOR = '\u001F';

	private long hash = OFFSET_BASIS;

	Fnv64 add(String value) {
		long h = hash;
		if (value != null) {
			for (int i = 0, n = value.length(); i < n; i++) {
				h = (h ^ value.charAt(i)) * PRIME;
			}
		}
		hash = (h ^ SEPARATOR) * PRIME;
		return this;
	}

	Fnv64 add(long value) {
		long h = hash;
		for (int shift = 0; shift < 64; shift += 16) {
			h = (h ^ ((value >>> shift) & 0xFFFF)) * PRIME;
		}
		hash = (h ^ SEPARATOR) * PRIME;
		return this;
	}

	Fnv64 add(double value) {
		return add(Double.doubleToLongBits(value));
	}

	Fnv64 add(boolean value) {
		return add(value ? 1L : 0L);
	}

	long value() {
		return hash;
	}

	/** The hash as 16 lower-case hex digits. */
	String hex() {
		String hex = Long.toHexString(hash);
		return "0".repeat(16 - hex.length()) + hex;
	}
}
