package org.beacon.tips.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a client address into a rate-limit key: HMAC-SHA-256 under a random salt made at start and held
 * only in this object, truncated to 64 bits. The salt is never written anywhere, so the keys cannot be
 * reversed or joined with any log, even by someone who reads the memory of another node.
 */
final class AddressHasher {

	private final byte[] salt = new byte[32];

	AddressHasher() {
		new SecureRandom().nextBytes(salt);
	}

	String key(String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}
}
