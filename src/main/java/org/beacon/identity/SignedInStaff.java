package org.beacon.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.identity.internal.StaffPrincipal;
import org.beacon.shared.AgencyId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The role checks of modules that decide for themselves who may use their pages: identity's chains
 * authenticate, and a module names the {@link Role}s each action needs. A refusal is an
 * {@link AccessDeniedException}, which the staff chains turn into a login redirect or 403.
 */
public final class SignedInStaff {

	private SignedInStaff() {
	}

	/** The signed-in user's name, after checking they hold one of {@code roles}. */
	public static String require(Role... roles) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			throw new AccessDeniedException("sign in as staff");
		}
		if (!holdsAny(auth, roles)) {
			throw new AccessDeniedException("needs one of the roles " + Arrays.toString(roles));
		}
		return auth.getName();
	}

	/**
	 * The agency the signed-in staff member's account belongs to: what their pages show and where their
	 * imports go. Every account has one; an administrator's is theirs too (accounts are per agency).
	 *
	 * @throws AccessDeniedException when nobody is signed in or the principal is not a staff account
	 */
	public static AgencyId agency() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof StaffPrincipal staff)) {
			throw new AccessDeniedException("sign in as staff");
		}
		return staff.agency();
	}

	/**
	 * The signed-in staff member's agency as a whole record, for the staff pages of every module. A principal
	 * that is no staff account (there is none in production, where every sign-in loads a staff account; a test's
	 * mock user) gets the deployment's default agency.
	 */
	public static Agency agencyIn(Agencies agencies) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof StaffPrincipal staff ? agencies.get(staff.agency())
				: agencies.defaultAgency();
	}

	/** Whether someone is signed in and holds one of {@code roles}: for showing or hiding what they may do. */
	public static boolean has(Role... roles) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && !(auth instanceof AnonymousAuthenticationToken) && holdsAny(auth, roles);
	}

	private static boolean holdsAny(Authentication auth, Role... roles) {
		Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		return Arrays.stream(roles).anyMatch(r -> held.contains("ROLE_" + r.name()));
	}
}
