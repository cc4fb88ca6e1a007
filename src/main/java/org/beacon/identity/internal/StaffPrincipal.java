package org.beacon.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.beacon.identity.Role;
import org.beacon.shared.AgencyId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member as Spring Security holds them in the session. The password hash is only
 * present while logging in; Spring Security erases it afterwards ({@link CredentialsContainer}).
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long agencyId;
	private final String username;
	private final String displayName;
	private final EnumSet<Role> roles;
	private final boolean enabled;
	private final boolean locked;
	private final boolean mustChangePassword;
	private String passwordHash;

	StaffPrincipal(AgencyId agency, String username, String displayName, Set<Role> roles, boolean enabled,
			boolean locked, boolean mustChangePassword, String passwordHash) {
		this.agencyId = agency.value();
		this.username = username;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
		this.passwordHash = passwordHash;
	}

	public AgencyId agency() {
		return AgencyId.of(agencyId);
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return Set.copyOf(roles);
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	/** Whether what the session holds still matches the account as stored (roles, name, password flag). */
	boolean sameGrantsAs(StaffPrincipal other) {
		return agencyId == other.agencyId && roles.equals(other.roles) && displayName.equals(other.displayName)
				&& mustChangePassword == other.mustChangePassword && enabled == other.enabled;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffPrincipal staff && username.equals(staff.username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + username + ", roles=" + List.copyOf(roles) + "]";
	}
}
