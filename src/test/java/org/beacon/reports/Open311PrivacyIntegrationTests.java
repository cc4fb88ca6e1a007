package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.beacon.reports.Open311Client.fields;
import static org.beacon.reports.Open311RequestsIntegrationTests.byId;
import static org.beacon.reports.Open311RequestsIntegrationTests.ids;

import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.disclosure.PublicDisclosure;
import org.beacon.reports.internal.ApiKeys;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.Outcome;
import org.beacon.reports.internal.RequestState;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.tips.DescriptionScreen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the spec is silent on and Beacon adds: private categories never public, resident text public only
 * after moderation, reporter details never returned, locations generalised to the block, honest statuses,
 * and a receipt for anonymous reporters.
 */
@CommunityIntegrationTest
class Open311PrivacyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceRequestService requests;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	PublicDisclosure disclosure;

	Open311Client open311;
	String key;

	@BeforeEach
	void client() {
		open311 = new Open311Client(mvc);
		key = apiKeys.issue(agencies.defaultAgency().id(), "tests", "test").key();
	}

	@Test
	void privateCategoryIsAcceptedButNeverReturnedByPublicReads() throws Exception {
		String id = created(fields("api_key", key, "service_code", "drug_activity", "address_string", "3900 Cote Brilliante Ave",
				"description", "Hand-to-hand sales from the porch every evening"));
		close(id, Outcome.INFORMATION_USED, "Thank you, passed to the beat officer.");

		MockHttpServletResponse direct = open311.get("requests/" + id + ".json");
		MockHttpServletResponse byIdList = open311.get("requests.json", "service_request_id", id);
		String list = open311.get("requests.xml").getContentAsString();
		String updates = open311.get("servicerequestupdates.json").getContentAsString();

		assertThat(direct.getStatus()).isEqualTo(404);
		assertThat(json.readTree(byIdList.getContentAsString()).size()).isZero();
		assertThat(list).doesNotContain(id).doesNotContain("Hand-to-hand");
		assertThat(updates).doesNotContain(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_request WHERE public_id = :id").param("id", id).query(Long.class)
				.single()).as("accepted and kept").isEqualTo(1);
	}

	@Test
	void residentTextIsPublicOnlyAfterModerationApprovesIt() throws Exception {
		String id = created(fields("api_key", key, "service_code", "blight", "address_string", "1234 Main St, Apt 5",
				"lat", "38.62745", "long", "-90.19941", "attribute[property_type]", "vacant_building",
				"attribute[open_to_entry]", "yes", "description", "Back door kicked in", "media_url",
				"https://photos.example.org/door.jpg"));

		JsonNode before = one(id);
		requests.moderate(stored(id), Moderation.APPROVED, null, "moderator");
		JsonNode after = one(id);

		assertThat(before.has("description")).isFalse();
		assertThat(before.has("media_url")).isFalse();
		assertThat(before.has("address")).isFalse();
		assertThat(after.get("description").asString()).isEqualTo("Back door kicked in");
		assertThat(after.get("media_url").asString()).isEqualTo("https://photos.example.org/door.jpg");
		assertThat(after.get("address").asString()).isEqualTo("1200 BLOCK MAIN ST");
	}

	@Test
	void locationsAreGeneralisedToTheCentreOfTheirH3CellLikeEveryPublicOutput() throws Exception {
		String id = created(fields("api_key", key, "service_code", "street_light", "lat", "38.62745", "long", "-90.19941",
				"attribute[problem]", "out"));

		JsonNode request = one(id);

		// the crime map's rule: the centre of the resolution-9 H3 cell holding the point
		H3Core h3 = H3Core.newInstance();
		long cell = h3.latLngToCell(38.62745, -90.19941, 9);
		LatLng centre = h3.cellToLatLng(cell);
		assertThat(request.get("lat").asDouble()).isCloseTo(centre.lat, within(1e-6)).isNotEqualTo(38.62745);
		assertThat(request.get("long").asDouble()).isCloseTo(centre.lng, within(1e-6)).isNotEqualTo(-90.19941);
		assertThat(new double[] { request.get("lat").asDouble(), request.get("long").asDouble() })
				.containsExactly(disclosure.cellCentre(38.62745, -90.19941));
		StoredRequest stored = stored(id);
		assertThat(stored.lat()).as("staff keep the exact point").isEqualTo(38.62745);
	}

	@Test
	void reporterDetailsAreStoredApartAndNeverReturned() throws Exception {
		String id = created(fields("api_key", key, "service_code", "noise", "lat", "38.61", "long", "-90.21",
				"attribute[source]", "music", "email", "resident@example.org", "first_name", "Ada", "last_name",
				"Lovelace", "phone", "314-555-0100", "device_id", "device-77"));
		requests.moderate(stored(id), Moderation.APPROVED, null, "moderator");

		String jsonOne = open311.get("requests/" + id + ".json", "extensions", "true").getContentAsString();
		String xmlList = open311.get("requests.xml").getContentAsString();

		for (String secret : List.of("resident@example.org", "Ada", "Lovelace", "314-555-0100", "device-77")) {
			assertThat(jsonOne).doesNotContain(secret);
			assertThat(xmlList).doesNotContain(secret);
		}
		var contact = repository.contact(stored(id).id()).orElseThrow();
		assertThat(contact.email()).isEqualTo("resident@example.org");
		assertThat(contact.phone()).isEqualTo("314-555-0100");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'service_request' "
				+ "AND LOWER(column_name) IN ('email', 'phone', 'first_name', 'last_name', 'device_id')")
				.query(Long.class).single()).as("no reporter columns on the request itself").isZero();
	}

	@Test
	void descriptionNamingSomeoneOnlyByRaceIsHeldWithAnExplanation() throws Exception {
		MockHttpServletResponse response = open311.post("requests.json", fields("api_key", key, "service_code", "other",
				"address_string", "Delmar & Skinker", "description", "Two black guys hanging around the corner again"));

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode created = json.readTree(response.getContentAsString()).get(0);
		assertThat(created.get("service_notice").asString()).contains(DescriptionScreen.EXPLANATION);
		StoredRequest stored = stored(created.get("service_request_id").asString());
		assertThat(stored.moderation()).isEqualTo(Moderation.HELD);
		assertThat(stored.moderationNote()).isEqualTo(DescriptionScreen.EXPLANATION);
		assertThat(one(stored.publicId()).has("description")).isFalse();
	}

	@Test
	void closedIsNotFixedStatusNotesSayTheHonestOutcome() throws Exception {
		String fixed = created(fields("api_key", key, "service_code", "other", "address_string", "1 Market St"));
		String notFixed = created(fields("api_key", key, "service_code", "other", "address_string", "2 Market St"));
		close(fixed, Outcome.FIXED, null);
		close(notFixed, Outcome.NOT_FIXED, "The owner refused access.");

		JsonNode a = one(fixed);
		JsonNode b = one(notFixed);
		JsonNode extended = json.readTree(open311.get("requests/" + notFixed + ".json", "extensions", "true")
				.getContentAsString()).get(0);

		assertThat(a.get("status").asString()).isEqualTo("closed");
		assertThat(a.get("status_notes").asString()).isEqualTo("Fixed");
		assertThat(b.get("status").asString()).isEqualTo("closed");
		assertThat(b.get("status_notes").asString()).isEqualTo("Closed without a fix. The owner refused access.");
		assertThat(extended.get("extended_attributes").get("status_extended").asString()).isEqualTo("closed");
		assertThat(extended.get("extended_attributes").get("outcome").asString()).isEqualTo("not_fixed");
		Open311Schemas.assertValid("requests.json", open311.get("requests.json", "extensions", "true").getContentAsString());
	}

	@Test
	void mySocietyUpdatesListPublicUpdatesWithExtendedStatusesButNoInternalNotes() throws Exception {
		String id = created(fields("api_key", key, "service_code", "other", "address_string", "3 Market St"));
		StoredRequest r = stored(id);
		r = requests.internalNote(r, "Caller sounded upset; check CAD", "officer1");
		r = requests.setState(r, RequestState.IN_PROGRESS, "An officer will visit this week.", "officer1");
		requests.markDuplicate(r, stored(created(fields("api_key", key, "service_code", "other", "address_string",
				"3 Market St"))), "officer1");

		String body = open311.get("servicerequestupdates.xml").getContentAsString();
		Open311Xml xml = Open311Xml.parse(body, "service_request_updates");
		JsonNode updates = json.readTree(open311.get("servicerequestupdates.json").getContentAsString());

		String mine = "/service_request_updates/request_update[service_request_id='" + id + "']";
		assertThat(xml.nodes(mine + "/status").stream().map(n -> n.getTextContent())).containsExactly("in_progress",
				"duplicate");
		assertThat(xml.childNames(mine)).containsExactly("update_id", "service_request_id", "status", "updated_datetime",
				"description", "media_url");
		String duplicate = mine + "[status='duplicate']";
		assertThat(xml.text(duplicate + "/external_status_code")).isEqualTo("duplicate");
		assertThat(xml.text(duplicate + "/media_url")).isEmpty();
		assertThat(body).doesNotContain("upset");
		assertThat(updates.isArray()).isTrue();
		JsonNode first = updates.get(0);
		assertThat(first.get("update_id").isString()).isTrue();
		assertThat(first.get("service_request_id").isString()).isTrue();
	}

	@Test
	void anonymousReporterAskingForExtensionsGetsAReceiptAndOthersDoNot() throws Exception {
		JsonNode anonymous = json.readTree(open311.post("requests.json", fields("api_key", key, "service_code", "other",
				"address_string", "4 Market St", "extensions", "true")).getContentAsString()).get(0);
		JsonNode withEmail = json.readTree(open311.post("requests.json", fields("api_key", key, "service_code", "other",
				"address_string", "5 Market St", "extensions", "true", "email", "me@example.org")).getContentAsString()).get(0);
		String anonymousXml = open311.post("requests.xml", fields("api_key", key, "service_code", "other", "address_string",
				"6 Market St", "extensions", "true")).getContentAsString();

		JsonNode receipt = anonymous.get("extended_attributes");
		assertThat(receipt.get("receipt_id").asString()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(receipt.get("receipt_passphrase").asString()).matches("([0-9A-Z]{5}-){3}[0-9A-Z]{5}");
		assertThat(receipt.get("receipt_url").asString()).isEqualTo("http://localhost/tips/receipt");
		assertThat(withEmail.has("extended_attributes")).isFalse();
		Open311Xml xml = Open311Xml.parse(anonymousXml, "service_requests");
		assertThat(xml.text("/service_requests/request/extended_attributes/receipt_id")).isNotBlank();
		String passphrase = receipt.get("receipt_passphrase").asString();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM receipt WHERE passphrase_hash = :p OR salt = :p").param("p", passphrase)
				.query(Long.class).single()).as("only a hash is kept").isZero();
	}

	private String created(Map<String, String> fields) throws Exception {
		MockHttpServletResponse response = open311.post("requests.json", fields);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return json.readTree(response.getContentAsString()).get(0).get("service_request_id").asString();
	}

	private JsonNode one(String id) throws Exception {
		MockHttpServletResponse response = open311.get("requests/" + id + ".json");
		assertThat(response.getStatus()).isEqualTo(200);
		Open311Schemas.assertValid("requests.json", response.getContentAsString());
		return byId(json.readTree(response.getContentAsString()), id);
	}

	private StoredRequest stored(String id) {
		return repository.byPublicId(agencies.defaultAgency().id(), id).orElseThrow();
	}

	private void close(String id, Outcome outcome, String note) {
		requests.close(stored(id), outcome, note, "officer1");
	}

	static List<String> idsOf(JsonNode list) {
		return ids(list);
	}
}
