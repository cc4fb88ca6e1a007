package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.from;
import static org.beacon.identity.IdentityFixtures.login;
import static org.beacon.identity.IdentityFixtures.uniqueName;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@IdentityIntegrationTest
class AdminUsersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	AuditLog auditLog;

	String admin;
	MockHttpSession session;

	@BeforeEach
	void signInAsAdministrator() throws Exception {
		admin = account(accounts, agencies, "boss", Role.ADMIN).username();
		session = login(mvc, admin, PASSWORD);
	}

	@Test
	void listsAccountsWithTheirRoles() throws Exception {
		String officer = account(accounts, agencies, "listed", Role.OFFICER, Role.SUPERVISOR).username();

		mvc.perform(get("/admin/users").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(">" + officer + "</a>")))
				.andExpect(content().string(containsString("OFFICER, SUPERVISOR")));
	}

	@Test
	void createsAccountWithTemporaryPasswordAndRecordsWhoDidIt() throws Exception {
		String username = uniqueName("hired");

		mvc.perform(post("/admin/users").session(session).with(csrf()).with(from("198.51.100.4"))
				.param("username", username).param("displayName", "New Hire")
				.param("roles", "ANALYST").param("roles", "OFFICER").param("password", "temporary passphrase"))
				.andExpect(redirectedUrl("/admin/users/" + username));

		StaffAccount created = accounts.findByUsername(username).orElseThrow();
		assertThat(created.roles()).containsExactly(Role.ANALYST, Role.OFFICER);
		assertThat(created.mustChangePassword()).isTrue();
		assertThat(auditLog.latest(1).get(0)).satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("identity.account.create");
			assertThat(entry.actor()).isEqualTo(admin);
			assertThat(entry.sourceAddress()).isEqualTo("198.51.100.4");
			assertThat(entry.target()).isEqualTo(username + " roles=ANALYST,OFFICER");
		});
		mvc.perform(formLogin("/login").user(username).password("temporary passphrase"))
				.andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void generatesAndShowsATemporaryPasswordWhenNoneIsGiven() throws Exception {
		String username = uniqueName("generated");

		var result = mvc.perform(post("/admin/users").session(session).with(csrf())
				.param("username", username).param("displayName", "Generated").param("roles", "PARTNER"))
				.andExpect(flash().attributeExists("temporaryPassword"))
				.andReturn();
		String temporary = (String) result.getFlashMap().get("temporaryPassword");

		assertThat(temporary).hasSize(20);
		mvc.perform(formLogin("/login").user(username).password(temporary)).andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void showsTheRuleWhenCreationIsRejected() throws Exception {
		String taken = account(accounts, agencies, "dup", Role.OFFICER).username();

		mvc.perform(post("/admin/users").session(session).with(csrf())
				.param("username", taken).param("displayName", "Duplicate").param("password", "temporary passphrase"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("is taken")))
				.andExpect(content().string(containsString("value=\"Duplicate\"")));
	}

	@Test
	void changesRoles() throws Exception {
		String username = account(accounts, agencies, "rerole", Role.OFFICER).username();

		mvc.perform(post("/admin/users/{u}/roles", username).session(session).with(csrf())
				.param("roles", "COMMAND").param("roles", "SUPERVISOR"))
				.andExpect(redirectedUrl("/admin/users/" + username));

		assertThat(accounts.findByUsername(username).orElseThrow().roles()).containsExactly(Role.SUPERVISOR, Role.COMMAND);
	}

	@Test
	void disablesAndEnablesAccounts() throws Exception {
		String username = account(accounts, agencies, "switch", Role.OFFICER).username();

		mvc.perform(post("/admin/users/{u}/enabled", username).session(session).with(csrf()).param("enabled", "false"))
				.andExpect(redirectedUrl("/admin/users/" + username));
		assertThat(accounts.findByUsername(username).orElseThrow().enabled()).isFalse();

		mvc.perform(post("/admin/users/{u}/enabled", username).session(session).with(csrf()).param("enabled", "true"));
		assertThat(accounts.findByUsername(username).orElseThrow().enabled()).isTrue();
	}

	@Test
	void resetsPasswordAndLiftsLockout() throws Exception {
		String username = account(accounts, agencies, "forgot", Role.OFFICER).username();
		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong guess " + attempt));
		}

		mvc.perform(post("/admin/users/{u}/password", username).session(session).with(csrf())
				.param("password", "fresh temporary passphrase"))
				.andExpect(redirectedUrl("/admin/users/" + username));

		mvc.perform(formLogin("/login").user(username).password("fresh temporary passphrase"))
				.andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void liftsALockoutBeforeItExpires() throws Exception {
		String username = account(accounts, agencies, "impatient", Role.OFFICER).username();
		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong guess " + attempt));
		}
		mvc.perform(get("/admin/users/{u}", username).session(session))
				.andExpect(content().string(containsString("locked after failed logins until")));

		mvc.perform(post("/admin/users/{u}/unlock", username).session(session).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + username));

		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
		assertThat(auditLog.latest(2)).extracting(AuditEntry::action)
				.containsExactly("identity.login", "identity.account.unlock");
	}

	@Test
	void showsAnAccountForEditing() throws Exception {
		String username = account(accounts, agencies, "edited", Role.ANALYST).username();

		mvc.perform(get("/admin/users/{u}", username).session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<legend>Roles held</legend>")))
				.andExpect(content().string(containsString("id=\"role-ANALYST\" value=\"ANALYST\" checked")));
	}

	@Test
	void showsAndVerifiesTheAuditTrail() throws Exception {
		mvc.perform(get("/admin/audit").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("identity.login")));
		mvc.perform(post("/admin/audit/verify").session(session).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Audit trail intact")));
	}

	@Test
	void showsAnAdministratorOnlyTheAuditEntriesOfTheirOwnAgency() throws Exception {
		var otherAgency = agencies.ensure("audit-b", "Agency B", ZoneId.of("America/Chicago"), "auto").id();
		String otherAdmin = account(accounts, otherAgency, "admin-b", Role.ADMIN).username();
		login(mvc, otherAdmin, PASSWORD);
		mvc.perform(formLogin("/login").user("nobody-" + uniqueName("x")).password("wrong password"));

		String page = mvc.perform(get("/admin/audit").session(session)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).as("agency B's administrator signed in: agency A's administrator does not see it")
				.doesNotContain(otherAdmin).contains("nobody-");
	}

	@Test
	void answersNotFoundForUnknownAccounts() throws Exception {
		mvc.perform(get("/admin/users/{u}", "no-such-user").session(session)).andExpect(status().isNotFound());
	}

	@Test
	void savesAnEmailAddressAndRejectsOneThatIsNotAnAddress() throws Exception {
		String username = account(accounts, agencies, "mailed", Role.PARTNER).username();

		mvc.perform(post("/admin/users/{u}/email", username).session(session).with(csrf()).param("email", " ana@example.org "))
				.andExpect(redirectedUrl("/admin/users/" + username))
				.andExpect(flash().attribute("message", "E-mail address saved."));
		assertThat(accounts.findByUsername(username).orElseThrow().email()).isEqualTo("ana@example.org");
		assertThat(auditLog.latest(1).get(0).action()).isEqualTo("identity.account.email");

		mvc.perform(post("/admin/users/{u}/email", username).session(session).with(csrf()).param("email", "ana at example"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("E-mail must be one address like name@example.org")))
				.andExpect(content().string(containsString("value=\"ana at example\"")));
		assertThat(accounts.findByUsername(username).orElseThrow().email()).isEqualTo("ana@example.org");

		mvc.perform(post("/admin/users/{u}/email", username).session(session).with(csrf()).param("email", ""))
				.andExpect(flash().attribute("message", "E-mail address removed."));
		assertThat(accounts.findByUsername(username).orElseThrow().email()).isNull();
	}
}
