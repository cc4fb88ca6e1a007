package org.beacon.overdose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.login;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityIntegrationTest;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccount;
import org.beacon.identity.StaffAccounts;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The entry form and the JSON API, through the real security chains. The clock stands at 2030-01-01 08:00 UTC. */
@IdentityIntegrationTest
class OverdoseEntryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	OverdoseEvents events;

	@Test
	void showsAFormWithFourRequiredFieldsAndNoInlineScript() throws Exception {
		MockHttpSession officer = login(mvc, account(accounts, agencies, "officer", Role.OFFICER).username(), PASSWORD);

		String page = mvc.perform(get("/overdose/new").session(officer)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("name=\"occurred\"", "name=\"lat\"", "name=\"neighbourhood\"", "name=\"fatal\"",
				"name=\"doses\"", "/js/overdose-entry.js");
		// the form starts at now in the agency's time zone (the test clock, which other tests move forward)
		assertThat(page).containsPattern("id=\"occurred\" name=\"occurred\" required value=\"20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d\"");
		assertThat(page).doesNotContainPattern("<script>[^<]");
	}

	@Test
	void officerRecordsAnOverdoseInFourFields() throws Exception {
		MockHttpSession officer = login(mvc, account(accounts, agencies, "officer", Role.OFFICER).username(), PASSWORD);

		String location = mvc.perform(post("/overdose/events").session(officer).with(csrf())
				.param("occurred", "2029-12-31T22:15").param("lat", "38.6270").param("lon", "-90.1994")
				.param("fatal", "no").param("doses", "2").param("drugs", "fentanyl", "xylazine"))
				.andExpect(redirectedUrlPattern("/overdose/new?saved=*"))
				.andReturn().getResponse().getRedirectedUrl();

		long id = Long.parseLong(location.substring(location.indexOf('=') + 1));
		OverdoseEvent stored = find(id);
		assertThat(stored.entry().occurredAt()).isEqualTo(Instant.parse("2030-01-01T04:15:00Z")); // 22:15 CST
		assertThat(stored.entry().occurredDate()).isEqualTo(LocalDate.of(2029, 12, 31));
		assertThat(stored.entry().precision()).isEqualTo(LocationPrecision.POINT);
		assertThat(stored.entry().fatal()).isFalse();
		assertThat(stored.entry().naloxoneDoses()).isEqualTo(2);
		assertThat(stored.entry().naloxoneGiven()).isTrue();
		assertThat(stored.entry().suspectedDrugs()).containsExactly("fentanyl", "xylazine");
		assertThat(stored.entry().sourceName()).isEqualTo("form");
		assertThat(stored.h3Cell()).isNotNull();
	}

	@Test
	void sendsTheFormBackWhenARequiredFieldIsMissingAndStoresNothing() throws Exception {
		MockHttpSession officer = login(mvc, account(accounts, agencies, "officer", Role.OFFICER).username(), PASSWORD);
		int before = events.events(defaultAgency(), null, null).size();

		mvc.perform(post("/overdose/events").session(officer).with(csrf()).param("occurred", "2029-12-31T22:15")
				.param("lat", "38.6270").param("lon", "-90.1994"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("fatal is required")))
				.andExpect(content().string(containsString("naloxone is required")))
				.andExpect(content().string(containsString("value=\"38.6270\"")));

		assertThat(events.events(defaultAgency(), null, null)).hasSize(before);
	}

	@Test
	void keepsTheFormFromAccountsWithoutAnEntryRole() throws Exception {
		MockHttpSession caseManager = login(mvc, account(accounts, agencies, "cm", Role.CASE_MANAGER).username(), PASSWORD);

		mvc.perform(get("/overdose/new").session(caseManager)).andExpect(status().isForbidden());
		mvc.perform(get("/overdose/new")).andExpect(status().is3xxRedirection());
	}

	@Test
	void apiAcceptsAnOdmapShapedEventAndNeverStoresWhatItDoesNotAsk() throws Exception {
		StaffAccount ems = account(accounts, agencies, "ems", Role.PARTNER);

		String created = mvc.perform(post("/api/overdose/events").with(httpBasic(ems.username(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"incident_date": "2029-12-30", "incident_time": "03:10", "latitude": 38.61, "longitude": -90.21,
						 "fatal": true, "naloxone_doses": 0, "suspected_drugs": ["heroin"], "source": "ems",
						 "case_number": "RUN-77", "patient_name": "Somebody Real", "date_of_birth": "1990-01-01"}"""))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.fatal").value(true))
				.andExpect(jsonPath("$.naloxone_administered").value(false))
				.andExpect(jsonPath("$.occurred_at").value("2029-12-30T09:10Z"))
				.andExpect(jsonPath("$.case_number").value("RUN-77"))
				.andReturn().getResponse().getContentAsString();
		assertThat(created).doesNotContain("Somebody", "1990");

		mvc.perform(post("/api/overdose/events").with(httpBasic(ems.username(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"incident_date": "2029-12-30", "incident_time": "03:10", "latitude": 38.61, "longitude": -90.21,
						 "fatal": true, "naloxone_doses": 0, "case_number": "RUN-77"}"""))
				.andExpect(status().isCreated());
		assertThat(events.events(defaultAgency(), LocalDate.of(2029, 12, 30), LocalDate.of(2029, 12, 30)))
				.filteredOn(e -> "RUN-77".equals(e.entry().sourceId())).hasSize(1);

		mvc.perform(get("/api/overdose/events").param("from", "2029-12-30").param("to", "2029-12-30")
				.with(httpBasic(ems.username(), PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.case_number == 'RUN-77')].suspected_drugs[0]").value("heroin"))
				.andExpect(content().string(not(containsString("Somebody"))));
	}

	@Test
	void apiRejectsABatchWithOneBadEventAndStoresNoneOfIt() throws Exception {
		StaffAccount officer = account(accounts, agencies, "officer", Role.OFFICER);
		int before = events.events(defaultAgency(), null, null).size();

		mvc.perform(post("/api/overdose/events").with(httpBasic(officer.username(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("""
						[{"occurred_at": "2029-12-29T10:00:00-06:00", "latitude": 38.6, "longitude": -90.2,
						  "fatal": false, "naloxone_doses": 1},
						 {"occurred_at": "2029-12-29T11:00:00-06:00", "latitude": 138.6, "longitude": -90.2,
						  "naloxone_doses": -1}]"""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].index").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("latitude"))
				.andExpect(jsonPath("$.errors[?(@.field == 'fatal')].rule").value("fatal is required: true or false"))
				.andExpect(jsonPath("$.errors[?(@.field == 'naloxone_doses')].rule").value("must be a whole number from 0 to 50"));

		assertThat(events.events(defaultAgency(), null, null)).hasSize(before);
	}

	@Test
	void apiNeedsAnAccountWithAnEntryRole() throws Exception {
		StaffAccount command = account(accounts, agencies, "command", Role.COMMAND);
		String body = """
				{"occurred_at": "2029-12-29T10:00:00-06:00", "neighbourhood": "none", "fatal": false, "naloxone_doses": 1}""";

		mvc.perform(post("/api/overdose/events").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/overdose/events").with(httpBasic(command.username(), PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
	}

	private AgencyId defaultAgency() {
		return agencies.defaultAgency().id();
	}

	private OverdoseEvent find(long id) {
		List<OverdoseEvent> all = events.events(defaultAgency(), null, null);
		return all.stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}
}
