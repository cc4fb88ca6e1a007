package org.beacon.tips.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Receipt numbers and passphrases in Crockford's base32 (digits and letters without I, L, O, U), grouped
 * for reading aloud and copying by hand. A number has 60 random bits, a passphrase 100: guessing one
 * passphrase, at the rate limit of the receipt form, would take longer than the universe has existed.
 */
public final class ReceiptCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Characters in a receipt number (60 bits). */
	static final int CODE_LENGTH = 12;
	/** Characters in a passphrase (100 bits). */
	static final int PASSPHRASE_LENGTH = 20;

	private ReceiptCodes() {
	}

	static String newCode() {
		return random(CODE_LENGTH);
	}

	static String newPassphrase() {
		return random(PASSPHRASE_LENGTH);
	}

	/** {@code K7Q2M9XD4TPA} as {@code K7Q2-M9XD-4TPA}; passphrases in groups of five. */
	public static String grouped(String normalised, int group) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < normalised.length(); i++) {
			if (i > 0 && i % group == 0) {
				out.append('-');
			}
			out.append(normalised.charAt(i));
		}
		return out.toString();
	}

	/**
	 * What a person typed, made comparable: case and separators ignored, and the letters people confuse
	 * with digits read as Crockford says (O as 0, I and L as 1).
	 */
	public static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == 'O') {
				out.append('0');
			}
			else if (c == 'I' || c == 'L') {
				out.append('1');
			}
			else if (Character.isLetterOrDigit(c) && c < 128) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(out);
	}
}
