package org.beacon.reports.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-agency Open311 API keys for POST clients (FixMyStreet, a city app). A key is 32 random bytes shown
 * once when issued; only its SHA-256 is stored (a fast hash is enough for a 256-bit random secret).
 */
@Component
public class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final LookupCache<String, Optional<Long>> verified;

	ApiKeys(JdbcClient jdbc, ObjectProvider<Clock> clock, Open311Properties properties) {
		this.jdbc = jdbc;
		// resolved once, not looked up in the bean factory on every Open311 request
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.verified = new LookupCache<>(properties.lookupTtl(), System::nanoTime);
	}

	/** Issues a key; the returned {@link IssuedKey#key()} is the only time the key is available. */
	public IssuedKey issue(AgencyId agency, String label, String issuedBy) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("""
				INSERT INTO open311_api_key (agency_id, label, key_hash, created_by, created_at)
				VALUES (:agency, :label, :hash, :by, :now)
				""").param("agency", agency.value()).param("label", label).param("hash", sha256(key))
				.param("by", issuedBy).param("now", now()).update();
		long id = jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = :hash").param("hash", sha256(key))
				.query(Long.class).single();
		return new IssuedKey(id, label, key);
	}

	/**
	 * The id of the active key of {@code agency} matching {@code key}, if any. Answers are kept for
	 * {@code beacon.open311.lookup-ttl}; a report is still written only while its key is active (see
	 * {@link ServiceRequestRepository}), so a key revoked on another node stops taking reports at once.
	 */
	public Optional<Long> verify(AgencyId agency, String key) {
		if (key == null || key.isBlank()) {
			return Optional.empty();
		}
		String hash = sha256(key.trim());
		return verified.get(agency.value() + ":" + hash, k -> active(agency, hash));
	}

	private Optional<Long> active(AgencyId agency, String hash) {
		return jdbc.sql("""
				SELECT id FROM open311_api_key
				WHERE agency_id = :agency AND key_hash = :hash AND revoked_at IS NULL
				""").param("agency", agency.value()).param("hash", hash).query(Long.class).optional();
	}

	/** Drops what this node keeps of verified keys, after a report found its key revoked by another node. */
	public void forgetVerified() {
		verified.clear();
	}

	public void revoke(AgencyId agency, long id) {
		jdbc.sql("UPDATE open311_api_key SET revoked_at = :now WHERE id = :id AND agency_id = :agency AND revoked_at IS NULL")
				.param("now", now()).param("id", id).param("agency", agency.value()).update();
		verified.clear();
	}

	public List<KeyInfo> list(AgencyId agency) {
		return jdbc.sql("""
				SELECT id, label, created_by, created_at, revoked_at FROM open311_api_key
				WHERE agency_id = :agency ORDER BY id
				""").param("agency", agency.value())
				.query((rs, n) -> new KeyInfo(rs.getLong("id"), rs.getString("label"), rs.getString("created_by"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
								.orElse(null)))
				.list();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	static String sha256(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** A newly issued key; {@code key} is never stored. */
	public record IssuedKey(long id, String label, String key) {

		@Override
		public String toString() {
			return "IssuedKey[id=" + id + ", label=" + label + "]";
		}
	}

	public record KeyInfo(long id, String label, String createdBy, Instant createdAt, Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}
	}
}
