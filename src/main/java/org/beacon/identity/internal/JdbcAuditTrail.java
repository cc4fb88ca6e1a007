package org.beacon.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import org.beacon.identity.AuditEntry;
import org.beacon.identity.AuditLog;
import org.beacon.identity.AuditTrail;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail in table {@code audit_event}, chained by SHA-256 (see {@link AuditHash}).
 * <p>
 * Each append runs in a transaction of its own: it locks the single {@code audit_head} row
 * ({@code SELECT ... FOR UPDATE}, which H2 and PostgreSQL both honour), takes the next sequence number and
 * the previous hash from it, inserts the row and moves the head. Appends from several nodes therefore
 * take turns and the sequence has no gaps. Because the append commits on its own, an entry survives a
 * rollback of the caller's work (a failed import stays recorded) and the head is never locked for longer
 * than one insert; callers record an outcome once they know it.
 */
@Service
class JdbcAuditTrail implements AuditTrail, AuditLog {

	/** Stands in for the address of work that no HTTP request started, in a command-line run. */
	static final String NO_REQUEST_ADDRESS = "cli";

	/** The same in the web application: its own work (listeners, schedules) that no request started. */
	static final String SERVER_ADDRESS = "server";

	/** Who a background task acts for ({@link #onBehalfOf}); empty on every other thread. */
	private static final ThreadLocal<Actor> BEHALF = new ThreadLocal<>();

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final boolean server;

	JdbcAuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
			Environment environment) {
		this.jdbc = jdbc;
		this.server = environment.matchesProfiles("serve");
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	public void record(String action, String target, String outcome) {
		Actor actor = currentActor();
		append(actor.agency(), actor.name(), actor.address(), action, target, outcome);
	}

	@Override
	public void record(AgencyId agency, String action, String target, String outcome) {
		recordFor(agency, action, target, outcome);
	}

	@Override
	public void record(String actor, String sourceAddress, String action, String target, String outcome) {
		append(null, actor, sourceAddress, action, target, outcome);
	}

	@Override
	public <T> T onBehalfOf(String actor, String sourceAddress, Supplier<T> work) {
		Actor previous = BEHALF.get();
		BEHALF.set(new Actor(actor, sourceAddress == null ? noRequestAddress() : sourceAddress, null));
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				BEHALF.remove();
			}
			else {
				BEHALF.set(previous);
			}
		}
	}

	/** Like {@link #record(String, String, String)}, for a change to something of the given agency. */
	void recordFor(AgencyId agency, String action, String target, String outcome) {
		Actor actor = currentActor();
		append(agency, actor.name(), actor.address(), action, target, outcome);
	}

	/** Records what happened to an account on behalf of someone not (yet) signed in, e.g. a login attempt. */
	void recordFor(AgencyId agency, String actor, String sourceAddress, String action, String target, String outcome) {
		append(agency, actor, sourceAddress, action, target, outcome);
	}

	@Override
	public AuditVerification verify() {
		return new AuditChainWalk(jdbc).run();
	}

	@Override
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("""
				SELECT seq, occurred_at, agency_id, actor, source_address, action, target, outcome, prev_hash, hash
				FROM audit_event ORDER BY seq DESC
				FETCH FIRST :limit ROWS ONLY
				""").param("limit", Math.max(0, limit)).query(JdbcAuditTrail::entry).list();
	}

	@Override
	public List<AuditEntry> latest(AgencyId agency, int limit) {
		return jdbc.sql("""
				SELECT seq, occurred_at, agency_id, actor, source_address, action, target, outcome, prev_hash, hash
				FROM audit_event WHERE agency_id = :agency OR agency_id IS NULL ORDER BY seq DESC
				FETCH FIRST :limit ROWS ONLY
				""").param("agency", agency.value()).param("limit", Math.max(0, limit)).query(JdbcAuditTrail::entry).list();
	}

	/** The client address of the HTTP request this thread serves, or {@code null} outside a request. */
	static String requestAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
				? servlet.getRequest().getRemoteAddr() : null;
	}

	/**
	 * Who is acting: the person a background task acts for ({@link #onBehalfOf}); the signed-in user and
	 * their address; {@code anonymous} for a request nobody signed in to; for work no request started, the
	 * operating-system user at address {@code cli} on the command line, {@code system} at {@code server} in
	 * the web application.
	 */
	private Actor currentActor() {
		Actor behalf = BEHALF.get();
		if (behalf != null) {
			return behalf;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		String address = requestAddress();
		String name = signedIn ? authentication.getName()
				: address != null ? "anonymous" : server ? SYSTEM : System.getProperty("user.name", SYSTEM);
		AgencyId agency = signedIn && authentication.getPrincipal() instanceof StaffPrincipal staff ? staff.agency() : null;
		return new Actor(name, address == null ? noRequestAddress() : address, agency);
	}

	private String noRequestAddress() {
		return server ? SERVER_ADDRESS : NO_REQUEST_ADDRESS;
	}

	private void append(AgencyId agency, String actor, String address, String action, String target, String outcome) {
		Instant now = AuditHash.storable(clock.instant());
		ownTransaction.executeWithoutResult(status -> {
			Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
					.query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
			var unhashed = new AuditEntry(head.seq() + 1, now, agency, text(actor, 200, "system"),
					text(address, 100, NO_REQUEST_ADDRESS), text(action, 100, "unknown"), text(target, 1000, ""),
					text(outcome, 20, "unknown"), head.hash(), null);
			String hash = AuditHash.of(unhashed);
			jdbc.sql("""
					INSERT INTO audit_event (seq, agency_id, occurred_at, actor, source_address, action, target,
					                         outcome, prev_hash, hash)
					VALUES (:seq, :agency, :at, :actor, :address, :action, :target, :outcome, :prev, :hash)
					""")
					.param("seq", unhashed.seq())
					.param("agency", agency == null ? null : agency.value(), java.sql.Types.BIGINT)
					.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
					.param("actor", unhashed.actor()).param("address", unhashed.sourceAddress())
					.param("action", unhashed.action()).param("target", unhashed.target())
					.param("outcome", unhashed.outcome()).param("prev", head.hash()).param("hash", hash)
					.update();
			jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
					.param("seq", unhashed.seq()).param("hash", hash).update();
		});
	}

	/**
	 * What is stored is what is hashed: PostgreSQL refuses NUL characters and every column has a length,
	 * so values are made storable before the hash is taken.
	 */
	private static String text(String value, int maxLength, String whenMissing) {
		String text = value == null || value.isBlank() ? whenMissing : value.replace('\0', '\uFFFD');
		if (text.length() <= maxLength) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
		return text.substring(0, end);
	}

	static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		Long agency = rs.getObject("agency_id", Long.class);
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				agency == null ? null : AgencyId.of(agency), rs.getString("actor"),
				rs.getString("source_address"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	private record Head(long seq, String hash) {
	}

	private record Actor(String name, String address, AgencyId agency) {
	}
}
