package org.beacon.identity;

import java.util.Set;

import org.beacon.shared.AgencyId;

/**
 * What it takes to create an account. Admin pages always pass {@code mustChangePassword = true} so the
 * temporary password is used once; tests and provisioning scripts may pass {@code false}.
 */
public record NewStaffAccount(AgencyId agency, String username, String displayName, Set<Role> roles,
		String password, boolean mustChangePassword) {

	public NewStaffAccount {
		roles = Role.sortedSet(roles);
	}
}
