package org.beacon.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code staff_account} and {@code user_role}. Usernames arrive here already lower-cased. */
@Repository
class AccountRepository {

	private static final String COLUMNS = """
			id, agency_id, username, password_hash, display_name, enabled, must_change_password, failed_attempts,
			locked_until, created_at, updated_at, email""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account with its password hash, which never leaves this module. */
	record Stored(StaffAccount account, String passwordHash) {
	}

	/**
	 * Inserts the account unless the username is taken and returns whether it did. Two nodes racing to
	 * insert the same name both pass {@code NOT EXISTS}; the unique constraint then rejects the slower one,
	 * which the caller sees as a {@code DuplicateKeyException}.
	 */
	boolean insertIfAbsent(NewStaffAccount account, String passwordHash, Instant now) {
		int inserted = jdbc.sql("""
				INSERT INTO staff_account (agency_id, username, password_hash, display_name, enabled,
				                           must_change_password, failed_attempts, created_at, updated_at)
				SELECT :agency, :username, :hash, :displayName, TRUE, :mustChange, 0, :now, :now
				WHERE NOT EXISTS (SELECT 1 FROM staff_account WHERE username = :username)
				""")
				.param("agency", account.agency().value()).param("username", account.username())
				.param("hash", passwordHash).param("displayName", account.displayName())
				.param("mustChange", account.mustChangePassword()).param("now", timestamp(now))
				.update();
		if (inserted == 0) {
			return false;
		}
		long id = jdbc.sql("SELECT id FROM staff_account WHERE username = :username")
				.param("username", account.username()).query(Long.class).single();
		replaceRoles(id, account.agency(), account.roles());
		return true;
	}

	Optional<Stored> find(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE username = :username")
				.param("username", username).query((rs, n) -> stored(rs)).optional()
				.map(row -> withRoles(row, rolesOf(row.account().id())));
	}

	List<StaffAccount> list(AgencyId agency) {
		Map<Long, Set<Role>> roles = new HashMap<>();
		jdbc.sql("SELECT account_id, role FROM user_role WHERE agency_id = :agency").param("agency", agency.value())
				.query(rs -> {
					roles.computeIfAbsent(rs.getLong("account_id"), id -> EnumSet.noneOf(Role.class))
							.add(Role.valueOf(rs.getString("role")));
				});
		// sorted here, not by the database, so the order does not depend on its collation
		return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE agency_id = :agency")
				.param("agency", agency.value()).query((rs, n) -> stored(rs)).list().stream()
				.map(row -> withRoles(row, roles.getOrDefault(row.account().id(), Set.of())).account())
				.sorted(Comparator.comparing(StaffAccount::username)).toList();
	}

	void replaceRoles(long accountId, AgencyId agency, Set<Role> roles) {
		jdbc.sql("DELETE FROM user_role WHERE account_id = :id").param("id", accountId).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (account_id, agency_id, role) VALUES (:id, :agency, :role)")
					.param("id", accountId).param("agency", agency.value()).param("role", role.name()).update();
		}
	}

	void touch(long accountId, Instant now) {
		jdbc.sql("UPDATE staff_account SET updated_at = :now WHERE id = :id")
				.param("now", timestamp(now)).param("id", accountId).update();
	}

	void setEnabled(long accountId, boolean enabled, Instant now) {
		jdbc.sql("UPDATE staff_account SET enabled = :enabled, updated_at = :now WHERE id = :id")
				.param("enabled", enabled).param("now", timestamp(now)).param("id", accountId).update();
	}

	/** Stores a new password hash and lifts any lockout. */
	void setPassword(long accountId, String passwordHash, boolean mustChange, Instant now) {
		jdbc.sql("""
				UPDATE staff_account
				SET password_hash = :hash, must_change_password = :mustChange, failed_attempts = 0,
				    locked_until = NULL, updated_at = :now
				WHERE id = :id
				""").param("hash", passwordHash).param("mustChange", mustChange).param("now", timestamp(now))
				.param("id", accountId).update();
	}

	/** Re-hashes a password in a newer encoding without touching the rest of the account. */
	void upgradePasswordHash(String username, String passwordHash) {
		jdbc.sql("UPDATE staff_account SET password_hash = :hash WHERE username = :username")
				.param("hash", passwordHash).param("username", username).update();
	}

	void setEmail(long accountId, String email, Instant now) {
		jdbc.sql("UPDATE staff_account SET email = :email, updated_at = :now WHERE id = :id")
				.param("email", email).param("now", timestamp(now)).param("id", accountId).update();
	}

	/** Enabled accounts of the agency with an e-mail and at least one of the roles, with all their roles. */
	List<StaffAccount> reachableByEmail(AgencyId agency, Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		List<Stored> rows = jdbc.sql("SELECT " + COLUMNS + """
				 FROM staff_account a
				WHERE a.agency_id = :agency AND a.enabled = TRUE AND a.email IS NOT NULL
				  AND EXISTS (SELECT 1 FROM user_role r WHERE r.account_id = a.id AND r.role IN (:roles))
				""").param("agency", agency.value()).param("roles", roles.stream().map(Role::name).toList())
				.query((rs, n) -> stored(rs)).list();
		return rows.stream().map(row -> withRoles(row, rolesOf(row.account().id())).account())
				.sorted(Comparator.comparing(StaffAccount::username)).toList();
	}

	void unlock(long accountId, Instant now) {
		jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL, updated_at = :now WHERE id = :id")
				.param("now", timestamp(now)).param("id", accountId).update();
	}

	/**
	 * Counts a failed login in one statement, so concurrent failures on several nodes all count. An
	 * expired lockout starts the count afresh; a lockout in force is neither lifted nor extended; the
	 * failure that reaches {@code maxAttempts} locks the account until {@code lockUntil}.
	 *
	 * @return the failure count after this one, or 0 for an unknown username
	 */
	int recordFailure(String username, int maxAttempts, Instant now, Instant lockUntil) {
		jdbc.sql("""
				UPDATE staff_account SET
				    failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
				                           ELSE failed_attempts + 1 END,
				    locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
				                        WHEN locked_until IS NOT NULL THEN locked_until
				                        WHEN failed_attempts + 1 >= :max THEN :lockUntil
				                        ELSE NULL END
				WHERE username = :username
				""").param("now", timestamp(now)).param("max", maxAttempts).param("lockUntil", timestamp(lockUntil))
				.param("username", username).update();
		return jdbc.sql("SELECT failed_attempts FROM staff_account WHERE username = :username")
				.param("username", username).query(Integer.class).optional().orElse(0);
	}

	/** Clears the failure count after a successful login; writes nothing when there is nothing to clear. */
	void recordSuccess(String username) {
		jdbc.sql("""
				UPDATE staff_account SET failed_attempts = 0, locked_until = NULL
				WHERE username = :username AND (failed_attempts > 0 OR locked_until IS NOT NULL)
				""").param("username", username).update();
	}

	int countEnabledWithRole(Role role) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM staff_account a JOIN user_role r ON r.account_id = a.id
				WHERE a.enabled = TRUE AND r.role = :role
				""").param("role", role.name()).query(Integer.class).single();
	}

	private Set<Role> rolesOf(long accountId) {
		return jdbc.sql("SELECT role FROM user_role WHERE account_id = :id").param("id", accountId)
				.query((rs, n) -> Role.valueOf(rs.getString("role"))).set();
	}

	private static Stored withRoles(Stored row, Set<Role> roles) {
		StaffAccount a = row.account();
		return new Stored(new StaffAccount(a.id(), a.agency(), a.username(), a.displayName(), roles, a.enabled(),
				a.mustChangePassword(), a.failedAttempts(), a.lockedUntil(), a.createdAt(), a.updatedAt(), a.email()),
				row.passwordHash());
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		return new Stored(new StaffAccount(rs.getLong("id"), AgencyId.of(rs.getLong("agency_id")),
				rs.getString("username"), rs.getString("display_name"), Set.of(), rs.getBoolean("enabled"),
				rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
				lockedUntil == null ? null : lockedUntil.toInstant(),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("email")),
				rs.getString("password_hash"));
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
