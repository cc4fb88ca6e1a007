package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.login;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IdentityIntegrationTest
class WebSecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
		mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void servesLoginPageAndStylesheetToEveryone() throws Exception {
		mvc.perform(get("/login"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<label for=\"username\">Username</label>")))
				.andExpect(content().string(containsString("name=\"_csrf\"")));
		mvc.perform(get("/css/beacon.css")).andExpect(status().isOk());
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
				.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
				.andExpect(header().string("Content-Security-Policy", containsString("img-src 'self' data: https:")))
				.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void keepsInlineScriptsOutOfThePolicy() throws Exception {
		String policy = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");

		assertThat(policy).doesNotContain("'unsafe-eval'").doesNotContain("script-src 'self' 'unsafe-inline'");
	}

	@Test
	void rejectsFormPostWithoutCsrfToken() throws Exception {
		String username = account(accounts, agencies, "csrf", Role.OFFICER).username();
		var session = login(mvc, username, PASSWORD);

		mvc.perform(post("/account/password").session(session)
				.param("currentPassword", PASSWORD).param("newPassword", "a brand new passphrase")
				.param("confirmPassword", "a brand new passphrase"))
				.andExpect(status().isForbidden());

		mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		mvc.perform(post("/account/password").session(session).with(csrf())
				.param("currentPassword", PASSWORD).param("newPassword", "a brand new passphrase")
				.param("confirmPassword", "a brand new passphrase"))
				.andExpect(redirectedUrl("/account"));
	}

	@Test
	void rejectsLoginPostWithoutCsrfToken() throws Exception {
		String username = account(accounts, agencies, "logincsrf", Role.OFFICER).username();

		mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
				.andExpect(status().isForbidden());
	}

	@Test
	void forbidsAccountAdministrationToNonAdministrators() throws Exception {
		String username = account(accounts, agencies, "supervisor", Role.SUPERVISOR, Role.COMMAND).username();
		var session = login(mvc, username, PASSWORD);

		mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void appliesRoleChangesToOpenSessionsAtTheNextRequest() throws Exception {
		String username = account(accounts, agencies, "promoted", Role.OFFICER).username();
		var session = login(mvc, username, PASSWORD);
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());

		accounts.changeRoles(username, java.util.Set.of(Role.OFFICER, Role.ADMIN));

		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
	}

	@Test
	void acceptsHttpBasicOnTheApiWithoutStartingASession() throws Exception {
		String username = account(accounts, agencies, "api", Role.ANALYST, Role.OFFICER).username();

		var result = mvc.perform(get("/api/account").with(httpBasic(username, PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value(username))
				.andExpect(jsonPath("$.roles[0]").value("ANALYST"))
				.andExpect(jsonPath("$.roles[1]").value("OFFICER"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andReturn();

		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
	}

	@Test
	void asksApiClientsForBasicCredentials() throws Exception {
		mvc.perform(get("/api/account"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", containsString("Basic realm=\"Beacon\"")));
	}

	@Test
	void ignoresTheSessionCookieOnTheApi() throws Exception {
		String username = account(accounts, agencies, "cookie", Role.ANALYST).username();
		var session = login(mvc, username, PASSWORD);

		mvc.perform(get("/api/account").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void countsFailedApiLoginsTowardsTheSameLockout() throws Exception {
		String username = account(accounts, agencies, "apilock", Role.ANALYST).username();
		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(get("/api/account").with(httpBasic(username, "wrong " + attempt)))
					.andExpect(status().isUnauthorized());
		}

		mvc.perform(get("/api/account").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());
		assertThat(accounts.findByUsername(username).orElseThrow().lockedUntil()).isNotNull();
	}

	@Test
	void refusesApiUseWhileThePasswordIsTemporary() throws Exception {
		String username = IdentityFixtures.uniqueName("temporary");
		accounts.create(new NewStaffAccount(agencies.defaultAgency().id(), username, "Temporary", java.util.Set.of(Role.ANALYST),
				PASSWORD, true));

		mvc.perform(get("/api/account").with(httpBasic(username, PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void answersSignedInUsersAtTheRoot() throws Exception {
		String username = account(accounts, agencies, "root", Role.OFFICER).username();
		var session = login(mvc, username, PASSWORD);

		// identity only redirects to /account until a module serves a home page; either way, no 404
		int status = mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus();
		assertThat(status).isNotEqualTo(404).isLessThan(400);
		mvc.perform(get("/account").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(username)));
	}
}
