package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class SignedInStaffTests {

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void namesTheUserWhoHoldsOneOfTheRoles() {
		signIn("sgt.okafor", "ROLE_SUPERVISOR");

		assertThat(SignedInStaff.require(Role.OFFICER, Role.SUPERVISOR)).isEqualTo("sgt.okafor");
		assertThat(SignedInStaff.has(Role.SUPERVISOR)).isTrue();
		assertThat(SignedInStaff.has(Role.ADMIN)).isFalse();
	}

	@Test
	void refusesAUserWithoutTheRoleNamingTheRolesNeeded() {
		signIn("analyst.lee", "ROLE_ANALYST");

		assertThatThrownBy(() -> SignedInStaff.require(Role.SUPERVISOR, Role.ADMIN))
				.isInstanceOf(AccessDeniedException.class).hasMessage("needs one of the roles [SUPERVISOR, ADMIN]");
	}

	@Test
	void refusesAnonymousAndMissingAuthentication() {
		assertThatThrownBy(() -> SignedInStaff.require(Role.OFFICER)).isInstanceOf(AccessDeniedException.class)
				.hasMessage("sign in as staff");
		assertThat(SignedInStaff.has(Role.OFFICER)).isFalse();

		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				List.of(new SimpleGrantedAuthority("ROLE_OFFICER"))));

		assertThatThrownBy(() -> SignedInStaff.require(Role.OFFICER)).isInstanceOf(AccessDeniedException.class)
				.hasMessage("sign in as staff");
		assertThat(SignedInStaff.has(Role.OFFICER)).as("an anonymous token's authorities do not count").isFalse();
	}

	@Test
	void knowsNoAgencyForAPrincipalThatIsNotAStaffAccount() {
		assertThatThrownBy(SignedInStaff::agency).isInstanceOf(AccessDeniedException.class).hasMessage("sign in as staff");

		signIn("mock.user", "ROLE_ANALYST");

		assertThatThrownBy(SignedInStaff::agency).isInstanceOf(AccessDeniedException.class).hasMessage("sign in as staff");
	}

	private static void signIn(String name, String authority) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
				"n/a", List.of(new SimpleGrantedAuthority(authority))));
	}
}
