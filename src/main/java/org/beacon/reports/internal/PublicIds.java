package org.beacon.reports.internal;

import java.security.SecureRandom;

/**
 * Random public ids and tokens in Crockford's base32 (no I, L, O, U: easy to read out on the phone).
 * Random rather than sequential, so ids say nothing about how many reports, or private reports, exist.
 */
final class PublicIds {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private PublicIds() {
	}

	/** 10 characters, 50 bits. */
	static String requestId() {
		return random(10);
	}

	/** 26 characters, 130 bits. */
	static String token() {
		return random(26);
	}

	static String random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(out);
	}
}
