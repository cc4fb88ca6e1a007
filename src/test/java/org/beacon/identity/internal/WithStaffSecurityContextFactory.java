package org.beacon.identity.internal;

import java.util.Optional;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.identity.WithStaff;
import org.beacon.shared.AgencyId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Builds the security context of {@link WithStaff}; {@link #signedIn} does the same for one request. The
 * account is stored (or its roles set) first, because the browser chain reloads it on every request.
 */
public class WithStaffSecurityContextFactory implements WithSecurityContextFactory<WithStaff> {

	private final Agencies agencies;
	private final StaffAccounts accounts;

	public WithStaffSecurityContextFactory(Agencies agencies, StaffAccounts accounts) {
		this.agencies = agencies;
		this.accounts = accounts;
	}

	@Override
	public SecurityContext createSecurityContext(WithStaff staff) {
		AgencyId agency = staff.agency().isEmpty() ? agencies.defaultAgency().id()
				: agencies.byCode(staff.agency()).orElseThrow().id();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn(accounts, agency, staff.username(), staff.roles()));
		return context;
	}

	/**
	 * An authenticated staff member of {@code agency} with exactly {@code roles}, as a form login leaves them;
	 * the account {@code username} is created or given those roles.
	 *
	 * @throws IllegalStateException when {@code username} belongs to another agency
	 */
	public static Authentication signedIn(StaffAccounts accounts, AgencyId agency, String username, Role... roles) {
		Set<Role> wanted = Set.of(roles);
		Optional<StaffAccount> stored = accounts.findByUsername(username);
		if (stored.isEmpty()) {
			accounts.create(new NewStaffAccount(agency, username, username, wanted, IdentityFixtures.PASSWORD, false));
		}
		else if (!stored.get().agency().equals(agency)) {
			throw new IllegalStateException("test account " + username + " belongs to another agency");
		}
		else if (!stored.get().roles().equals(wanted)) {
			accounts.changeRoles(username, wanted);
		}
		StaffPrincipal principal = new StaffPrincipal(agency, username, username, wanted, true, false, false, null);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}
}
