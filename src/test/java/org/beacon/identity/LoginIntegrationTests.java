package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.from;
import static org.beacon.identity.IdentityFixtures.login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IdentityIntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MutableClock clock;

	@Test
	void recordsSuccessfulLoginWithUsernameAndAddress() throws Exception {
		String username = account(accounts, agencies, "officer", Role.OFFICER).username();

		mvc.perform(loginFrom("203.0.113.10", username, PASSWORD))
				.andExpect(redirectedUrl("/"))
				.andExpect(authenticated().withUsername(username).withRoles("OFFICER"));

		assertThat(entriesFor(username)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("identity.login");
			assertThat(entry.outcome()).isEqualTo("success");
			assertThat(entry.actor()).isEqualTo(username);
			assertThat(entry.sourceAddress()).isEqualTo("203.0.113.10");
			assertThat(entry.agency()).isEqualTo(agencies.defaultAgency().id());
		});
	}

	@Test
	void recordsFailedLoginWithAttemptedUsernameAndAddress() throws Exception {
		String username = account(accounts, agencies, "analyst", Role.ANALYST).username();

		mvc.perform(loginFrom("198.51.100.7", username, "not the password"))
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());

		assertThat(entriesFor(username)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("identity.login");
			assertThat(entry.outcome()).isEqualTo("failure");
			assertThat(entry.sourceAddress()).isEqualTo("198.51.100.7");
		});
		assertThat(accounts.findByUsername(username).orElseThrow().failedAttempts()).isEqualTo(1);
	}

	@Test
	void recordsFailedLoginOfUnknownUsername() throws Exception {
		String nobody = IdentityFixtures.uniqueName("nobody");

		mvc.perform(formLogin("/login").user(nobody).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));

		assertThat(entriesFor(nobody)).extracting(AuditEntry::action, AuditEntry::outcome)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("identity.login", "failure"));
	}

	@Test
	void locksAccountAfterFiveFailedAttemptsEvenForTheRightPassword() throws Exception {
		String username = account(accounts, agencies, "locked", Role.ANALYST).username();

		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong guess " + attempt))
					.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user(username).password(PASSWORD))
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());

		StaffAccount account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.failedAttempts()).isEqualTo(5);
		assertThat(account.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
		assertThat(entriesFor(username)).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
				org.assertj.core.groups.Tuple.tuple("identity.login.locked", "denied"),
				org.assertj.core.groups.Tuple.tuple("identity.account.lock", "success"),
				org.assertj.core.groups.Tuple.tuple("identity.login", "failure"),
				org.assertj.core.groups.Tuple.tuple("identity.login", "failure"),
				org.assertj.core.groups.Tuple.tuple("identity.login", "failure"),
				org.assertj.core.groups.Tuple.tuple("identity.login", "failure"),
				org.assertj.core.groups.Tuple.tuple("identity.login", "failure"));
	}

	@Test
	void unlocksAccountTenMinutesAfterLockout() throws Exception {
		String username = account(accounts, agencies, "unlocks", Role.ANALYST).username();
		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong guess " + attempt));
		}

		clock.advance(Duration.ofMinutes(10).minusSeconds(1));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(unauthenticated());

		clock.advance(Duration.ofSeconds(1));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD))
				.andExpect(redirectedUrl("/"))
				.andExpect(authenticated().withUsername(username));
		StaffAccount account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.failedAttempts()).isZero();
		assertThat(account.lockedUntil()).isNull();
	}

	@Test
	void startsCountingAfreshOnceALockoutHasExpired() throws Exception {
		String username = account(accounts, agencies, "recount", Role.ANALYST).username();
		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong guess " + attempt));
		}
		clock.advance(Duration.ofMinutes(11));

		mvc.perform(formLogin("/login").user(username).password("one more wrong guess"));

		StaffAccount account = accounts.findByUsername(username).orElseThrow();
		assertThat(account.failedAttempts()).isEqualTo(1);
		assertThat(account.lockedUntil()).isNull();
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void deniesLoginToDisabledAccount() throws Exception {
		String username = account(accounts, agencies, "disabled", Role.OFFICER).username();
		accounts.setEnabled(username, false);

		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(unauthenticated());

		assertThat(entriesFor(username).get(0)).extracting(AuditEntry::action, AuditEntry::outcome)
				.containsExactly("identity.login.disabled", "denied");
	}

	@Test
	void endsTheSessionOfAnAccountDisabledWhileSignedIn() throws Exception {
		String username = account(accounts, agencies, "kicked", Role.OFFICER).username();
		var session = login(mvc, username, PASSWORD);
		mvc.perform(get("/account").session(session)).andExpect(status().isOk());

		accounts.setEnabled(username, false);

		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?disabled"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void recordsLogout() throws Exception {
		String username = account(accounts, agencies, "leaves", Role.OFFICER).username();
		var session = login(mvc, username, PASSWORD);

		mvc.perform(post("/logout").session(session).with(csrf()).with(from("192.0.2.33"))).andExpect(redirectedUrl("/login?logout"));

		assertThat(entriesFor(username).get(0)).satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("identity.logout");
			assertThat(entry.actor()).isEqualTo(username);
			assertThat(entry.sourceAddress()).isEqualTo("192.0.2.33");
		});
	}

	@Test
	void refusesAnOverlongPasswordAsAnOrdinaryFailure() throws Exception {
		String username = account(accounts, agencies, "overlong", Role.OFFICER).username();

		mvc.perform(formLogin("/login").user(username).password("x".repeat(200)))
				.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void acceptsUsernameInAnyCase() throws Exception {
		String username = account(accounts, agencies, "cased", Role.OFFICER).username();

		mvc.perform(formLogin("/login").user(username.toUpperCase()).password(PASSWORD))
				.andExpect(authenticated().withUsername(username));
	}

	/** A form login from the given client address. */
	private static MockHttpServletRequestBuilder loginFrom(String address, String username, String password) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	/** Audit entries whose target is the username, newest first. */
	private List<AuditEntry> entriesFor(String username) {
		return auditLog.latest(500).stream().filter(entry -> entry.target().equals(username)).toList();
	}
}
