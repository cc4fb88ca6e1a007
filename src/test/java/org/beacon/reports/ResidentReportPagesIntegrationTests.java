package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.agency.Agencies;
import org.beacon.reports.internal.FormTokens;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.tips.DescriptionScreen;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The resident report pages at /report: choose, fill in, send, get the id and receipt, follow. No cookie anywhere. */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class ResidentReportPagesIntegrationTests {

	private static final Pattern REPORT_ID = Pattern.compile("id=\"report-id\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	ServiceRequestService requests;

	/**
	 * Tokens as the form carries them. Spring Security's {@code csrf()} test helper is not used: it would swap this
	 * chain's token store for a session-backed one, and these paths never have a session.
	 */
	@Autowired
	FormTokens tokens;

	@Test
	void offersThePublicCatalogueWithPrivateCategoriesLabelled() throws Exception {
		MockHttpServletResponse choose = mvc.perform(get("/report")).andReturn().getResponse();
		String page = choose.getContentAsString(StandardCharsets.UTF_8);

		assertThat(choose.getStatus()).isEqualTo(200);
		assertThat(page).contains("Graffiti", "Street light out", "Suspected drug activity");
		String drugRow = page.substring(page.indexOf("service-drug_activity"), page.indexOf("service-drug_activity") + 300);
		assertThat(drugRow).contains("Not shown publicly");
		String graffitiRow = page.substring(page.indexOf("service-graffiti"), page.indexOf("service-graffiti") + 250);
		assertThat(graffitiRow).doesNotContain("Not shown publicly");
		assertThat(choose.getCookies()).as("no cookie for residents").isEmpty();

		String privateForm = body(get("/report").param("service", "drug_activity"));
		assertThat(privateForm).contains("id=\"private-note\"", "Not shown publicly.").contains(
				"Describe what you saw, where and when: the problem, not the people.");
		assertThat(privateForm).containsPattern("name=\"_csrf\" value=\"\\d+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\"");
	}

	@Test
	void refusesAPostWithoutAValidFormToken() throws Exception {
		long before = count();

		MockHttpServletResponse none = mvc.perform(report("other", "No token", "38.62", "-90.2")).andReturn().getResponse();
		MockHttpServletResponse forged = mvc.perform(report("other", "Forged", "38.62", "-90.2")
				.param("_csrf", "1700000000.AAAAAAAAAAAAAAAA.bm90LWEtc2lnbmF0dXJl")).andReturn().getResponse();

		assertThat(none.getStatus()).isEqualTo(403);
		assertThat(none.getContentAsString(StandardCharsets.UTF_8)).startsWith("_csrf: the form is missing its token");
		assertThat(forged.getStatus()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void acceptsTheTokenTheFormCarries() throws Exception {
		String form = body(get("/report").param("service", "other"));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();

		MockHttpServletResponse sent = mvc.perform(report("other", "Signed form token " + System.nanoTime(), "38.62",
				"-90.2").param("_csrf", token.group(1))).andReturn().getResponse();

		assertThat(sent.getStatus()).isEqualTo(200);
		assertThat(sent.getContentAsString()).contains("id=\"report-id\"");
	}

	@Test
	void badInputShowsTheFormAgainWithTheFieldsKeptAndEachErrorNamingItsField() throws Exception {
		long before = count();

		MockHttpServletResponse response = mvc.perform(report("graffiti", "Tags on the bus shelter", "95", "-90.2")
				.param("email", "not-an-email").param("address", "Shelter on Grand").param("_csrf", tokens.issue())).andReturn()
				.getResponse();
		String page = HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(page).contains("latitude must be a number between -90 and 90 (WGS84 degrees), was '95'",
				"email is not a valid e-mail address", "an answer is required: What is the graffiti on?");
		assertThat(page).doesNotContain("attribute[surface]");
		assertThat(page).contains("id=\"location-error\"", "id=\"email-error\"", "id=\"a-surface-error\"");
		assertThat(page).contains("value=\"95\"", "value=\"-90.2\"", "value=\"not-an-email\"", "value=\"Shelter on Grand\"",
				">Tags on the bus shelter</textarea>");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void requiresWhatHappenedAndAPlace() throws Exception {
		String page = HtmlUtils.htmlUnescape(mvc.perform(post("/report").param("service", "other").param("_csrf", tokens.issue()))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(page).contains("description is required: tell us what happened",
				"location is required: click the map or type an address");
	}

	@Test
	void anAnonymousReportGetsItsIdAndAReceiptAndGoesThroughTheOpen311Service() throws Exception {
		String text = "Street sign knocked down " + System.nanoTime();

		MockHttpServletResponse response = mvc.perform(report("other", text, "38.62745", "-90.19941").param("_csrf", tokens.issue()))
				.andReturn().getResponse();
		String page = response.getContentAsString(StandardCharsets.UTF_8);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getCookies()).isEmpty();
		String id = id(page);
		assertThat(page).containsPattern("id=\"receipt-code\">[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}<")
				.contains("id=\"receipt-passphrase\"", "id=\"print-report\"", "href=\"/report/" + id + "\"");
		StoredRequest stored = repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();
		assertThat(stored.channel()).isEqualTo("web");
		assertThat(stored.description()).isEqualTo(text);
		assertThat(stored.receiptId()).isNotNull();
		assertThat(stored.expectedAt()).isEqualTo(stored.requestedAt().plusSeconds(3600L * stored.slaHours()));
		assertThat(jdbc.sql("SELECT api_key_id FROM service_request WHERE id = :id").param("id", stored.id())
				.query(Long.class).optional()).isEmpty();
	}

	@Test
	void aReporterWhoGivesAnEmailAddressGetsNoReceipt() throws Exception {
		String page = body(report("other", "Pothole with an e-mail " + System.nanoTime(), "38.6", "-90.2")
				.param("email", "resident@example.org").param("name", "Ann").param("_csrf", tokens.issue()));

		String id = id(page);
		assertThat(page).doesNotContain("receipt-code");
		assertThat(repository.contact(repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow().id())
				.orElseThrow().email()).isEqualTo("resident@example.org");
	}

	@Test
	void aDescriptionOfPeopleByRaceAloneIsHeldWithTheExplanation() throws Exception {
		String page = HtmlUtils.htmlUnescape(body(report("other", "Two black guys hanging around the corner", "38.6",
				"-90.2").param("_csrf", tokens.issue())));

		assertThat(page).contains(DescriptionScreen.EXPLANATION);
		assertThat(repository.byPublicId(agencies.defaultAgency().id(), id(page)).orElseThrow().moderation())
				.isEqualTo(Moderation.HELD);
	}

	@Test
	void theFollowPageShowsWhatOpen311ShowsWithTheExpectedDate() throws Exception {
		String text = "Broken bench " + System.nanoTime();
		String id = id(body(report("other", text, "38.62745", "-90.19941").param("address", "4321 Margaretta Ave")
				.param("_csrf", tokens.issue())));
		StoredRequest stored = repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();

		String pending = body(get("/report/" + id));
		assertThat(pending).contains("Report " + id, "Received, waiting to be read", "id=\"expected\"")
				.contains("Where (area centre)").doesNotContain(text, "4321", "MARGARETTA", "38.62745")
				.doesNotContain("id=\"overdue\"");
		assertThat(between(pending, "<nav", "</nav>")).contains("Report a problem");

		stored = requests.moderate(stored, Moderation.APPROVED, null, "moderator");
		requests.publicUpdate(stored, "A crew is booked for Tuesday.", "officer1");
		String approved = body(get("/report/" + id));
		assertThat(approved).contains(text, "A crew is booked for Tuesday.", "4300 BLOCK MARGARETTA AVE")
				.doesNotContain("4321");
	}

	@Test
	void anOverdueReportIsFlaggedOnTheFollowPageAndInTheReceiptStatus() throws Exception {
		String page = body(report("other", "Overdue check " + System.nanoTime(), "38.6", "-90.2").param("_csrf", tokens.issue()));
		String id = id(page);
		String code = HtmlUtils.htmlUnescape(between(page, "id=\"receipt-code\">", "<"));
		String passphrase = HtmlUtils.htmlUnescape(between(page, "id=\"receipt-passphrase\">", "<"));
		jdbc.sql("UPDATE service_request SET expected_at = :past WHERE public_id = :id")
				.param("past", OffsetDateTime.ofInstant(Instant.now().minusSeconds(3600), ZoneOffset.UTC)).param("id", id)
				.update();

		assertThat(body(get("/report/" + id))).contains("id=\"overdue\"");
		String receipt = HtmlUtils.htmlUnescape(body(post("/tips/receipt").param("code", code)
				.param("passphrase", passphrase)));
		assertThat(receipt).contains("Report " + id + " (Something else): Received").containsPattern(
				"Expected by \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}: overdue");
	}

	@Test
	void aPrivateCategoryIsNeverOnAPublicPage() throws Exception {
		String text = "Dealing from the blue house every night " + System.nanoTime();
		String page = body(report("drug_activity", text, "38.61", "-90.25").param("_csrf", tokens.issue()));
		String id = id(page);
		StoredRequest stored = repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();
		requests.moderate(stored, Moderation.APPROVED, null, "moderator");

		assertThat(page).doesNotContain("href=\"/report/" + id + "\"").contains("no public follow page");
		MockHttpServletResponse follow = mvc.perform(get("/report/" + id)).andReturn().getResponse();
		assertThat(follow.getStatus()).isEqualTo(404);
		assertThat(follow.getContentAsString()).doesNotContain(text).doesNotContain("Suspected drug activity");
		assertThat(mvc.perform(get("/open311/v2/requests/" + id + ".json")).andReturn().getResponse().getStatus())
				.isEqualTo(404);
	}

	@Test
	void theLookUpFormSendsAnIdToItsFollowPage() throws Exception {
		MockHttpServletResponse redirect = mvc.perform(get("/report/follow").param("id", " ABC123 ")).andReturn()
				.getResponse();
		MockHttpServletResponse unknown = mvc.perform(get("/report/NOSUCHID")).andReturn().getResponse();

		assertThat(redirect.getStatus()).isEqualTo(302);
		assertThat(redirect.getRedirectedUrl()).isEqualTo("/report/ABC123");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).contains("there is no public report with the number");
		assertThat(body(get("/report/follow"))).contains("Report number", "href=\"/tips/receipt\"");
	}

	@Test
	void theLayoutLinksResidentsToTheFormAndDevelopersToTheApi() throws Exception {
		for (String path : new String[] { "/report", "/report/follow" }) {
			String nav = between(body(get(path)), "<nav", "</nav>");

			assertThat(nav).as(path).contains("<a href=\"/report\">Report a problem</a>",
					"<a href=\"/report/follow\">Follow a report</a>", "<a href=\"/open311\">Open311 API (developers)</a>");
		}
	}

	private MockHttpServletRequestBuilder report(String service, String description, String lat, String lon) {
		return post("/report").param("service", service).param("description", description).param("lat", lat)
				.param("lon", lon);
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single();
	}

	private static String id(String page) {
		Matcher m = REPORT_ID.matcher(page);
		assertThat(m.find()).as("the page shows the report id").isTrue();
		return m.group(1);
	}

	private static String between(String page, String start, String end) {
		int from = page.indexOf(start) + start.length();
		return page.substring(from, page.indexOf(end, from));
	}
}
