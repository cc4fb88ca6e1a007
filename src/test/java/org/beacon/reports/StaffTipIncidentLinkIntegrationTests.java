package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.incidents.IncidentImports;
import org.beacon.tips.Tips;
import org.beacon.tips.internal.TipService;
import org.beacon.tips.internal.TipSubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** Staff link a tip to an incident record: checked against the incidents module, audited, never in the receipt. */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class StaffTipIncidentLinkIntegrationTests {

	static final UserRequestPostProcessor OFFICER = user("officer1").roles("OFFICER");
	static final UserRequestPostProcessor ANALYST = user("analyst1").roles("ANALYST");

	@Autowired
	MockMvc mvc;

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@Autowired
	TipService tipService;

	@Autowired
	Tips tips;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffChainForTests.RecordingAuditTrail audit;

	@TempDir
	Path dir;

	String near;
	String far;

	@BeforeEach
	void incidents() throws Exception {
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		near = "TIPLNK-" + run + "-1";
		far = "TIPLNK-" + run + "-2";
		LinkableIncidents.importYesterday(imports, agencies.defaultAgency().id(), dir,
				new String[] { near, "38.60010", "-90.24800", "4400 MARGARETTA AVE" },
				new String[] { far, "38.70000", "-90.10000", "1 FAR AWAY ST" });
	}

	@Test
	void staffLinkAnIncidentBySourceIdAndSeeItOnTheTipPage() throws Exception {
		long tip = tip("38.60028", "-90.24800").tipId();

		MockHttpServletResponse linked = mvc.perform(post("/staff/reports/tips/" + tip + "/incident").with(OFFICER)
				.with(csrf()).param("sourceId", " " + near + " ")).andReturn().getResponse();

		assertThat(linked.getRedirectedUrl()).isEqualTo("/staff/reports/tips/" + tip);
		String page = page("/staff/reports/tips/" + tip);
		assertThat(between(page, "id=\"linked-incidents\"", "</ul>")).contains(near, "generic", "officer1");
		assertThat(audit.entries()).anySatisfy(e -> assertThat(e).startsWith("tips.incident.link tip:" + tip + " incident:")
				.endsWith(" success"));
		assertThat(tips.detail(agencies.defaultAgency().id(), tip).orElseThrow().notes()).anySatisfy(n -> {
			assertThat(n.kind()).isEqualTo("incident");
			assertThat(n.body()).isEqualTo("Linked to incident generic " + near);
			assertThat(n.author()).isEqualTo("officer1");
		});
	}

	@Test
	void aLinkIsNeverShownThroughTheReceipt() throws Exception {
		TipService.Accepted accepted = tip("38.60028", "-90.24800");
		mvc.perform(post("/staff/reports/tips/" + accepted.tipId() + "/incident").with(OFFICER).with(csrf())
				.param("sourceId", near));
		assertThat(links(accepted.tipId())).isEqualTo(1);

		MockHttpServletResponse receipt = mvc.perform(post("/tips/receipt").param("code", accepted.receipt().code())
				.param("passphrase", accepted.receipt().passphrase())).andReturn().getResponse();
		String page = receipt.getContentAsString(StandardCharsets.UTF_8);

		assertThat(receipt.getStatus()).isEqualTo(200);
		assertThat(page).contains(accepted.receipt().code()).doesNotContain(near, "generic", "Linked to incident");
	}

	@Test
	void anUnknownOrBlankSourceIdGivesAClearErrorAndLinksNothing() throws Exception {
		long tip = tip("38.60028", "-90.24800").tipId();

		MockHttpServletResponse refused = mvc.perform(post("/staff/reports/tips/" + tip + "/incident").with(OFFICER)
				.with(csrf()).param("sourceId", "NO-SUCH-INCIDENT")).andReturn().getResponse();
		MockHttpServletResponse blank = mvc.perform(post("/staff/reports/tips/" + tip + "/incident").with(OFFICER)
				.with(csrf()).param("sourceId", "  ")).andReturn().getResponse();

		assertThat(URLDecoder.decode(refused.getRedirectedUrl(), StandardCharsets.UTF_8)).endsWith(
				"?error=incident source id 'NO-SUCH-INCIDENT': no counted incident of this agency has it");
		assertThat(URLDecoder.decode(blank.getRedirectedUrl(), StandardCharsets.UTF_8))
				.endsWith("?error=incident source id is required");
		assertThat(links(tip)).isZero();
	}

	@Test
	void theSameIncidentIsLinkedOnce() throws Exception {
		long tip = tip("38.60028", "-90.24800").tipId();
		String url = "/staff/reports/tips/" + tip + "/incident";
		mvc.perform(post(url).with(OFFICER).with(csrf()).param("sourceId", near));

		MockHttpServletResponse again = mvc.perform(post(url).with(OFFICER).with(csrf()).param("sourceId", near))
				.andReturn().getResponse();

		assertThat(URLDecoder.decode(again.getRedirectedUrl(), StandardCharsets.UTF_8))
				.endsWith("?error=incident " + near + " is already linked to this tip");
		assertThat(links(tip)).isEqualTo(1);
	}

	@Test
	void nearbyIncidentsAreOfferedForALocatedTipAndCanBePicked() throws Exception {
		long tip = tip("38.60028", "-90.24800").tipId();

		String offered = between(page("/staff/reports/tips/" + tip), "id=\"nearby-incidents\"", "</ul>");
		assertThat(offered).contains(near).doesNotContain(far);
		long incidentId = jdbc.sql("SELECT id FROM incident WHERE source_id = :s").param("s", near).query(Long.class)
				.single();

		mvc.perform(post("/staff/reports/tips/" + tip + "/incident").with(OFFICER).with(csrf())
				.param("incidentId", Long.toString(incidentId)));

		assertThat(jdbc.sql("SELECT incident_source_id FROM tip_incident WHERE tip_id = :t").param("t", tip)
				.query(String.class).list()).containsExactly(near);
	}

	@Test
	void aTipWithoutAPointOffersNoNearbyIncidents() throws Exception {
		long tip = tip(null, null).tipId();

		String page = page("/staff/reports/tips/" + tip);

		assertThat(page).contains("id=\"incident-source-id\"").doesNotContain("id=\"nearby-incidents\"", near);
	}

	@Test
	void analystsMayReadButNotLink() throws Exception {
		long tip = tip("38.60028", "-90.24800").tipId();

		MockHttpServletResponse refused = mvc.perform(post("/staff/reports/tips/" + tip + "/incident").with(ANALYST)
				.with(csrf()).param("sourceId", near)).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(links(tip)).isZero();
	}

	/** A tip 20 m from the near incident, or without a point. */
	private TipService.Accepted tip(String lat, String lon) {
		return tipService.submit(agencies.defaultAgency().id(),
				TipSubmission.of("drugs", "Someone breaking into cars on Margaretta", "4400 Margaretta", lat, lon, null),
				List.of());
	}

	private long links(long tip) {
		return jdbc.sql("SELECT COUNT(*) FROM tip_incident WHERE tip_id = :t").param("t", tip).query(Long.class).single();
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(OFFICER)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String between(String page, String start, String end) {
		int from = page.indexOf(start);
		assertThat(from).as("page has " + start).isNotNegative();
		from += start.length();
		return page.substring(from, page.indexOf(end, from));
	}
}
