package org.beacon.reports.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.beacon.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			throw new AccessDeniedException("sign in as staff");
		}
		if (!holdsAny(auth, roles)) {
			throw new AccessDeniedException("needs one of the roles " + Arrays.toString(roles));
		}
		return auth.getName();
	}

	static boolean has(Role... roles) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && !(auth instanceof AnonymousAuthenticationToken) && holdsAny(auth, roles);
	}

	private static boolean holdsAny(Authentication auth, Role... roles) {
		Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		return Arrays.stream(roles).anyMatch(r -> held.contains("ROLE_" + r.name()));
	}
}
