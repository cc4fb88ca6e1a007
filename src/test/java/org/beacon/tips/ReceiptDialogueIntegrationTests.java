package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.beacon.agency.Agencies;
import org.beacon.reports.CommunityIntegrationTest;
import org.beacon.reports.internal.ApiKeys;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The two-way anonymous dialogue behind a receipt, for tips and for anonymous Open311 reports. */
@CommunityIntegrationTest
class ReceiptDialogueIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tips tips;

	@Autowired
	Agencies agencies;

	@Autowired
	ObjectMapper json;

	AgencyId agency;

	@BeforeEach
	void agency() {
		agency = agencies.defaultAgency().id();
	}

	@Test
	void tipsterReadsAStaffQuestionAndAnswersIt() throws Exception {
		Submitted tip = submitTip("Stolen bikes stored in the garage at the end of the alley");
		tips.ask(agency, tip.id(), "Which alley, between which streets?", "officer1");

		MockHttpServletResponse opened = open(tip.code().toLowerCase().replace("-", " "), tip.passphrase().toLowerCase());
		MockHttpServletResponse replied = mvc.perform(post("/tips/receipt/reply").param("code", tip.code())
				.param("passphrase", tip.passphrase()).param("message", "Between Pine and Olive, behind number 20"))
				.andReturn().getResponse();

		assertThat(opened.getStatus()).isEqualTo(200);
		assertThat(opened.getContentAsString()).contains("Conversation about your tip")
				.contains("Which alley, between which streets?").doesNotContain("officer1");
		assertThat(opened.getHeaders("Set-Cookie")).isEmpty();
		assertThat(replied.getStatus()).isEqualTo(200);
		assertThat(replied.getContentAsString()).contains("Your message was sent.").contains("Between Pine and Olive");
		TipDetail detail = tips.detail(agency, tip.id()).orElseThrow();
		assertThat(detail.dialogue()).extracting(DialogueMessage::body).containsExactly("Which alley, between which streets?",
				"Between Pine and Olive, behind number 20");
		assertThat(detail.summary().unansweredReplies()).isEqualTo(1);
	}

	@Test
	void theReceiptRevealsNothingElseAboutTheTip() throws Exception {
		Submitted tip = submitTip("Secret detail 7781 about the warehouse on Chouteau", "Chouteau warehouse 7781");

		String page = open(tip.code(), tip.passphrase()).getContentAsString();

		assertThat(page).doesNotContain("7781").doesNotContain("warehouse").doesNotContain("Chouteau")
				.doesNotContain("Drug dealing");
		assertThat(page).contains("No questions from staff yet");
	}

	@Test
	void wrongPassphraseOrUnknownNumberIsRefusedTheSameWay() throws Exception {
		Submitted tip = submitTip("Graffiti crew meets at the viaduct on Fridays");

		MockHttpServletResponse wrong = open(tip.code(), "AAAAA-BBBBB-CCCCC-DDDDD");
		MockHttpServletResponse unknown = open("0000-0000-0000", tip.passphrase());
		MockHttpServletResponse replyWithWrongPassphrase = mvc.perform(post("/tips/receipt/reply").param("code", tip.code())
				.param("passphrase", "AAAAA-BBBBB-CCCCC-DDDDD").param("message", "sneaky")).andReturn().getResponse();

		assertThat(wrong.getStatus()).isEqualTo(403);
		assertThat(unknown.getStatus()).isEqualTo(403);
		assertThat(wrong.getContentAsString()).contains("That receipt number and passphrase do not match.");
		assertThat(unknown.getContentAsString()).contains("That receipt number and passphrase do not match.");
		assertThat(replyWithWrongPassphrase.getStatus()).isEqualTo(403);
		assertThat(tips.detail(agency, tip.id()).orElseThrow().dialogue()).isEmpty();
	}

	@Test
	void anExpiredDialogueCannotBeOpened() throws Exception {
		Submitted tip = submitTip("Fights outside the bar at closing time");
		jdbc.sql("UPDATE receipt SET expires_at = :past WHERE code = :code")
				.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)).param("code", tip.code().replace("-", ""))
				.update();

		MockHttpServletResponse response = open(tip.code(), tip.passphrase());

		assertThat(response.getStatus()).isEqualTo(410);
		assertThat(response.getContentAsString()).contains("dialogue has ended");
	}

	@Test
	void aStaffQuestionKeepsTheDialogueOpenLonger() throws Exception {
		Submitted tip = submitTip("Car parts sold out of a van every Sunday");
		String code = tip.code().replace("-", "");
		jdbc.sql("UPDATE receipt SET expires_at = :soon WHERE code = :code")
				.param("soon", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)).param("code", code).update();

		tips.ask(agency, tip.id(), "Which van?", "officer1");

		OffsetDateTime expires = jdbc.sql("SELECT expires_at FROM receipt WHERE code = :code").param("code", code)
				.query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
		assertThat(expires).isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(100));
	}

	@Test
	void anAnonymousOpen311ReportIsFollowedWithTheSameReceipt(@Autowired ApiKeys apiKeys,
			@Autowired ServiceRequestService requests, @Autowired ServiceRequestRepository repository) throws Exception {
		String key = apiKeys.issue(agency, "app", "test").key();
		JsonNode created = json.readTree(mvc.perform(post("/open311/v2/requests.json")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key).param("service_code", "blight")
				.param("address_string", "2600 Cherokee St").param("attribute[property_type]", "vacant_lot")
				.param("attribute[open_to_entry]", "unknown").param("extensions", "true")).andReturn().getResponse()
				.getContentAsString()).get(0);
		String id = created.get("service_request_id").asString();
		var receipt = created.get("extended_attributes");
		var request = repository.byPublicId(agency, id).orElseThrow();
		requests.ask(request, "Is the lot fenced?", "officer2");

		String page = open(receipt.get("receipt_id").asString(), receipt.get("receipt_passphrase").asString())
				.getContentAsString();

		assertThat(page).contains("Conversation about your report").contains("Is the lot fenced?")
				.contains("Report " + id + " (Vacant or blighted property): Received, waiting to be read");
	}

	private MockHttpServletResponse open(String code, String passphrase) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/tips/receipt").param("code", code).param("passphrase", passphrase))
				.andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

	private Submitted submitTip(String text) throws Exception {
		return submitTip(text, null);
	}

	private Submitted submitTip(String text, String location) throws Exception {
		var request = multipart("/tips/new").param("description", text).param("category", "drugs");
		if (location != null) {
			request.param("location", location);
		}
		String page = mvc.perform(request).andReturn().getResponse().getContentAsString();
		String code = TipFormIntegrationTests.first(TipFormIntegrationTests.CODE, page);
		String passphrase = TipFormIntegrationTests.first(TipFormIntegrationTests.PASSPHRASE, page);
		long id = jdbc.sql("SELECT t.id FROM tip t JOIN receipt r ON r.id = t.receipt_id WHERE r.code = :code")
				.param("code", code.replace("-", "")).query(Long.class).single();
		return new Submitted(id, code, passphrase);
	}

	record Submitted(long id, String code, String passphrase) {
	}
}
