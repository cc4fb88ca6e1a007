package org.beacon.analytics.web;

import java.util.EnumSet;
import java.util.Set;

import org.beacon.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may run analyses (analysts, supervisors, administrators), and who sees every user's jobs (administrators). */
final class AnalyticsAccess {

	static final Set<Role> ALLOWED = EnumSet.of(Role.ANALYST, Role.SUPERVISOR, Role.ADMIN);

	private AnalyticsAccess() {
	}

	/** The signed-in user's name. @throws AccessDeniedException (403) for anyone else */
	static String require() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || ALLOWED.stream().noneMatch(AnalyticsAccess::has)) {
			throw new AccessDeniedException("analytics are for analysts, supervisors and administrators");
		}
		return auth.getName();
	}

	static boolean admin() {
		return has(Role.ADMIN);
	}

	private static boolean has(Role role) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
	}
}
