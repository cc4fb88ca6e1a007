package org.beacon.overdose.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.beacon.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may do what with overdose data. The staff chains (identity) authenticate; this module decides by role:
 * <ul>
 * <li>enter events (form and API): OFFICER, SUPERVISOR, PARTNER, ANALYST, ADMIN;</li>
 * <li>read events, alarms and trends: SUPERVISOR, PARTNER, ANALYST, ADMIN;</li>
 * <li>acknowledge alarms and publish or withdraw resident notices: SUPERVISOR, PARTNER;</li>
 * <li>manage who receives alarms: SUPERVISOR, ADMIN.</li>
 * </ul>
 * A refusal is an {@link AccessDeniedException}: a login redirect or 403 from the security chain.
 */
final class OverdoseAccess {

	static final Role[] ENTER = { Role.OFFICER, Role.SUPERVISOR, Role.PARTNER, Role.ANALYST, Role.ADMIN };
	static final Role[] READ = { Role.SUPERVISOR, Role.PARTNER, Role.ANALYST, Role.ADMIN };
	static final Role[] RESPOND = { Role.SUPERVISOR, Role.PARTNER };
	static final Role[] MANAGE_RECIPIENTS = { Role.SUPERVISOR, Role.ADMIN };

	private OverdoseAccess() {
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
