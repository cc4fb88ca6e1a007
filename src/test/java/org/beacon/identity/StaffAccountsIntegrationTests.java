package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.uniqueName;

import java.util.NoSuchElementException;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IdentityIntegrationTest
class StaffAccountsIntegrationTests {

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesPasswordsOnlyAsBcryptHashesTaggedWithTheEncoder() {
		StaffAccount account = account(accounts, agencies, "hashed", Role.ANALYST);
		accounts.changePassword(account.username(), PASSWORD, "another long passphrase here");

		String hash = jdbc.sql("SELECT password_hash FROM staff_account WHERE username = :username")
				.param("username", account.username()).query(String.class).single();

		// {bcrypt} tells the delegating encoder which one made it; $2a$10$ is BCrypt at cost 10
		assertThat(hash).startsWith("{bcrypt}$2a$10$").hasSize("{bcrypt}".length() + 60)
				.doesNotContain("another long passphrase here");
	}

	@Test
	void createsAccountWithLowerCaseUsernameAndRoles() {
		String username = uniqueName("Mixed.Case");

		StaffAccount created = accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), "  " + username + " ",
				" Maria Case ", Set.of(Role.CASE_MANAGER, Role.PARTNER), PASSWORD, true));

		assertThat(created.username()).isEqualTo(username.toLowerCase());
		assertThat(created.displayName()).isEqualTo("Maria Case");
		assertThat(created.roles()).containsExactly(Role.CASE_MANAGER, Role.PARTNER);
		assertThat(created.enabled()).isTrue();
		assertThat(created.mustChangePassword()).isTrue();
		assertThat(accounts.findByUsername(username.toUpperCase())).contains(created);
		assertThat(auditLog.latest(1).get(0)).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
				.containsExactly("identity.account.create", created.username() + " roles=CASE_MANAGER,PARTNER", "success");
	}

	@Test
	void rejectsTakenUsernameWhateverItsCase() {
		String username = account(accounts, agencies, "taken", Role.OFFICER).username();

		assertThatThrownBy(() -> accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), username.toUpperCase(),
				"Someone Else", Set.of(), PASSWORD, false)))
				.isInstanceOf(StaffAccountRejectedException.class)
				.hasMessageContaining("is taken")
				.extracting(e -> ((StaffAccountRejectedException) e).field()).isEqualTo("username");
	}

	@Test
	void rejectsShortPasswordAndInvalidUsername() {
		var agency = agencies.defaultAgency().id();

		assertThatThrownBy(() -> accounts.create(new NewStaffAccount(agency, uniqueName("short"), "Short", Set.of(),
				"eleven char", false)))
				.isInstanceOf(StaffAccountRejectedException.class).hasMessageContaining("at least 12 characters");
		assertThatThrownBy(() -> accounts.create(new NewStaffAccount(agency, uniqueName("long"), "Long", Set.of(),
				"é".repeat(37), false)))
				.isInstanceOf(StaffAccountRejectedException.class).hasMessageContaining("at most 72 bytes");
		assertThatThrownBy(() -> accounts.create(new NewStaffAccount(agency, "no spaces allowed", "Spaces", Set.of(),
				PASSWORD, false)))
				.isInstanceOf(StaffAccountRejectedException.class).hasMessageContaining("Username must be");
		assertThatThrownBy(() -> accounts.create(new NewStaffAccount(agency, uniqueName("same"), "Same", Set.of(), null,
				false)))
				.isInstanceOf(StaffAccountRejectedException.class);
	}

	@Test
	void changesRolesAndRecordsTheChange() {
		String username = account(accounts, agencies, "roles", Role.OFFICER).username();

		StaffAccount changed = accounts.changeRoles(username, Set.of(Role.SUPERVISOR, Role.ANALYST));

		assertThat(changed.roles()).containsExactly(Role.ANALYST, Role.SUPERVISOR);
		assertThat(auditLog.latest(1).get(0)).extracting(AuditEntry::action, AuditEntry::target)
				.containsExactly("identity.account.roles", username + " roles=ANALYST,SUPERVISOR");
	}

	@Test
	void disablesAndEnables() {
		String username = account(accounts, agencies, "toggle", Role.OFFICER).username();

		assertThat(accounts.setEnabled(username, false).enabled()).isFalse();
		assertThat(auditLog.latest(1).get(0).action()).isEqualTo("identity.account.disable");
		assertThat(accounts.setEnabled(username, true).enabled()).isTrue();
		assertThat(auditLog.latest(1).get(0).action()).isEqualTo("identity.account.enable");
	}

	@Test
	void resetPasswordLiftsLockoutAndDemandsANewPassword() {
		String username = account(accounts, agencies, "reset", Role.OFFICER).username();

		StaffAccount reset = accounts.resetPassword(username, "a temporary passphrase");

		assertThat(reset.mustChangePassword()).isTrue();
		assertThat(reset.failedAttempts()).isZero();
		assertThat(auditLog.latest(1).get(0)).extracting(AuditEntry::action, AuditEntry::target)
				.containsExactly("identity.password.reset", username);
		assertThat(accounts.changePassword(username, "a temporary passphrase", "my very own passphrase")
				.mustChangePassword()).isFalse();
	}

	@Test
	void refusesPasswordChangeWithWrongCurrentPasswordAndRecordsIt() {
		String username = account(accounts, agencies, "wrongcurrent", Role.OFFICER).username();

		assertThatThrownBy(() -> accounts.changePassword(username, "not my password", "my very own passphrase"))
				.isInstanceOf(StaffAccountRejectedException.class)
				.hasMessageContaining("current password is not correct");
		assertThat(auditLog.latest(1).get(0)).extracting(AuditEntry::action, AuditEntry::outcome)
				.containsExactly("identity.password.change", "failure");
	}

	@Test
	void refusesToKeepTheSamePassword() {
		String username = account(accounts, agencies, "same", Role.OFFICER).username();

		assertThatThrownBy(() -> accounts.changePassword(username, PASSWORD, PASSWORD))
				.isInstanceOf(StaffAccountRejectedException.class).hasMessageContaining("must differ");
	}

	@Test
	void listsAnAgencysAccountsByUsername() {
		String first = account(accounts, agencies, "aaa-list", Role.OFFICER).username();

		var listed = accounts.list(agencies.defaultAgency().id());

		assertThat(listed).extracting(StaffAccount::username).contains(first, "admin").isSorted();
	}

	@Test
	void reportsUnknownUsernames() {
		assertThat(accounts.findByUsername("no-such-user")).isEmpty();
		assertThatThrownBy(() -> accounts.setEnabled("no-such-user", false)).isInstanceOf(NoSuchElementException.class);
	}

	@Test
	void rejectsEmailAddressesThatAreNotOneAddress() {
		String username = account(accounts, agencies, "bad-mail", Role.PARTNER).username();

		for (String bad : new String[] { "no-at-sign", "two@@example.org", "a@nodot", "a b@example.org",
				"a@example.org, b@example.org", "<a@example.org>", "x".repeat(250) + "@example.org" }) {
			assertThatThrownBy(() -> accounts.changeEmail(username, bad)).as(bad)
					.isInstanceOf(StaffAccountRejectedException.class)
					.satisfies(e -> assertThat(((StaffAccountRejectedException) e).field()).isEqualTo("email"));
		}
		assertThat(accounts.findByUsername(username).orElseThrow().email()).isNull();
	}

	@Test
	void listsEnabledAccountsWithTheRoleAndAnEmailOnly() {
		StaffAccount partner = account(accounts, agencies, "reach-partner", Role.PARTNER, Role.ANALYST);
		StaffAccount supervisor = account(accounts, agencies, "reach-super", Role.SUPERVISOR);
		StaffAccount analyst = account(accounts, agencies, "reach-analyst", Role.ANALYST);
		StaffAccount noMail = account(accounts, agencies, "reach-nomail", Role.PARTNER);
		StaffAccount disabled = account(accounts, agencies, "reach-off", Role.SUPERVISOR);
		accounts.changeEmail(partner.username(), "partner@example.org");
		accounts.changeEmail(supervisor.username(), "super@example.org");
		accounts.changeEmail(analyst.username(), "analyst@example.org");
		accounts.changeEmail(disabled.username(), "off@example.org");
		accounts.setEnabled(disabled.username(), false);

		var reached = accounts.reachableByEmail(agencies.defaultAgency().id(), Set.of(Role.PARTNER, Role.SUPERVISOR));

		assertThat(reached).extracting(StaffAccount::username)
				.contains(partner.username(), supervisor.username())
				.doesNotContain(analyst.username(), noMail.username(), disabled.username());
		assertThat(reached).filteredOn(a -> a.username().equals(partner.username())).singleElement()
				.satisfies(a -> {
					assertThat(a.email()).isEqualTo("partner@example.org");
					assertThat(a.roles()).containsExactly(Role.ANALYST, Role.PARTNER);
				});
	}
}
