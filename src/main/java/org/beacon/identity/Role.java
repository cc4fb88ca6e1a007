package org.beacon.identity;

/** Staff roles. A user may hold several; Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
	ADMIN, ANALYST, OFFICER, SUPERVISOR, CASE_MANAGER, PARTNER, COMMAND
}
