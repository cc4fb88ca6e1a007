package org.beacon.overdose.web;

import org.beacon.identity.Role;
import org.beacon.identity.SignedInStaff;
import org.springframework.security.access.AccessDeniedException;

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
		return SignedInStaff.require(roles);
	}

	static boolean has(Role... roles) {
		return SignedInStaff.has(roles);
	}
}
