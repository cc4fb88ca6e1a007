package org.beacon.tips.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;
import org.beacon.tips.DialogueMessage;
import org.beacon.tips.IssuedReceipt;
import org.beacon.tips.ReceiptSubject;
import org.beacon.tips.Receipts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts in tables {@code receipt} and {@code receipt_message}. Times of the resident's own actions are
 * kept to the hour, so they cannot be matched to the second against network logs kept elsewhere.
 */
@Service
public class ReceiptService implements Receipts {

	/** Most characters of one dialogue message. */
	public static final int MAX_MESSAGE = 4000;

	private final JdbcClient jdbc;
	private final TipsProperties properties;
	private final ObjectProvider<Clock> clock;

	ReceiptService(JdbcClient jdbc, TipsProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional
	public IssuedReceipt issue(AgencyId agency, ReceiptSubject subject) {
		String passphrase = ReceiptCodes.newPassphrase();
		String salt = PassphraseHasher.newSalt();
		int iterations = properties.passphraseIterations();
		String hash = PassphraseHasher.hash(passphrase, salt, iterations);
		Instant created = hour(now());
		Instant expires = keptOpenFrom(now());
		for (int attempt = 1;; attempt++) {
			String code = ReceiptCodes.newCode();
			try {
				jdbc.sql("""
						INSERT INTO receipt (agency_id, code, passphrase_hash, salt, iterations, subject, created_at, expires_at)
						VALUES (:agency, :code, :hash, :salt, :iterations, :subject, :created, :expires)
						""").param("agency", agency.value()).param("code", code).param("hash", hash).param("salt", salt)
						.param("iterations", iterations).param("subject", subject.db()).param("created", utc(created))
						.param("expires", utc(expires)).update();
				long id = jdbc.sql("SELECT id FROM receipt WHERE code = :code").param("code", code).query(Long.class).single();
				return new IssuedReceipt(id, ReceiptCodes.grouped(code, 4), ReceiptCodes.grouped(passphrase, 5), expires);
			}
			catch (DuplicateKeyException collision) {
				if (attempt == 3) {
					throw collision;
				}
			}
		}
	}

	/**
	 * Checks a receipt number and passphrase as typed. The slow hash runs even for unknown numbers, so the
	 * answer time does not tell which numbers exist.
	 */
	public Access open(String typedCode, String typedPassphrase) {
		String code = ReceiptCodes.normalise(typedCode);
		String passphrase = ReceiptCodes.normalise(typedPassphrase);
		Optional<Stored> stored = jdbc.sql("""
				SELECT id, agency_id, passphrase_hash, salt, iterations, subject, expires_at FROM receipt WHERE code = :code
				""").param("code", code).query(ReceiptService::stored).optional();
		if (stored.isEmpty()) {
			PassphraseHasher.hash(passphrase, PassphraseHasher.newSalt(), properties.passphraseIterations());
			return Access.denied();
		}
		Stored s = stored.get();
		if (!PassphraseHasher.matches(passphrase, s.salt(), s.iterations(), s.hash())) {
			return Access.denied();
		}
		if (now().isAfter(s.expiresAt())) {
			return new Access(Access.Result.EXPIRED, s.id(), s.subject(), s.expiresAt(), AgencyId.of(s.agencyId()));
		}
		return new Access(Access.Result.OPEN, s.id(), s.subject(), s.expiresAt(), AgencyId.of(s.agencyId()));
	}

	@Override
	@Transactional
	public void ask(long receiptId, String question, String staffUser) {
		add(receiptId, DialogueMessage.Sender.STAFF, question, staffUser, now());
	}

	/** The resident's message; only for a receipt {@link #open} said is open. */
	@Transactional
	public void reply(Access access, String text) {
		if (access.result() != Access.Result.OPEN) {
			throw new IllegalStateException("receipt is not open");
		}
		add(access.receiptId(), DialogueMessage.Sender.RESIDENT, text, null, hour(now()));
	}

	private void add(long receiptId, DialogueMessage.Sender sender, String text, String author, Instant at) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("message is required");
		}
		if (text.length() > MAX_MESSAGE) {
			throw new IllegalArgumentException("message must be at most " + MAX_MESSAGE + " characters");
		}
		jdbc.sql("""
				INSERT INTO receipt_message (receipt_id, sender, body, author, created_at)
				VALUES (:receipt, :sender, :body, :author, :at)
				""").param("receipt", receiptId).param("sender", sender.name().toLowerCase(java.util.Locale.ROOT))
				.param("body", text.trim()).param("author", author).param("at", utc(at)).update();
		Instant keepOpenUntil = keptOpenFrom(now());
		jdbc.sql("UPDATE receipt SET expires_at = :until WHERE id = :id AND expires_at < :until")
				.param("until", utc(keepOpenUntil)).param("id", receiptId).update();
	}

	/** In the order written; resident times are coarsened to the hour, so they cannot order the dialogue. */
	@Override
	public List<DialogueMessage> dialogue(long receiptId) {
		return jdbc.sql("""
				SELECT id, sender, body, created_at, author FROM receipt_message WHERE receipt_id = :receipt
				ORDER BY id
				""").param("receipt", receiptId)
				.query((rs, n) -> new DialogueMessage(rs.getLong("id"),
						DialogueMessage.Sender.valueOf(rs.getString("sender").toUpperCase(java.util.Locale.ROOT)),
						rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("author")))
				.list();
	}

	@Override
	public Optional<Instant> expiresAt(long receiptId) {
		return jdbc.sql("SELECT expires_at FROM receipt WHERE id = :id").param("id", receiptId)
				.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
	}

	Instant now() {
		return clock.getIfAvailable(Clock::systemUTC).instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * When a receipt's dialogue closes if nothing more is said after {@code t}: the lifetime counted from the
	 * next full hour, so that the stored expiry does not give away the minute a resident wrote.
	 */
	private Instant keptOpenFrom(Instant t) {
		return hour(t).plus(1, ChronoUnit.HOURS).plus(properties.receiptLifetime());
	}

	static Instant hour(Instant t) {
		return t.truncatedTo(ChronoUnit.HOURS);
	}

	static OffsetDateTime utc(Instant t) {
		return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("passphrase_hash"), rs.getString("salt"),
				rs.getInt("iterations"), ReceiptSubject.valueOf(rs.getString("subject").toUpperCase(java.util.Locale.ROOT)),
				rs.getObject("expires_at", OffsetDateTime.class).toInstant());
	}

	private record Stored(long id, long agencyId, String hash, String salt, int iterations, ReceiptSubject subject,
			Instant expiresAt) {
	}

	/** The result of checking a receipt. Only {@link Result#OPEN} lets the resident read and reply. */
	public record Access(Result result, long receiptId, ReceiptSubject subject, Instant expiresAt, AgencyId agency) {

		public enum Result {
			OPEN, EXPIRED, DENIED
		}

		static Access denied() {
			return new Access(Result.DENIED, 0, null, null, null);
		}
	}
}
