package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.RequestDispatcher;

import org.beacon.agency.Agencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every page around its content shows: the menu offers only pages the signed-in role may open, and a
 * failed page is a plain page with the way back, never Spring's Whitelabel page or an exception.
 */
@IdentityIntegrationTest
class SiteChromeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Test
	void menuOffersReportsAndTipsOnlyToRolesThatMayOpenThem() throws Exception {
		String caseManager = accountPage(Role.CASE_MANAGER);
		String partner = accountPage(Role.PARTNER);
		String officer = accountPage(Role.OFFICER);

		// the staff reports queue answers 403 to a case manager or a partner: the menu must not lead there
		assertThat(caseManager).doesNotContain("href=\"/staff/reports\"");
		assertThat(partner).doesNotContain("href=\"/staff/reports\"").contains("href=\"/overdose\"");
		assertThat(officer).contains("href=\"/staff/reports\">Reports and tips</a>");
		// every role reaches its own account page (the password change) from the menu
		assertThat(List.of(caseManager, partner, officer)).allSatisfy(
				page -> assertThat(page).contains("href=\"/account\">Your account</a>"));
	}

	@Test
	void refusedPageExplainsTheRoleAndLeadsBack() throws Exception {
		String page = errorPage(403);

		assertThat(page).contains("<h1>You cannot open this page</h1>", "does not include this page", "Error 403",
				"href=\"/\"").doesNotContain("Whitelabel");
	}

	@Test
	void missingPageSaysSoWithoutInternals() throws Exception {
		String page = errorPage(404);

		assertThat(page).contains("<h1>Page not found</h1>", "Error 404").doesNotContain("Whitelabel", "Exception");
	}

	private String accountPage(Role role) throws Exception {
		String username = account(accounts, agencies, "menu", role).username();
		return mvc.perform(get("/account").session(login(mvc, username, PASSWORD))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The error page as a browser gets it after a failed request: the servlet container forwards to /error. */
	private String errorPage(int status) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/staff/reports")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
