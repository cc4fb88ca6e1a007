package org.beacon.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.beacon.shared.AgencyId;

/**
 * Creates and manages staff accounts. Every change is written to the {@link AuditTrail} with the acting
 * user (or {@code system} outside a request). Usernames are case-insensitive and stored lower-case.
 * Methods that change an account throw {@link StaffAccountRejectedException} when a rule is broken and
 * {@link java.util.NoSuchElementException} for an unknown username.
 */
public interface StaffAccounts {

	/** Creates an account; the username must be 3 to 64 of {@code a-z 0-9 . _ -} and not taken. */
	StaffAccount create(NewStaffAccount account);

	Optional<StaffAccount> findByUsername(String username);

	/** The signed-in user's account, if the current thread serves an authenticated staff request. */
	Optional<StaffAccount> current();

	/** An agency's accounts, ordered by username. */
	List<StaffAccount> list(AgencyId agency);

	/** Replaces the account's roles. The last enabled {@link Role#ADMIN} cannot lose that role. */
	StaffAccount changeRoles(String username, Set<Role> roles);

	/** Enables or disables the account; a disabled user's open sessions end at their next request. */
	StaffAccount setEnabled(String username, boolean enabled);

	/** Sets a temporary password the user must change at next login, and lifts any lockout. */
	StaffAccount resetPassword(String username, String temporaryPassword);

	/**
	 * The user changes their own password: the current one must match, the new one must meet the
	 * password rules and differ from the current one. Clears {@link StaffAccount#mustChangePassword()}.
	 */
	StaffAccount changePassword(String username, String currentPassword, String newPassword);

	/** Lifts a lockout after failed logins before it expires by itself. */
	StaffAccount unlock(String username);

	/**
	 * Sets the account's e-mail address, or removes it when {@code email} is {@code null} or blank. An address
	 * is at most 254 characters, {@code local@domain} with a dotted domain and no spaces.
	 */
	StaffAccount changeEmail(String username, String email);

	/**
	 * The agency's enabled accounts that hold at least one of {@code roles} and have an e-mail address, ordered by
	 * username: whom a module may write to about something those roles must hear at once.
	 */
	List<StaffAccount> reachableByEmail(AgencyId agency, Set<Role> roles);
}
