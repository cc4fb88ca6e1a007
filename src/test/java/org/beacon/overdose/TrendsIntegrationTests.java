package org.beacon.overdose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.identity.IdentityFixtures.PASSWORD;
import static org.beacon.identity.IdentityFixtures.account;
import static org.beacon.identity.IdentityFixtures.login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.identity.IdentityIntegrationTest;
import org.beacon.identity.Role;
import org.beacon.identity.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The trends page, its JSON and its CSV exports, on events of the first quarter of 2028 (no other test uses it). */
@IdentityIntegrationTest
class TrendsIntegrationTests {

	static final String PERIOD = "from=2028-01-01&to=2028-03-31&by=city";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Agencies agencies;

	@Autowired
	OverdoseEvents events;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void quarter() {
		record("2028-01-05", "Northside", true, 2, "fentanyl", "heroin");
		record("2028-01-19", "Northside", false, 1, "fentanyl");
		record("2028-02-11", "Southside", false, 0, "fentanyl", "xylazine");
		record("2028-03-02", "Northside", false, 4, "xylazine");
	}

	@Test
	void exportsSubstancesByMonthFirstAppearancesFatalShareAndNaloxoneAsCsv() throws Exception {
		MockHttpSession analyst = login(mvc, account(accounts, agencies, "analyst", Role.ANALYST).username(), PASSWORD);

		assertThat(csv(analyst, "substances")).containsExactly("month,substance,events", "2028-01,fentanyl,2",
				"2028-01,heroin,1", "2028-02,fentanyl,1", "2028-02,xylazine,1", "2028-03,xylazine,1");
		assertThat(csv(analyst, "first-appearance")).containsExactly("substance,area,first_date,events",
				"xylazine,Northside,2028-03-02,1", "fentanyl,Southside,2028-02-11,1", "xylazine,Southside,2028-02-11,1",
				"fentanyl,Northside,2028-01-05,2", "heroin,Northside,2028-01-05,1");
		assertThat(csv(analyst, "fatal-share")).containsExactly("month,events,outcome_known,fatal,fatal_share",
				"2028-01,2,2,1,0.5", "2028-02,1,1,0,0", "2028-03,1,1,0,0");
		// January: 2 + 1 doses over 2 events = 1.5
		assertThat(csv(analyst, "naloxone")).containsExactly(
				"month,events,naloxone_known,naloxone_given,doses_known,doses,doses_per_event", "2028-01,2,2,2,2,3,1.5",
				"2028-02,1,1,0,1,0,0", "2028-03,1,1,1,1,4,4");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'overdose.trends.export' AND target LIKE :t")
				.param("t", "naloxone from=2028-01-01%").query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void showsThePageWithChartsFedByJsonAndKeepsItFromOfficers() throws Exception {
		MockHttpSession partner = login(mvc, account(accounts, agencies, "partner", Role.PARTNER).username(), PASSWORD);
		MockHttpSession officer = login(mvc, account(accounts, agencies, "officer", Role.OFFICER).username(), PASSWORD);

		String page = mvc.perform(get("/overdose/trends?" + PERIOD).session(partner)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("4</span> suspected overdoses", "Xylazine", "/js/overdose-trends.js",
				"data-url=\"/overdose/trends.json?from=2028-01-01&amp;to=2028-03-31&amp;by=city\"");
		mvc.perform(get("/overdose/trends.json?" + PERIOD).session(partner)).andExpect(status().isOk())
				.andExpect(jsonPath("$.fatal[0].share").value(0.5))
				.andExpect(jsonPath("$.naloxone[2].doses_per_event").value(4.0))
				.andExpect(jsonPath("$.substances[0].substance").value("Fentanyl"));
		mvc.perform(get("/overdose/trends").session(officer)).andExpect(status().isForbidden());
	}

	private List<String> csv(MockHttpSession session, String table) throws Exception {
		return mvc.perform(get("/overdose/trends.csv?table=" + table + "&" + PERIOD).session(session))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString().lines().toList();
	}

	private void record(String day, String city, boolean fatal, int doses, String... drugs) {
		LocalDate d = LocalDate.parse(day);
		OverdoseEntry e = new OverdoseEntry(d.atTime(12, 0).atZone(OverdoseFixtures.ST_LOUIS).toInstant(), d, true, null,
				null, LocationPrecision.AREA, null, city, null, fatal, doses > 0, doses, List.of(drugs), EventSource.EMS,
				null, "api", "trend-" + day);
		events.record(agencies.defaultAgency().id(), e, "test");
	}
}
