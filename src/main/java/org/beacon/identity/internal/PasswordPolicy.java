package org.beacon.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.beacon.identity.StaffAccountRejectedException;

/**
 * What a password must be. Length is what makes a password strong (NIST SP 800-63B, section 5.1.1.2):
 * at least 12 characters, no composition rules, and not the username. BCrypt reads no more than 72 bytes
 * and Spring's encoder refuses longer input, so that is the upper bound.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	/** BCrypt's input limit, in UTF-8 bytes. */
	static final int MAX_BYTES = 72;

	/** No 0/O or 1/l/I, so a generated password can be read off a screen and typed without mistakes. */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	private static final int GENERATED_LENGTH = 20;
	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/** @throws StaffAccountRejectedException naming {@code field} when the password breaks a rule */
	static void check(String field, String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new StaffAccountRejectedException(field, "Password must be at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new StaffAccountRejectedException(field, "Password must be at most " + MAX_BYTES
					+ " bytes long: " + MAX_BYTES + " plain letters, fewer accented ones.");
		}
		if (password.strip().equalsIgnoreCase(username)) {
			throw new StaffAccountRejectedException(field, "Password must not be the username.");
		}
	}

	/** A random password of 20 characters from a 57-letter alphabet: about 117 bits. */
	public static String generate() {
		StringBuilder password = new StringBuilder(GENERATED_LENGTH);
		for (int i = 0; i < GENERATED_LENGTH; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
