package org.beacon.identity.internal;

import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.identity.AuditTrail;
import org.beacon.identity.NewStaffAccount;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccountRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the web application's first start, creates the {@code admin} account (role ADMIN, default agency)
 * unless it exists. Its password comes from {@code BEACON_ADMIN_PASSWORD} ({@code beacon.admin.password})
 * or, if that is not set, is generated and written to the log once, by the node that created the account.
 * Either way it is temporary: the first login leads straight to the password form.
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final JdbcStaffAccounts accounts;
	private final Agencies agencies;
	private final JdbcAuditTrail audit;
	private final String configuredPassword;

	AdminBootstrap(JdbcStaffAccounts accounts, Agencies agencies, JdbcAuditTrail audit,
			@Value("${beacon.admin.password:}") String configuredPassword) {
		this.accounts = accounts;
		this.agencies = agencies;
		this.audit = audit;
		this.configuredPassword = configuredPassword;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureAdministrator() {
		if (accounts.findByUsername(ADMIN).isPresent()) {
			return;
		}
		boolean generated = configuredPassword.isBlank();
		String password = generated ? PasswordPolicy.generate() : configuredPassword;
		if (!generated) {
			try {
				PasswordPolicy.check("beacon.admin.password", password, ADMIN);
			}
			catch (StaffAccountRejectedException e) {
				throw new IllegalStateException("BEACON_ADMIN_PASSWORD (beacon.admin.password): " + e.getMessage(), e);
			}
		}
		// the server does this of its own accord: the audit trail says so, not "the OS user on the command line"
		boolean created = audit.onBehalfOf(AuditTrail.SYSTEM, AuditTrail.STARTUP,
				() -> accounts.createIfAbsent(new NewStaffAccount(agencies.defaultAgency().id(), ADMIN,
						"Administrator", Set.of(Role.ADMIN), password, true)));
		if (!created) {
			return;
		}
		if (generated) {
			log.warn("""

					================================================================
					  Beacon created the administrator account.
					      username: {}
					      password: {}
					  This password is shown once. It is temporary: sign in and
					  choose your own. To set it yourself, start with
					  BEACON_ADMIN_PASSWORD on an empty database.
					================================================================""", ADMIN, password);
		}
		else {
			log.info("Beacon created the administrator account '{}' with the password from BEACON_ADMIN_PASSWORD; "
					+ "it must be changed at first login.", ADMIN);
		}
	}
}
