package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.reports.Open311Client.fields;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.reports.internal.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** POST and GET of service requests: the spec's rules, errors in its shape, and JSON checked against the schemas. */
@CommunityIntegrationTest
class Open311RequestsIntegrationTests {

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

	Open311Client open311;
	String key;

	@BeforeEach
	void client() {
		open311 = new Open311Client(mvc);
		key = apiKeys.issue(agencies.defaultAgency().id(), "tests", "test").key();
	}

	@Test
	void postsAFormEncodedRequestAndAnswers200WithTheIdAsAString() throws Exception {
		MockHttpServletResponse response = open311.post("requests.json", graffiti("38.62745", "-90.19941"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/json; charset=utf-8");
		JsonNode created = json.readTree(response.getContentAsString());
		assertThat(created.isArray()).isTrue();
		assertThat(created.size()).isEqualTo(1);
		assertThat(created.get(0).get("service_request_id").isString()).isTrue();
		assertThat(created.get(0).get("service_request_id").asString()).matches("[0-9A-HJKMNP-TV-Z]{10}");
		assertThat(created.get(0).has("token")).as("id xor token").isFalse();
		assertThat(created.get(0).get("service_notice").asString()).contains("five working days");
		assertThat(created.get(0).has("extended_attributes")).as("no extension unless asked").isFalse();
	}

	@Test
	void postInXmlAnswersWithServiceRequestsAndOneRequest() throws Exception {
		MockHttpServletResponse response = open311.post("requests.xml", graffiti("38.6", "-90.2"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/xml; charset=utf-8");
		Open311Xml xml = Open311Xml.parse(response.getContentAsString(), "service_requests");
		assertThat(xml.count("/service_requests/request")).isEqualTo(1);
		assertThat(xml.childNames("/service_requests/request")).containsExactly("service_request_id", "service_notice");
		assertThat(xml.text("/service_requests/request/service_request_id")).isNotBlank();
	}

	@Test
	void acceptsARawUtf8BodyWithAttributeArraysForMultiValueLists() throws Exception {
		String body = "api_key=" + key + "&service_code=traffic_safety&address_string=Grand+%26+Arsenal%2C+St.+Louis"
				+ "&attribute%5Bconcern%5D%5B%5D=speeding&attribute%5Bconcern%5D%5B%5D=crossing"
				+ "&description=Caf%C3%A9+corner%2C+cars+never+stop";
		MockHttpServletResponse response = open311.postRaw("requests.json", "application/x-www-form-urlencoded; charset=utf-8",
				body);

		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		String id = json.readTree(response.getContentAsString()).get(0).get("service_request_id").asString();
		List<String> values = jdbc.sql("""
				SELECT a.attr_value FROM service_request_attribute a JOIN service_request r ON r.id = a.request_id
				WHERE r.public_id = :id AND a.code = 'concern' ORDER BY a.id
				""").param("id", id).query(String.class).list();
		assertThat(values).containsExactly("speeding", "crossing");
		assertThat(jdbc.sql("SELECT description FROM service_request WHERE public_id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("Café corner, cars never stop");
	}

	@Test
	void missingApiKeyIs403AndAWrongOneToo() throws Exception {
		Map<String, String> noKey = graffiti("38.6", "-90.2");
		noKey.remove("api_key");
		MockHttpServletResponse missing = open311.post("requests.xml", noKey);
		MockHttpServletResponse wrong = open311.post("requests.json", with(graffiti("38.6", "-90.2"), "api_key", "not-a-key"));

		assertThat(missing.getStatus()).isEqualTo(403);
		Open311Xml xml = Open311Xml.parse(missing.getContentAsString(), "errors");
		assertThat(xml.text("/errors/error/code")).isEqualTo("403");
		assertThat(xml.text("/errors/error/description")).isEqualTo("api_key is required to submit a service request");
		assertThat(wrong.getStatus()).isEqualTo(403);
		assertThat(json.readTree(wrong.getContentAsString()).get(0).get("description").asString())
				.isEqualTo("api_key is not valid for this jurisdiction");
	}

	@Test
	void revokedApiKeyIs403() throws Exception {
		var issued = apiKeys.issue(agencies.defaultAgency().id(), "to revoke", "test");
		apiKeys.revoke(agencies.defaultAgency().id(), issued.id());

		MockHttpServletResponse response = open311.post("requests.json", with(graffiti("38.6", "-90.2"), "api_key", issued.key()));

		assertThat(response.getStatus()).isEqualTo(403);
	}

	@Test
	void requestWithoutAnyLocationIs400NamingTheFields() throws Exception {
		MockHttpServletResponse response = open311.post("requests.json",
				fields("api_key", key, "service_code", "other", "description", "Something odd", "lat", "", "long", ""));

		assertThat(response.getStatus()).isEqualTo(400);
		JsonNode errors = json.readTree(response.getContentAsString());
		assertThat(errors.get(0).get("code").asInt()).isEqualTo(400);
		assertThat(errors.get(0).get("description").asString()).isEqualTo("lat/long, address_string or address_id required");
	}

	@Test
	void latWithoutLongAndOutOfRangeValuesAre400() throws Exception {
		MockHttpServletResponse half = open311.post("requests.json",
				fields("api_key", key, "service_code", "other", "lat", "38.6"));
		MockHttpServletResponse outside = open311.post("requests.json",
				fields("api_key", key, "service_code", "other", "lat", "138.6", "long", "-90.2"));

		assertThat(half.getStatus()).isEqualTo(400);
		assertThat(descriptions(half)).containsExactly("lat and long must be given together");
		assertThat(outside.getStatus()).isEqualTo(400);
		assertThat(descriptions(outside)).containsExactly("lat must be a number between -90 and 90 (WGS84 degrees), was '138.6'");
	}

	@Test
	void missingServiceCodeIs400AndUnknownIs404() throws Exception {
		MockHttpServletResponse missing = open311.post("requests.json", fields("api_key", key, "lat", "38.6", "long", "-90.2"));
		MockHttpServletResponse unknown = open311.post("requests.json",
				fields("api_key", key, "service_code", "potholes", "lat", "38.6", "long", "-90.2"));

		assertThat(missing.getStatus()).isEqualTo(400);
		assertThat(descriptions(missing)).containsExactly("service_code is required");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(descriptions(unknown)).containsExactly("service_code 'potholes' not found");
	}

	@Test
	void attributesAreCheckedAgainstTheDefinitionAndAllProblemsReportedAtOnce() throws Exception {
		MockHttpServletResponse response = open311.post("requests.xml", fields("api_key", key, "service_code",
				"abandoned_vehicle", "address_string", "4100 Lindell Blvd", "attribute[days_parked]", "a week",
				"media_url", "ftp://example.org/car.jpg"));

		assertThat(response.getStatus()).isEqualTo(400);
		Open311Xml xml = Open311Xml.parse(response.getContentAsString(), "errors");
		assertThat(xml.nodes("/errors/error/description").stream().map(n -> n.getTextContent())).containsExactly(
				"media_url must be an http or https URL of at most 2000 characters",
				"attribute[days_parked] must be a number, was 'a week'");
		assertThat(xml.text("/errors/error[1]/code")).isEqualTo("400");
	}

	@Test
	void requiredAttributeAndListValuesAreEnforced() throws Exception {
		MockHttpServletResponse missing = open311.post("requests.json",
				fields("api_key", key, "service_code", "graffiti", "lat", "38.6", "long", "-90.2"));
		MockHttpServletResponse wrongKey = open311.post("requests.json", fields("api_key", key, "service_code", "graffiti",
				"lat", "38.6", "long", "-90.2", "attribute[surface]", "moon"));

		assertThat(descriptions(missing)).containsExactly("attribute[surface] is required: What is the graffiti on?");
		assertThat(descriptions(wrongKey)).containsExactly("attribute[surface] must be one of other, private, public, vehicle, was 'moon'");
	}

	@Test
	void descriptionLongerThan4000CharactersIs400() throws Exception {
		MockHttpServletResponse response = open311.post("requests.json",
				with(graffiti("38.6", "-90.2"), "description", "x".repeat(4001)));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(descriptions(response)).containsExactly("description must be at most 4000 characters (it has 4001)");
	}

	@Test
	void aJsonBodyIsRefusedBecauseTheSpecSaysFormEncoded() throws Exception {
		MockHttpServletResponse response = open311.postRaw("requests.json", "application/json",
				"{\"api_key\":\"" + key + "\",\"service_code\":\"other\",\"lat\":38.6,\"long\":-90.2}");

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(descriptions(response).get(0)).contains("application/x-www-form-urlencoded");
	}

	@Test
	void badInputLeavesRequestsAcceptedBeforeIntact() throws Exception {
		String id = createdId(open311.post("requests.json", graffiti("38.61", "-90.21")));
		long before = jdbc.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single();

		open311.post("requests.json", fields("api_key", key, "service_code", "graffiti", "lat", "x", "long", "y"));
		open311.post("requests.json", fields("service_code", "graffiti", "lat", "38.6", "long", "-90.2"));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_request").query(Long.class).single()).isEqualTo(before);
		assertThat(open311.get("requests/" + id + ".json").getStatus()).isEqualTo(200);
	}

	@Test
	void getRequestsJsonMatchesTheSchemaWithIdsAsStringsAndDatesWithZones() throws Exception {
		String id = createdId(open311.post("requests.json", graffiti("38.62", "-90.22")));

		String body = open311.get("requests.json").getContentAsString();

		Open311Schemas.assertValid("requests.json", body);
		JsonNode mine = byId(json.readTree(body), id);
		assertThat(mine.get("status").asString()).isEqualTo("open");
		assertThat(mine.get("service_code").asString()).isEqualTo("graffiti");
		assertThat(mine.get("service_name").asString()).isEqualTo("Graffiti");
		assertThat(mine.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
		OffsetDateTime requested = OffsetDateTime.parse(mine.get("requested_datetime").asString());
		OffsetDateTime expected = OffsetDateTime.parse(mine.get("expected_datetime").asString());
		assertThat(Duration.between(requested, expected)).as("graffiti SLA").isEqualTo(Duration.ofHours(120));
		assertThat(mine.get("lat").isNumber()).isTrue();
		assertThat(mine.get("agency_responsible").asString()).isEqualTo("St. Louis Metropolitan Police Department");
	}

	@Test
	void getRequestsXmlCarriesTheSameRequestWithSpecElementNames() throws Exception {
		String id = createdId(open311.post("requests.json", graffiti("38.63", "-90.23")));

		Open311Xml xml = Open311Xml.parse(open311.get("requests.xml").getContentAsString(), "service_requests");

		String path = "/service_requests/request[service_request_id='" + id + "']";
		assertThat(xml.count(path)).isEqualTo(1);
		assertThat(xml.childNames(path)).containsExactly("service_request_id", "status", "service_name", "service_code",
				"agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "lat",
				"long");
		assertThat(xml.text(path + "/status")).isEqualTo("open");
	}

	@Test
	void serviceRequestIdListOverridesEveryOtherFilter() throws Exception {
		String a = createdId(open311.post("requests.json", graffiti("38.64", "-90.24")));
		String b = createdId(open311.post("requests.json", graffiti("38.65", "-90.25")));

		MockHttpServletResponse response = open311.get("requests.json", "service_request_id", a + ", " + b, "status", "closed",
				"service_code", "noise", "start_date", "2001-01-01T00:00:00Z", "end_date", "2001-01-02T00:00:00Z");

		assertThat(response.getStatus()).isEqualTo(200);
		Open311Schemas.assertValid("requests.json", response.getContentAsString());
		assertThat(ids(json.readTree(response.getContentAsString()))).containsExactlyInAnyOrder(a, b);
	}

	@Test
	void filtersByServiceCodeStatusAndDates() throws Exception {
		String noise = createdId(open311.post("requests.json", fields("api_key", key, "service_code", "noise", "lat", "38.66",
				"long", "-90.26", "attribute[source]", "music")));
		String graffiti = createdId(open311.post("requests.json", graffiti("38.67", "-90.27")));
		String today = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString();

		JsonNode byCode = json.readTree(open311.get("requests.json", "service_code", "noise,blight").getContentAsString());
		JsonNode closed = json.readTree(open311.get("requests.json", "status", "closed").getContentAsString());
		JsonNode recent = json.readTree(open311.get("requests.json", "start_date", today).getContentAsString());
		JsonNode old = json.readTree(open311.get("requests.json", "start_date", "2020-01-01T00:00:00-06:00", "end_date",
				"2020-03-01T00:00:00-06:00").getContentAsString());

		assertThat(ids(byCode)).contains(noise).doesNotContain(graffiti);
		assertThat(ids(closed)).doesNotContain(noise, graffiti);
		assertThat(ids(recent)).contains(noise, graffiti);
		assertThat(old.size()).isZero();
	}

	@Test
	void aPlusInAnUnencodedOffsetIsReadAsAPlus() throws Exception {
		MockHttpServletResponse response = open311.get("requests.json", "start_date", "2026-01-01T00:00:00 01:00");

		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void dateRangeLongerThan90DaysAndUnreadableDatesAre400() throws Exception {
		MockHttpServletResponse tooLong = open311.get("requests.json", "start_date", "2026-01-01T00:00:00Z", "end_date",
				"2026-06-01T00:00:00Z");
		MockHttpServletResponse unreadable = open311.get("requests.xml", "start_date", "last tuesday");
		MockHttpServletResponse badStatus = open311.get("requests.json", "status", "fixed");

		assertThat(tooLong.getStatus()).isEqualTo(400);
		assertThat(descriptions(tooLong)).containsExactly("start_date and end_date may be at most 90 days apart");
		assertThat(unreadable.getStatus()).isEqualTo(400);
		assertThat(Open311Xml.parse(unreadable.getContentAsString(), "errors").text("/errors/error/description"))
				.startsWith("start_date must be a W3C date-time with time zone");
		assertThat(descriptions(badStatus)).containsExactly("status must be open, closed or open,closed, was 'fixed'");
	}

	@Test
	void getOneRequestIsStillAListOfOneAndUnknownIs404() throws Exception {
		String id = createdId(open311.post("requests.json", graffiti("38.68", "-90.28")));

		MockHttpServletResponse one = open311.get("requests/" + id + ".json");
		MockHttpServletResponse oneXml = open311.get("requests/" + id + ".xml");
		MockHttpServletResponse unknown = open311.get("requests/ZZZZZZZZZZ.json");

		Open311Schemas.assertValid("requests.json", one.getContentAsString());
		assertThat(ids(json.readTree(one.getContentAsString()))).containsExactly(id);
		assertThat(Open311Xml.parse(oneXml.getContentAsString(), "service_requests").count("/service_requests/request"))
				.isEqualTo(1);
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(descriptions(unknown)).containsExactly("service_request_id 'ZZZZZZZZZZ' not found");
	}

	@Test
	void batchServicesAnswerWithATokenThatResolvesToTheId(@Autowired ServiceCatalogue catalogue) throws Exception {
		catalogue.define(agencies.defaultAgency().id(), new ServiceSpec("bulk_trash", "Bulk trash", "Large items",
				"sanitation", List.of("trash"), ServiceType.BATCH, false, 72, null, List.of()));

		JsonNode created = json.readTree(open311.post("requests.json",
				fields("api_key", key, "service_code", "bulk_trash", "address_string", "1 Main St")).getContentAsString());
		String token = created.get(0).get("token").asString();
		MockHttpServletResponse resolved = open311.get("tokens/" + token + ".xml");

		assertThat(created.get(0).has("service_request_id")).isFalse();
		Open311Xml xml = Open311Xml.parse(resolved.getContentAsString(), "service_requests");
		assertThat(xml.text("/service_requests/request/token")).isEqualTo(token);
		assertThat(xml.text("/service_requests/request/service_request_id")).matches("[0-9A-Z]{10}");
		assertThat(open311.get("tokens/NOSUCHTOKEN.json").getStatus()).isEqualTo(404);
	}

	@Test
	void defaultWindowIsTheLast90Days(@Autowired org.beacon.reports.internal.ServiceRequestService requests) throws Exception {
		String id = createdId(open311.post("requests.json", graffiti("38.69", "-90.29")));
		jdbc.sql("UPDATE service_request SET requested_at = :old WHERE public_id = :id")
				.param("old", OffsetDateTime.now(ZoneOffset.UTC).minusDays(91)).param("id", id).update();

		assertThat(ids(json.readTree(open311.get("requests.json").getContentAsString()))).doesNotContain(id);
		Instant then = Instant.now().minus(Duration.ofDays(100));
		assertThat(ids(json.readTree(open311.get("requests.json", "start_date", then.toString()).getContentAsString())))
				.contains(id);
	}

	Map<String, String> graffiti(String lat, String lon) {
		return fields("api_key", key, "service_code", "graffiti", "lat", lat, "long", lon, "attribute[surface]", "public",
				"description", "Tag on the bus shelter");
	}

	static Map<String, String> with(Map<String, String> fields, String name, String value) {
		fields.put(name, value);
		return fields;
	}

	String createdId(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return json.readTree(response.getContentAsString()).get(0).get("service_request_id").asString();
	}

	List<String> descriptions(MockHttpServletResponse response) throws Exception {
		List<String> result = new ArrayList<>();
		json.readTree(response.getContentAsString()).forEach(e -> result.add(e.get("description").asString()));
		return result;
	}

	static List<String> ids(JsonNode requests) {
		List<String> result = new ArrayList<>();
		requests.forEach(r -> result.add(r.get("service_request_id").asString()));
		return result;
	}

	static JsonNode byId(JsonNode requests, String id) {
		for (JsonNode r : requests) {
			if (r.get("service_request_id").asString().equals(id)) {
				return r;
			}
		}
		throw new AssertionError("no request " + id + " in " + requests);
	}
}
