package org.beacon.tips.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, 256-bit output, 128-bit random salt. Slow on purpose (OWASP 2023
 * recommends 600,000 iterations), so a stolen table does not give the passphrases back.
 */
final class PassphraseHasher {

	private static final SecureRandom RANDOM = new SecureRandom();

	private PassphraseHasher() {
	}

	static String newSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return Base64.getEncoder().encodeToString(salt);
	}

	static String hash(String passphrase, String salt, int iterations) {
		PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256);
		try {
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			return Base64.getEncoder().encodeToString(key);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
		}
		finally {
			spec.clearPassword();
		}
	}

	/** Constant-time comparison of a typed passphrase with a stored hash. */
	static boolean matches(String passphrase, String salt, int iterations, String expectedHash) {
		byte[] actual = Base64.getDecoder().decode(hash(passphrase, salt, iterations));
		return MessageDigest.isEqual(actual, Base64.getDecoder().decode(expectedHash));
	}
}
