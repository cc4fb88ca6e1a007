package org.beacon.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.beacon.identity.AuditEntry;

/**
 * The hash of an audit row: SHA-256, as lower-case hex, over the UTF-8 bytes of its canonical form.
 * The canonical form is one line per field, in this order:
 *
 * <pre>
 * seq            decimal, e.g. 57
 * occurred_at    UTC, microseconds, e.g. 2025-03-01T14:05:09.123456Z
 * agency_id      decimal, or empty when the row has no agency
 * actor          length:value, e.g. 5:alice
 * source_address length:value
 * action         length:value
 * target         length:value
 * outcome        length:value
 * prev_hash      64 hex digits (64 zeros before the first row)
 * </pre>
 *
 * Each text field carries its length (in UTF-16 code units) so that no choice of characters, newlines
 * included, can make two different rows serialise alike. {@code agency_id} is hashed too, although it is
 * not a fact about the event, so that moving a row to another agency is detected like any other edit.
 */
final class AuditHash {

	/** The {@code prev_hash} of the first row. */
	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
			.withZone(ZoneOffset.UTC);

	private AuditHash() {
	}

	static String of(AuditEntry entry) {
		return sha256(canonical(entry));
	}

	static String canonical(AuditEntry entry) {
		return entry.seq() + "\n" + MICROS.format(entry.occurredAt()) + "\n"
				+ (entry.agency() == null ? "" : entry.agency().value()) + "\n" + field(entry.actor())
				+ field(entry.sourceAddress()) + field(entry.action()) + field(entry.target()) + field(entry.outcome())
				+ entry.prevHash();
	}

	/** Database timestamps keep microseconds; the hash must be computed over what is stored. */
	static Instant storable(Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	private static String field(String value) {
		return value.length() + ":" + value + "\n";
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime provides SHA-256", e);
		}
	}
}
