package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.reports.Open311Client.fields;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.reports.internal.ApiKeys;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.shared.AgencyId;
import org.beacon.tips.TipImages;
import org.beacon.tips.internal.TipService;
import org.beacon.tips.internal.TipSubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.ObjectMapper;

/** Staff triage at /staff/reports: roles, the queue, honest outcomes, SLA, duplicates, moderation, tips. */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class StaffTriageIntegrationTests {

	static final UserRequestPostProcessor OFFICER = user("officer1").roles("OFFICER");
	static final UserRequestPostProcessor SUPERVISOR = user("sergeant1").roles("SUPERVISOR");
	static final UserRequestPostProcessor ANALYST = user("analyst1").roles("ANALYST");
	static final UserRequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Agencies agencies;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	TipService tipService;

	@Autowired
	StaffChainForTests.RecordingAuditTrail audit;

	Open311Client open311;
	String key;
	AgencyId agency;

	@BeforeEach
	void setUp() {
		open311 = new Open311Client(mvc);
		agency = agencies.defaultAgency().id();
		key = apiKeys.issue(agency, "tests", "test").key();
	}

	@Test
	void anonymousVisitorsAreSentToLoginAndOtherRolesAreRefused() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get("/staff/reports")).andReturn().getResponse();
		MockHttpServletResponse caseManager = mvc.perform(get("/staff/reports").with(user("cm").roles("CASE_MANAGER")))
				.andReturn().getResponse();
		MockHttpServletResponse analyst = mvc.perform(get("/staff/reports").with(ANALYST)).andReturn().getResponse();
		String id = report("other", "1 Queue St");
		MockHttpServletResponse analystActs = mvc.perform(post("/staff/reports/requests/" + id + "/note").with(ANALYST)
				.with(csrf()).param("text", "analysts read only")).andReturn().getResponse();

		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
		assertThat(caseManager.getStatus()).isEqualTo(403);
		assertThat(analyst.getStatus()).isEqualTo(200);
		assertThat(analystActs.getStatus()).isEqualTo(403);
	}

	@Test
	void queueListsReportsAndTipsAndFlagsOverdueOnes() throws Exception {
		String late = report("noise", "1 Late St", "attribute[source]", "music");
		String onTime = report("noise", "2 Early St", "attribute[source]", "music");
		jdbc.sql("UPDATE service_request SET expected_at = :past WHERE public_id = :id")
				.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2)).param("id", late).update();
		long tip = tip("Queue tip about a stash house");

		String all = page(get("/staff/reports"), OFFICER);
		String overdue = page(get("/staff/reports").param("overdue", "true").param("kind", "reports"), OFFICER);

		assertThat(all).contains(late).contains(onTime).contains("Tip " + tip).contains("overdue");
		assertThat(overdue).contains(late).doesNotContain(onTime).doesNotContain("Tip " + tip);
	}

	@Test
	void officerAssignsToThemselvesAndChangingCategoryMovesTheSlaClock() throws Exception {
		String id = report("other", "3 Main St");

		act("/staff/reports/requests/" + id + "/assign", OFFICER, "assignee", "me");
		act("/staff/reports/requests/" + id + "/category", OFFICER, "serviceCode", "discarded_needles");

		StoredRequest r = stored(id);
		assertThat(r.assignedTo()).isEqualTo("officer1");
		assertThat(r.serviceCode()).isEqualTo("discarded_needles");
		assertThat(Duration.between(r.requestedAt(), r.expectedAt())).isEqualTo(Duration.ofHours(24));
		assertThat(audit.entries()).contains("reports.assign service_request:" + id + " success");
	}

	@Test
	void closingWithAnHonestOutcomeIsWhatOpen311ClientsSee() throws Exception {
		String id = report("other", "4 Main St");

		act("/staff/reports/requests/" + id + "/note", OFFICER, "text", "Internal: owner is a councillor's cousin");
		act("/staff/reports/requests/" + id + "/update", OFFICER, "text", "We have contacted the property owner.");
		act("/staff/reports/requests/" + id + "/close", OFFICER, "outcome", "NOT_FIXED", "note", "The owner refused.");

		var request = json.readTree(open311.get("requests/" + id + ".json", "extensions", "true").getContentAsString()).get(0);
		String updates = open311.get("servicerequestupdates.xml").getContentAsString();
		assertThat(request.get("status").asString()).isEqualTo("closed");
		assertThat(request.get("status_notes").asString()).isEqualTo("Closed without a fix. The owner refused.");
		assertThat(request.get("extended_attributes").get("outcome").asString()).isEqualTo("not_fixed");
		assertThat(updates).contains("We have contacted the property owner.").doesNotContain("councillor");
	}

	@Test
	void nearbyReportsOfTheSameServiceAreSuggestedAsDuplicates() throws Exception {
		String first = reportAt("graffiti", "38.61000", "-90.20000");
		String near = reportAt("graffiti", "38.61030", "-90.20020");
		String far = reportAt("graffiti", "38.61400", "-90.20000");
		String otherService = report("street_light", null, "lat", "38.61010", "long", "-90.20010", "attribute[problem]", "out");
		String old = reportAt("graffiti", "38.61005", "-90.20005");
		jdbc.sql("UPDATE service_request SET requested_at = :old WHERE public_id = :id")
				.param("old", OffsetDateTime.now(ZoneOffset.UTC).minusDays(20)).param("id", old).update();

		String page = page(get("/staff/reports/requests/" + first), OFFICER);
		act("/staff/reports/requests/" + near + "/duplicate", OFFICER, "original", first);

		// 0.0003° of latitude ≈ 33 m, 0.0002° of longitude at 38.6° ≈ 17 m: about 38 m apart; 0.004° ≈ 445 m
		assertThat(page).contains(near).doesNotContain(far).doesNotContain(otherService).doesNotContain(old);
		StoredRequest duplicate = stored(near);
		assertThat(duplicate.state().open311Status()).isEqualTo("closed");
		assertThat(duplicate.duplicateOf()).isEqualTo(stored(first).id());
		assertThat(json.readTree(open311.get("requests/" + near + ".json").getContentAsString()).get(0).get("status_notes")
				.asString()).isEqualTo("Duplicate of an earlier report. Duplicate of report " + first + ".");
	}

	@Test
	void onlySupervisorsModerateWhatBecomesPublic() throws Exception {
		String id = report("other", "5 Main St", "description", "Broken glass all over the playground");

		MockHttpServletResponse officer = mvc.perform(post("/staff/reports/requests/" + id + "/moderate").with(OFFICER)
				.with(csrf()).param("decision", "APPROVED")).andReturn().getResponse();
		String before = open311.get("requests/" + id + ".json").getContentAsString();
		act("/staff/reports/requests/" + id + "/moderate", SUPERVISOR, "decision", "APPROVED");
		String after = open311.get("requests/" + id + ".json").getContentAsString();

		assertThat(officer.getStatus()).isEqualTo(403);
		assertThat(before).doesNotContain("Broken glass");
		assertThat(after).contains("Broken glass all over the playground");
	}

	@Test
	void reporterContactIsForSupervisorsAndEveryReadIsAudited() throws Exception {
		String id = report("other", "6 Main St", "email", "neighbour@example.org", "phone", "314-555-0199");

		MockHttpServletResponse officer = mvc.perform(get("/staff/reports/requests/" + id + "/contact").with(OFFICER))
				.andReturn().getResponse();
		String supervisor = page(get("/staff/reports/requests/" + id + "/contact"), SUPERVISOR);

		assertThat(officer.getStatus()).isEqualTo(403);
		assertThat(supervisor).contains("neighbour@example.org").contains("314-555-0199");
		assertThat(audit.entries()).contains("reports.contact.read service_request:" + id + " success");
		assertThat(page(get("/staff/reports/requests/" + id), OFFICER)).doesNotContain("neighbour@example.org");
	}

	@Test
	void staffAskTheAnonymousReporterThroughTheReceipt() throws Exception {
		var created = json.readTree(open311.post("requests.json", fields("api_key", key, "service_code", "other",
				"address_string", "7 Main St", "extensions", "true")).getContentAsString()).get(0);
		String id = created.get("service_request_id").asString();

		act("/staff/reports/requests/" + id + "/ask", OFFICER, "question", "Which side of the street?");

		String dialogue = mvc.perform(post("/tips/receipt").param("code", created.get("extended_attributes").get("receipt_id")
				.asString()).param("passphrase", created.get("extended_attributes").get("receipt_passphrase").asString()))
				.andReturn().getResponse().getContentAsString();
		assertThat(dialogue).contains("Which side of the street?");
		assertThat(page(get("/staff/reports/requests/" + id), OFFICER)).contains("Which side of the street?");
	}

	@Test
	void tipTriageWithImagesWhereOnlySupervisorsOpenTheSealedOriginal() throws Exception {
		byte[] original = TipImages.jpegWithGps();
		var accepted = tipService.submit(agency, TipSubmission.of("drugs", "Photo of the drop spot", "Behind 12 Elm", null,
				null, null), List.of(new TipService.Upload("image 1", original)));
		long id = accepted.tipId();
		long attachment = jdbc.sql("SELECT id FROM tip_attachment WHERE tip_id = :t").param("t", id).query(Long.class).single();
		String base = "/staff/reports/tips/" + id;

		String page = page(get(base), OFFICER);
		MockHttpServletResponse working = mvc.perform(get(base + "/attachments/" + attachment).with(OFFICER)).andReturn()
				.getResponse();
		MockHttpServletResponse officerOriginal = mvc.perform(get(base + "/attachments/" + attachment + "/original")
				.with(OFFICER)).andReturn().getResponse();
		MockHttpServletResponse supervisorOriginal = mvc.perform(get(base + "/attachments/" + attachment + "/original")
				.with(SUPERVISOR)).andReturn().getResponse();

		assertThat(page).contains("Photo of the drop spot").contains("Behind 12 Elm").doesNotContain("Download sealed original");
		assertThat(working.getStatus()).isEqualTo(200);
		assertThat(working.getContentType()).isEqualTo("image/jpeg");
		assertThat(TipImages.contains(working.getContentAsByteArray(), "Exif")).isFalse();
		assertThat(officerOriginal.getStatus()).isEqualTo(403);
		assertThat(supervisorOriginal.getStatus()).isEqualTo(200);
		assertThat(supervisorOriginal.getContentAsByteArray()).isEqualTo(original);
		assertThat(supervisorOriginal.getHeader("X-Content-SHA256")).hasSize(64);
		assertThat(audit.entries()).contains("tips.attachment.original.read tip:" + id + "/attachment:" + attachment + " success");
		assertThat(page(get(base), SUPERVISOR)).contains("sealed original (audited)").contains("Sealed original of attachment " + attachment + " read");
	}

	@Test
	void heldTipsAreReleasedOnlyBySupervisorsAndClosingTellsTheTipsterGenerically() throws Exception {
		var accepted = tipService.submit(agency, TipSubmission.of("other", "Black guys always on that corner", null, null,
				null, null), List.of());
		long id = accepted.tipId();

		MockHttpServletResponse officer = mvc.perform(post("/staff/reports/tips/" + id + "/release").with(OFFICER).with(csrf()))
				.andReturn().getResponse();
		act("/staff/reports/tips/" + id + "/release", SUPERVISOR);
		act("/staff/reports/tips/" + id + "/close", OFFICER, "outcome", "INFORMATION_USED", "notice",
				"Your information was used. Thank you.");

		assertThat(officer.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT moderation || ' ' || state || ' ' || outcome FROM tip WHERE id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("clear closed INFORMATION_USED");
		String dialogue = mvc.perform(post("/tips/receipt").param("code", accepted.receipt().code())
				.param("passphrase", accepted.receipt().passphrase())).andReturn().getResponse().getContentAsString();
		assertThat(dialogue).contains("Your information was used. Thank you.").doesNotContain("corner");
	}

	@Test
	void administratorsIssueApiKeysThatWorkAndOthersCannot() throws Exception {
		MockHttpServletResponse officer = mvc.perform(get("/staff/reports/api-keys").with(OFFICER)).andReturn().getResponse();
		String issuedPage = mvc.perform(post("/staff/reports/api-keys").with(ADMIN).with(csrf()).param("label", "FixMyStreet"))
				.andReturn().getResponse().getContentAsString();
		String newKey = issuedPage.replaceAll("(?s).*<code id=\"issued-key\">([^<]+)</code>.*", "$1");

		assertThat(officer.getStatus()).isEqualTo(403);
		assertThat(newKey).hasSize(43);
		assertThat(open311.post("requests.json", fields("api_key", newKey, "service_code", "other", "address_string", "8 Main St"))
				.getStatus()).isEqualTo(200);
	}

	private String report(String service, String address, String... more) throws Exception {
		Map<String, String> f = fields("api_key", key, "service_code", service);
		if (address != null) {
			f.put("address_string", address);
		}
		for (int i = 0; i < more.length; i += 2) {
			f.put(more[i], more[i + 1]);
		}
		MockHttpServletResponse response = open311.post("requests.json", f);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return json.readTree(response.getContentAsString()).get(0).get("service_request_id").asString();
	}

	private String reportAt(String service, String lat, String lon) throws Exception {
		return report(service, null, "lat", lat, "long", lon, "attribute[surface]", "public");
	}

	private long tip(String text) {
		return tipService.submit(agency, TipSubmission.of("drugs", text, null, null, null, null), List.of()).tipId();
	}

	private StoredRequest stored(String id) {
		return repository.byPublicId(agency, id).orElseThrow();
	}

	private String page(MockHttpServletRequestBuilder request, UserRequestPostProcessor user) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(user)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private void act(String path, UserRequestPostProcessor user, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(user).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).as("no error").doesNotContain("error=");
	}
}
