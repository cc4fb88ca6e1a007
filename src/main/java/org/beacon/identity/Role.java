package org.beacon.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Staff roles. A user may hold several; Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
	ADMIN, ANALYST, OFFICER, SUPERVISOR, CASE_MANAGER, PARTNER, COMMAND;

	/** An unmodifiable copy that iterates in declaration order; {@code null} gives the empty set. */
	static Set<Role> sortedSet(Collection<Role> roles) {
		EnumSet<Role> copy = EnumSet.noneOf(Role.class);
		if (roles != null) {
			copy.addAll(roles);
		}
		return Collections.unmodifiableSet(copy);
	}
}
