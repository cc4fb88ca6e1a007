package org.beacon.identity.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for Spring Security. Whether an account is locked is decided here against the clock, so
 * a lockout ends by itself once {@code locked_until} has passed, on whichever node the user tries next.
 * Also stores re-encoded hashes when the encoder's default changes ({@link UserDetailsPasswordService}).
 */
@Service
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final AccountRepository accounts;
	private final Clock clock;

	StaffUserDetailsService(AccountRepository accounts, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return load(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/** The account as it is now, without its password hash; empty when it no longer exists. */
	Optional<StaffPrincipal> reload(String username) {
		return load(username).map(principal -> {
			principal.eraseCredentials();
			return principal;
		});
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		accounts.upgradePasswordHash(user.getUsername(), newPasswordHash);
		return loadUserByUsername(user.getUsername());
	}

	private Optional<StaffPrincipal> load(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return accounts.find(JdbcStaffAccounts.key(username)).map(stored -> {
			var account = stored.account();
			return new StaffPrincipal(account.agency(), account.username(), account.displayName(), account.roles(),
					account.enabled(), account.lockedAt(clock.instant()), account.mustChangePassword(), stored.passwordHash());
		});
	}
}
