package org.beacon.identity;

import java.time.Instant;
import java.util.Set;

import org.beacon.shared.AgencyId;

/**
 * A staff member's account as other modules and the admin pages see it; never carries the password hash.
 *
 * @param lockedUntil end of the current lockout after repeated failed logins, or {@code null}
 * @param email where Beacon may write to the user of its own accord (an overdose alarm), or {@code null}
 */
public record StaffAccount(long id, AgencyId agency, String username, String displayName, Set<Role> roles,
		boolean enabled, boolean mustChangePassword, int failedAttempts, Instant lockedUntil, Instant createdAt,
		Instant updatedAt, String email) {

	public StaffAccount {
		roles = Role.sortedSet(roles);
	}

	/** Whether a lockout is in force at {@code now}; it ends by itself when {@link #lockedUntil} passes. */
	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}
}
