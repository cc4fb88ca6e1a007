package org.beacon.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.beacon.identity.StaffAccount;
import org.beacon.shared.AgencyId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins towards the lockout and writes every login, failure, lockout and logout to the audit
 * trail. Form login and HTTP Basic both raise these events, so both share one count per account, kept in
 * the database so that every node sees it.
 * <p>
 * Audit actions: {@code identity.login} (success or failure), {@code identity.login.locked} and
 * {@code identity.login.disabled} (denied), {@code identity.account.lock}, {@code identity.logout}; the
 * actor and target are the username as typed, the address the client's.
 */
@Component
class LoginEvents {

	/** CJIS Security Policy 5.5.3: no more than five consecutive invalid attempts... */
	static final int MAX_FAILED_ATTEMPTS = 5;

	/** ...after which the account is locked for ten minutes. */
	static final Duration LOCKOUT = Duration.ofMinutes(10);

	private final AccountRepository accounts;
	private final JdbcAuditTrail audit;
	private final Clock clock;

	LoginEvents(AccountRepository accounts, JdbcAuditTrail audit, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		accounts.recordSuccess(JdbcStaffAccounts.key(username));
		record(event.getAuthentication(), "identity.login", "success");
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			Instant now = clock.instant();
			int failures = accounts.recordFailure(key(attempt), MAX_FAILED_ATTEMPTS, now, now.plus(LOCKOUT));
			record(attempt, "identity.login", "failure");
			if (failures == MAX_FAILED_ATTEMPTS) {
				record(attempt, "identity.account.lock", "success");
			}
		}
		else if (event instanceof AuthenticationFailureLockedEvent) {
			record(attempt, "identity.login.locked", "denied");
		}
		else if (event instanceof AuthenticationFailureDisabledEvent) {
			record(attempt, "identity.login.disabled", "denied");
		}
		else {
			record(attempt, "identity.login", "failure");
		}
	}

	@EventListener
	void loggedOut(LogoutSuccessEvent event) {
		record(event.getAuthentication(), "identity.logout", "success");
	}

	private void record(Authentication authentication, String action, String outcome) {
		String username = authentication.getName() == null || authentication.getName().isBlank() ? "(blank)"
				: authentication.getName();
		AgencyId agency = accounts.find(key(authentication)).map(AccountRepository.Stored::account)
				.map(StaffAccount::agency).orElse(null);
		audit.recordFor(agency, username, address(authentication), action, username, outcome);
	}

	private static String key(Authentication authentication) {
		return authentication.getName() == null ? "" : JdbcStaffAccounts.key(authentication.getName());
	}

	private static String address(Authentication authentication) {
		String address = JdbcAuditTrail.requestAddress();
		if (address != null) {
			return address;
		}
		return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : JdbcAuditTrail.NO_REQUEST_ADDRESS;
	}
}
