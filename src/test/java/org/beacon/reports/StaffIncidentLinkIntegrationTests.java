package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.beacon.agency.Agencies;
import org.beacon.incidents.IncidentImports;
import org.beacon.reports.internal.FormTokens;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.StoredRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/** Staff link a report to an incident record: checked against the incidents module, audited, never public. */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class StaffIncidentLinkIntegrationTests {

	static final UserRequestPostProcessor OFFICER = user("officer1").roles("OFFICER");
	static final UserRequestPostProcessor ANALYST = user("analyst1").roles("ANALYST");

	@Autowired
	MockMvc mvc;

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@Autowired
	ServiceRequestService requests;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffChainForTests.RecordingAuditTrail audit;

	@Autowired
	FormTokens tokens;

	@TempDir
	Path dir;

	String near;
	String far;

	@BeforeEach
	void incidents() throws Exception {
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		near = "LNK-" + run + "-1";
		far = "LNK-" + run + "-2";
		LinkableIncidents.importYesterday(imports, agencies.defaultAgency().id(), dir,
				new String[] { near, "38.60010", "-90.24800", "4400 MARGARETTA AVE" },
				new String[] { far, "38.70000", "-90.10000", "1 FAR AWAY ST" });
	}

	@Test
	void staffLinkAnIncidentBySourceIdAndSeeItInTheQueueAndTheReport() throws Exception {
		StoredRequest r = report();

		MockHttpServletResponse linked = mvc.perform(post("/staff/reports/requests/" + r.publicId() + "/incident")
				.with(OFFICER).with(csrf()).param("sourceId", " " + near + " ")).andReturn().getResponse();

		assertThat(linked.getRedirectedUrl()).isEqualTo("/staff/reports/requests/" + r.publicId());
		String detail = page("/staff/reports/requests/" + r.publicId());
		assertThat(between(detail, "id=\"linked-incidents\"", "</ul>")).contains(near, "generic", "officer1");
		String queue = page("/staff/reports?status=all");
		String row = between(queue, "/staff/reports/requests/" + r.publicId() + "\"", "</tr>");
		assertThat(row).contains(near);
		assertThat(audit.entries()).anySatisfy(e -> assertThat(e).startsWith(
				"reports.incident.link service_request:" + r.publicId() + " incident:").endsWith(" success"));
		assertThat(repository.updates(r.id())).anySatisfy(u -> {
			assertThat(u.kind()).isEqualTo("incident");
			assertThat(u.publicUpdate()).isFalse();
			assertThat(u.body()).isEqualTo("Linked to incident generic " + near);
		});
	}

	@Test
	void aLinkIsNeverPublic() throws Exception {
		StoredRequest r = report();
		mvc.perform(post("/staff/reports/requests/" + r.publicId() + "/incident").with(OFFICER).with(csrf())
				.param("sourceId", near));

		String follow = mvc.perform(get("/report/" + r.publicId())).andReturn().getResponse().getContentAsString();
		String open311 = mvc.perform(get("/open311/v2/requests/" + r.publicId() + ".json").param("extensions", "true"))
				.andReturn().getResponse().getContentAsString();
		String updates = mvc.perform(get("/open311/v2/servicerequestupdates.json")).andReturn().getResponse()
				.getContentAsString();

		assertThat(follow).contains("Report " + r.publicId()).doesNotContain(near, "incident");
		assertThat(open311).contains(r.publicId()).doesNotContain(near);
		assertThat(updates).doesNotContain(near);
	}

	@Test
	void anUnknownSourceIdGivesAClearErrorAndLinksNothing() throws Exception {
		StoredRequest r = report();

		MockHttpServletResponse refused = mvc.perform(post("/staff/reports/requests/" + r.publicId() + "/incident")
				.with(OFFICER).with(csrf()).param("sourceId", "NO-SUCH-INCIDENT")).andReturn().getResponse();
		MockHttpServletResponse blank = mvc.perform(post("/staff/reports/requests/" + r.publicId() + "/incident")
				.with(OFFICER).with(csrf()).param("sourceId", "  ")).andReturn().getResponse();

		assertThat(URLDecoder.decode(refused.getRedirectedUrl(), StandardCharsets.UTF_8)).endsWith(
				"?error=incident source id 'NO-SUCH-INCIDENT': no counted incident of this agency has it");
		assertThat(URLDecoder.decode(blank.getRedirectedUrl(), StandardCharsets.UTF_8))
				.endsWith("?error=incident source id is required");
		assertThat(links(r)).isZero();
	}

	@Test
	void theSameIncidentIsLinkedOnce() throws Exception {
		StoredRequest r = report();
		String url = "/staff/reports/requests/" + r.publicId() + "/incident";
		mvc.perform(post(url).with(OFFICER).with(csrf()).param("sourceId", near));

		MockHttpServletResponse again = mvc.perform(post(url).with(OFFICER).with(csrf()).param("sourceId", near))
				.andReturn().getResponse();

		assertThat(URLDecoder.decode(again.getRedirectedUrl(), StandardCharsets.UTF_8))
				.endsWith("?error=incident " + near + " is already linked to this report");
		assertThat(links(r)).isEqualTo(1);
	}

	@Test
	void nearbyIncidentsOfTheLastDaysAreOfferedAndCanBePicked() throws Exception {
		StoredRequest r = report();

		String detail = page("/staff/reports/requests/" + r.publicId());
		String offered = between(detail, "id=\"nearby-incidents\"", "</ul>");
		assertThat(offered).contains(near).doesNotContain(far);
		long incidentId = jdbc.sql("SELECT id FROM incident WHERE source_id = :s").param("s", near).query(Long.class)
				.single();

		mvc.perform(post("/staff/reports/requests/" + r.publicId() + "/incident").with(OFFICER).with(csrf())
				.param("incidentId", Long.toString(incidentId)));

		assertThat(jdbc.sql("SELECT incident_source_id FROM service_request_incident WHERE request_id = :r")
				.param("r", r.id()).query(String.class).list()).containsExactly(near);
	}

	@Test
	void analystsMayReadButNotLink() throws Exception {
		StoredRequest r = report();

		MockHttpServletResponse refused = mvc.perform(post("/staff/reports/requests/" + r.publicId() + "/incident")
				.with(ANALYST).with(csrf()).param("sourceId", near)).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(links(r)).isZero();
	}

	/** An approved public report 20 m from the near incident. */
	private StoredRequest report() throws Exception {
		String body = mvc.perform(post("/report").param("service", "other").param("description", "Car window smashed")
				.param("lat", "38.60028").param("lon", "-90.24800").param("_csrf", tokens.issue())).andReturn()
				.getResponse().getContentAsString();
		String id = between(body, "id=\"report-id\">", "<");
		StoredRequest r = repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();
		return requests.moderate(r, Moderation.APPROVED, null, "moderator");
	}

	private long links(StoredRequest r) {
		return jdbc.sql("SELECT COUNT(*) FROM service_request_incident WHERE request_id = :r").param("r", r.id())
				.query(Long.class).single();
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
