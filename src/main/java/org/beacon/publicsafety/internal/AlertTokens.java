package org.beacon.publicsafety.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tokens in confirmation and unsubscribe links ({@code alert_token}). A token is 256 random bits, URL-safe
 * Base64; only its SHA-256 is stored, so a copy of the database confirms or ends nothing. A fast hash is enough
 * here: a 256-bit random secret cannot be guessed from its digest, unlike a password a person chose.
 * <p>
 * Each message gets a token of its own ({@link #issue}, just before it is sent), and every token issued stays
 * valid, so a link in an old e-mail still works. A link is checked by looking its hash up and then comparing the
 * digests in constant time.
 */
@Component
public class AlertTokens {

	/** What a token may do. */
	public enum Purpose {
		CONFIRM, UNSUBSCRIBE
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ObjectProvider<Clock> clock;

	AlertTokens(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new token for the subscription, its hash committed before the token is returned, so a link sent with it
	 * works even if the sender's transaction rolls back later.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String issue(long subscriptionId, Purpose purpose) {
		byte[] b = new byte[32];
		RANDOM.nextBytes(b);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
		Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
		jdbc.sql("""
				INSERT INTO alert_token (token_hash, subscription_id, purpose, created_at)
				VALUES (:hash, :subscription, :purpose, :now)""").param("hash", hash(token))
				.param("subscription", subscriptionId).param("purpose", purpose.name())
				.param("now", SubscriptionRepository.utc(now)).update();
		return token;
	}

	/** The subscription a token of this purpose was issued for; empty for an unknown, blank or other token. */
	public Optional<Long> subscriptionOf(String token, Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		String digest = hash(token.trim());
		return jdbc.sql("SELECT token_hash, subscription_id, purpose FROM alert_token WHERE token_hash = :hash")
				.param("hash", digest)
				.query((rs, n) -> new Stored(rs.getString("token_hash"), rs.getLong("subscription_id"), rs.getString("purpose")))
				.optional()
				.filter(s -> MessageDigest.isEqual(HexFormat.of().parseHex(s.hash()), HexFormat.of().parseHex(digest)))
				.filter(s -> s.purpose().equals(purpose.name()))
				.map(Stored::subscription);
	}

	/** Lower-case hex SHA-256 of the token's UTF-8 bytes, as migration V72 computes it for older tokens. */
	static String hash(String token) {
		try {
			return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private record Stored(String hash, long subscription, String purpose) {
	}
}
