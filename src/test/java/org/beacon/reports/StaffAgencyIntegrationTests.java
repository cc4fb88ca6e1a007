package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.reports.Open311Client.fields;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneId;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.Role;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff pages work on the signed-in account's own agency, not the deployment's default: an administrator of a
 * second agency issues Open311 keys for it, sees them, and the first agency's administrator does not. Its own
 * context: a second agency makes Open311 ask every client for its jurisdiction.
 */
@SpringBootTest(properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.writes-per-client=100000",
		"beacon.open311.lookup-ttl=0" })
@AutoConfigureMockMvc
class StaffAgencyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Agencies agencies;

	@Test
	void anAdministratorIssuesAndSeesTheKeysOfTheirOwnAgencyOnly() throws Exception {
		AgencyId first = agencies.defaultAgency().id();
		AgencyId second = agencies.ensure("keys-b", "Agency B", ZoneId.of("America/Chicago"), "auto").id();
		var adminOfSecond = IdentityFixtures.staff(second, "keys-admin-b", Role.ADMIN);
		var adminOfFirst = IdentityFixtures.staff(first, "keys-admin-a", Role.ADMIN);
		String label = "Client of B " + System.nanoTime();

		String issuedPage = mvc.perform(post("/staff/reports/api-keys").with(adminOfSecond).with(csrf())
				.param("label", label)).andReturn().getResponse().getContentAsString();
		String newKey = issuedPage.replaceAll("(?s).*<code id=\"issued-key\">([^<]+)</code>.*", "$1");
		String pageOfFirst = mvc.perform(get("/staff/reports/api-keys").with(adminOfFirst)).andReturn().getResponse()
				.getContentAsString();
		Open311Client open311 = new Open311Client(mvc);

		assertThat(issuedPage).contains(label);
		assertThat(pageOfFirst).doesNotContain(label);
		assertThat(open311.post("requests.json", fields("api_key", newKey, "service_code", "other", "address_string",
				"8 Main St", "jurisdiction_id", agencies.get(first).code())).getStatus())
				.as("the second agency's key is no key of the first").isEqualTo(403);
		assertThat(open311.post("requests.json", fields("api_key", newKey, "service_code", "other", "address_string",
				"8 Main St", "jurisdiction_id", "keys-b")).getStatus())
				.as("it is a key of the second, whose catalogue was seeded").isIn(200, 404);
	}
}
