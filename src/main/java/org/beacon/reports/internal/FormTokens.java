package org.beacon.reports.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CSRF tokens for the resident report form that need no session and no cookie: the issue time and a nonce,
 * signed with HMAC-SHA256 under a key kept in {@code report_form_key}, so any node can check a token another
 * node issued. A token is good for {@link #LIFETIME}. It proves the form was served by Beacon; together with the
 * browsers' same-origin rules it stops another site from posting reports through a visitor's browser.
 */
@Component
public class FormTokens {

	/** Long enough to write a report on a phone, short enough that a copied token soon stops working. */
	public static final Duration LIFETIME = Duration.ofHours(4);

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ServiceRequestService requests;
	private volatile byte[] key;

	FormTokens(JdbcClient jdbc, ServiceRequestService requests) {
		this.jdbc = jdbc;
		this.requests = requests;
	}

	public String issue() {
		byte[] nonce = new byte[12];
		RANDOM.nextBytes(nonce);
		String body = requests.now().getEpochSecond() + "." + B64.encodeToString(nonce);
		return body + "." + sign(body);
	}

	/** True when the token is one this deployment signed and it is neither expired nor from the future. */
	public boolean valid(String token) {
		if (token == null || token.length() > 200) {
			return false;
		}
		int last = token.lastIndexOf('.');
		int first = token.indexOf('.');
		if (first <= 0 || last <= first) {
			return false;
		}
		String body = token.substring(0, last);
		if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
				token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		try {
			Instant issued = Instant.ofEpochSecond(Long.parseLong(token.substring(0, first)));
			Instant now = requests.now();
			return !issued.isAfter(now.plusSeconds(300)) && !now.isAfter(issued.plus(LIFETIME));
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			k = HexFormat.of().parseHex(loadOrCreate());
			key = k;
		}
		return k;
	}

	/** The shared key; the first node to need it creates it, and a node that loses that race reads the winner's. */
	private String loadOrCreate() {
		var stored = jdbc.sql("SELECT secret FROM report_form_key WHERE id = 1").query(String.class).optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		try {
			jdbc.sql("INSERT INTO report_form_key (id, secret, created_at) VALUES (1, :secret, :now)")
					.param("secret", HexFormat.of().formatHex(fresh))
					.param("now", OffsetDateTime.ofInstant(requests.now(), ZoneOffset.UTC)).update();
		}
		catch (DuplicateKeyException anotherNodeWasFaster) {
			// its key stands
		}
		return jdbc.sql("SELECT secret FROM report_form_key WHERE id = 1").query(String.class).single();
	}
}
