package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@IdentityIntegrationTest
class FirstAdministratorIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	AuditLog auditLog;

	@Test
	void makesTheFirstAdministratorChooseAPasswordBeforeAnythingElse() throws Exception {
		StaffAccount admin = accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(admin.agency()).isEqualTo(agencies.defaultAgency().id());
		assertThat(admin.mustChangePassword()).isTrue();

		var login = mvc.perform(formLogin("/login").user("admin").password(IdentityIntegrationTest.ADMIN_PASSWORD))
				.andExpect(redirectedUrl("/account/password"))
				.andReturn();
		var session = (MockHttpSession) login.getRequest().getSession(false);

		mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/css/beacon.css").session(session)).andExpect(status().isOk());
		mvc.perform(get("/account/password").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Your password is temporary")));

		mvc.perform(post("/account/password").session(session).with(csrf())
				.param("currentPassword", IdentityIntegrationTest.ADMIN_PASSWORD)
				.param("newPassword", "the administrator's own passphrase")
				.param("confirmPassword", "the administrator's own passphrase"))
				.andExpect(redirectedUrl("/account"));

		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
		assertThat(accounts.findByUsername("admin").orElseThrow().mustChangePassword()).isFalse();
		assertThat(auditLog.latest(10_000)).filteredOn(entry -> entry.target().split(" ")[0].equals("admin"))
				.extracting(AuditEntry::action)
				.contains("identity.password.change", "identity.login", "identity.account.create");
	}
}
