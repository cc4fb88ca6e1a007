package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Discovery, service list and service definitions, in both formats, against the spec and the schemas. */
@CommunityIntegrationTest
class Open311ServicesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	Open311Client open311;

	@BeforeEach
	void client() {
		open311 = new Open311Client(mvc);
	}

	@Test
	void discoveryXmlDescribesTheV2EndpointWithBothFormats() throws Exception {
		MockHttpServletResponse response = open311.get("discovery.xml");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/xml; charset=utf-8");
		Open311Xml xml = Open311Xml.parse(response.getContentAsString(), "discovery");
		assertThat(xml.childNames("/discovery")).containsExactly("changeset", "contact", "key_service", "endpoints");
		assertThat(OffsetDateTime.parse(xml.text("/discovery/changeset"))).isBefore(OffsetDateTime.now().plusSeconds(1));
		assertThat(xml.text("/discovery/contact")).isNotBlank();
		assertThat(xml.text("/discovery/key_service")).isNotBlank();
		assertThat(xml.text("/discovery/endpoints/endpoint/specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(xml.text("/discovery/endpoints/endpoint/url")).isEqualTo("http://localhost/open311/v2");
		assertThat(xml.text("/discovery/endpoints/endpoint/type")).isEqualTo("production");
		assertThat(xml.nodes("/discovery/endpoints/endpoint/formats/format").stream().map(n -> n.getTextContent()))
				.containsExactly("text/xml", "application/json");
	}

	@Test
	void discoveryJsonIsAnObjectWithEndpointAndFormatArrays() throws Exception {
		MockHttpServletResponse response = open311.get("discovery.json");

		assertThat(response.getContentType()).isEqualTo("application/json; charset=utf-8");
		JsonNode discovery = json.readTree(response.getContentAsString());
		assertThat(discovery.isObject()).isTrue();
		assertThat(discovery.get("changeset").isString()).isTrue();
		assertThat(discovery.get("endpoints").isArray()).isTrue();
		JsonNode endpoint = discovery.get("endpoints").get(0);
		assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.get("formats").isArray()).isTrue();
		assertThat(endpoint.get("formats").get(0).asString()).isEqualTo("text/xml");
		assertThat(endpoint.get("formats").get(1).asString()).isEqualTo("application/json");
	}

	@Test
	void discoveryIsAlsoServedOutsideTheVersionedBase() throws Exception {
		MockHttpServletResponse response = open311.getAbsolute("/open311/discovery.xml");

		assertThat(response.getStatus()).isEqualTo(200);
		Open311Xml.parse(response.getContentAsString(), "discovery");
	}

	@Test
	void serviceListJsonMatchesTheSchemaAndCarriesTheDefaultCatalogue() throws Exception {
		String body = open311.get("services.json").getContentAsString();

		Open311Schemas.assertValid("services.json", body);
		JsonNode services = json.readTree(body);
		List<String> codes = new ArrayList<>();
		services.forEach(s -> codes.add(s.get("service_code").asString()));
		assertThat(codes).containsExactly("graffiti", "abandoned_vehicle", "street_light", "blight", "noise",
				"traffic_safety", "discarded_needles", "drug_activity", "other");
		JsonNode drugs = find(services, "drug_activity");
		assertThat(drugs.get("keywords").isString()).as("keywords are a comma-separated string").isTrue();
		assertThat(drugs.get("keywords").asString().split(",")).contains("private");
		assertThat(find(services, "graffiti").get("metadata").asBoolean()).isTrue();
		assertThat(find(services, "other").get("metadata").asBoolean()).isFalse();
		assertThat(find(services, "graffiti").get("type").asString()).isEqualTo("realtime");
		assertThat(find(services, "graffiti").get("group").asString()).isEqualTo("quality of life");
	}

	@Test
	void serviceListXmlHasTheSameServicesWithLowerCaseBooleans() throws Exception {
		JsonNode services = json.readTree(open311.get("services.json").getContentAsString());
		Open311Xml xml = Open311Xml.parse(open311.get("services.xml").getContentAsString(), "services");

		assertThat(xml.count("/services/service")).isEqualTo(services.size());
		assertThat(xml.text("/services/service[service_code='graffiti']/metadata")).isEqualTo("true");
		assertThat(xml.text("/services/service[service_code='other']/metadata")).isEqualTo("false");
		assertThat(xml.text("/services/service[service_code='noise']/service_name")).isEqualTo("Noise");
		assertThat(xml.childNames("/services/service[1]")).containsExactly("service_code", "service_name", "description",
				"metadata", "type", "keywords", "group");
	}

	@Test
	void everyServiceDefinitionMatchesTheSchemaInJsonAndHasTheSameAttributesInXml() throws Exception {
		JsonNode services = json.readTree(open311.get("services.json").getContentAsString());
		int definitions = 0;
		for (JsonNode service : services) {
			if (!service.get("metadata").asBoolean()) {
				continue;
			}
			String code = service.get("service_code").asString();
			String body = open311.get("services/" + code + ".json").getContentAsString();
			Open311Schemas.assertValid("service-definition.json", body);
			JsonNode definition = json.readTree(body);
			assertThat(definition.get("service_code").asString()).isEqualTo(code);
			Open311Xml xml = Open311Xml.parse(open311.get("services/" + code + ".xml").getContentAsString(),
					"service_definition");
			assertThat(xml.count("/service_definition/attributes/attribute")).isEqualTo(definition.get("attributes").size());
			definitions++;
		}
		assertThat(definitions).isEqualTo(8);
	}

	@Test
	void listAttributesCarryTheirValuesAsKeyAndName() throws Exception {
		Open311Xml xml = Open311Xml.parse(open311.get("services/graffiti.xml").getContentAsString(), "service_definition");

		assertThat(xml.text("/service_definition/attributes/attribute[code='surface']/datatype")).isEqualTo("singlevaluelist");
		assertThat(xml.text("/service_definition/attributes/attribute[code='surface']/required")).isEqualTo("true");
		assertThat(xml.text("/service_definition/attributes/attribute[code='surface']/order")).isEqualTo("1");
		assertThat(xml.text("/service_definition/attributes/attribute[code='surface']/values/value[1]/key")).isEqualTo("public");
		JsonNode definition = json.readTree(open311.get("services/traffic_safety.json").getContentAsString());
		JsonNode concern = definition.get("attributes").get(0);
		assertThat(concern.get("datatype").asString()).isEqualTo("multivaluelist");
		assertThat(concern.get("values").get(0).get("key").asString()).isEqualTo("speeding");
		assertThat(concern.get("values").get(0).get("name").asString()).isEqualTo("Speeding");
	}

	@Test
	void informationalAttributesAreNotVariable() throws Exception {
		JsonNode definition = json.readTree(open311.get("services/discarded_needles.json").getContentAsString());

		JsonNode safety = definition.get("attributes").get(0);
		assertThat(safety.get("code").asString()).isEqualTo("safety");
		assertThat(safety.get("variable").asBoolean()).isFalse();
		assertThat(safety.get("description").asString()).contains("Do not touch");
	}

	@Test
	void unknownServiceCodeIs404InTheSpecErrorShape() throws Exception {
		MockHttpServletResponse xmlResponse = open311.get("services/no_such_service.xml");
		MockHttpServletResponse jsonResponse = open311.get("services/no_such_service.json");

		assertThat(xmlResponse.getStatus()).isEqualTo(404);
		Open311Xml xml = Open311Xml.parse(xmlResponse.getContentAsString(), "errors");
		assertThat(xml.text("/errors/error/code")).isEqualTo("404");
		assertThat(xml.text("/errors/error/description")).isEqualTo("service_code 'no_such_service' not found");
		assertThat(jsonResponse.getStatus()).isEqualTo(404);
		JsonNode errors = json.readTree(jsonResponse.getContentAsString());
		assertThat(errors.isArray()).isTrue();
		assertThat(errors.get(0).get("code").asInt()).isEqualTo(404);
		assertThat(errors.get(0).get("description").asString()).isEqualTo("service_code 'no_such_service' not found");
	}

	@Test
	void jurisdictionIdSelectsTheAgencyByCodeAndEmptyMeansAbsent() throws Exception {
		assertThat(open311.get("services.xml", "jurisdiction_id", "stl").getStatus()).isEqualTo(200);
		assertThat(open311.get("services.xml", "jurisdiction_id", "").getStatus()).isEqualTo(200);
		MockHttpServletResponse unknown = open311.get("services.json", "jurisdiction_id", "nowhere.example");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(json.readTree(unknown.getContentAsString()).get(0).get("description").asString())
				.isEqualTo("jurisdiction_id 'nowhere.example' not found");
	}

	@Test
	void unknownFormatAndUnknownResourceAre404WithErrorBodies() throws Exception {
		MockHttpServletResponse html = open311.get("services.html");
		MockHttpServletResponse nothing = open311.get("request/abc.json");

		assertThat(html.getStatus()).isEqualTo(404);
		Open311Xml.parse(html.getContentAsString(), "errors");
		assertThat(nothing.getStatus()).isEqualTo(404);
		assertThat(json.readTree(nothing.getContentAsString()).get(0).get("code").asInt()).isEqualTo(404);
	}

	@Test
	void aHumanReadableDiscoveryPageIsServedAtTheBareUrls() throws Exception {
		for (String path : List.of("/open311", "/open311/discovery", "/open311/v2/")) {
			MockHttpServletResponse page = open311.getAbsolute(path);
			assertThat(page.getStatus()).as(path).isEqualTo(200);
			assertThat(page.getContentType()).startsWith("text/html");
			assertThat(page.getContentAsString()).contains("Open311 GeoReport v2").contains("discovery.xml")
					.contains("Suspected drug activity").contains("never published");
		}
	}

	private static JsonNode find(JsonNode services, String code) {
		for (JsonNode s : services) {
			if (s.get("service_code").asString().equals(code)) {
				return s;
			}
		}
		throw new AssertionError("no service " + code);
	}
}
