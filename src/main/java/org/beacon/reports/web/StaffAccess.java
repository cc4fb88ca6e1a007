package org.beacon.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.identity.Role;
import org.beacon.identity.SignedInStaff;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Who may do what on the staff report pages. The staff security chain (identity) authenticates; this
 * decides by role, because only this module knows its pages:
 * <ul>
 * <li>read the queue and records: OFFICER, SUPERVISOR, ANALYST, ADMIN;</li>
 * <li>act (assign, recategorise, notes, updates, close, ask): OFFICER, SUPERVISOR, ADMIN;</li>
 * <li>moderate what becomes public, release held tips, read sealed originals and reporter contact details:
 * SUPERVISOR, ADMIN;</li>
 * <li>issue and revoke Open311 API keys: ADMIN.</li>
 * </ul>
 * A refusal is an {@link AccessDeniedException}, which the staff chain turns into a login redirect or 403.
 */
final class StaffAccess implements HandlerInterceptor {

	static final Role[] READ = { Role.OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.ADMIN };
	static final Role[] ACT = { Role.OFFICER, Role.SUPERVISOR, Role.ADMIN };
	static final Role[] OVERSEE = { Role.SUPERVISOR, Role.ADMIN };
	static final Role[] ADMINISTER = { Role.ADMIN };

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		require(READ);
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			require(ACT);
		}
		return true;
	}

	/** The signed-in user's name, after checking they hold one of {@code roles}. */
	static String require(Role... roles) {
		return SignedInStaff.require(roles);
	}

	static boolean has(Role... roles) {
		return SignedInStaff.has(roles);
	}
}
