package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.reports.Open311Client.fields;

import java.time.ZoneId;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.reports.internal.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.ObjectMapper;

/** A deployment serving two agencies: jurisdiction_id becomes required and keys are per agency. */
@CommunityIntegrationTest
@TestPropertySource(properties = "beacon.open311.test=true")
class Open311JurisdictionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Agencies agencies;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	ServiceCatalogue catalogue;

	Open311Client open311;
	Agency county;

	@BeforeEach
	void twoAgencies() {
		open311 = new Open311Client(mvc);
		county = agencies.ensure("stlco", "St. Louis County Police", ZoneId.of("America/Chicago"), "auto");
		catalogue.seedDefaults(county.id());
	}

	@Test
	void jurisdictionIdIsRequiredOnceThereAreSeveralAgencies() throws Exception {
		MockHttpServletResponse missing = open311.get("services.json");
		MockHttpServletResponse county = open311.get("services.json", "jurisdiction_id", "stlco");

		assertThat(missing.getStatus()).isEqualTo(400);
		assertThat(json.readTree(missing.getContentAsString()).get(0).get("description").asString())
				.startsWith("jurisdiction_id is required");
		assertThat(county.getStatus()).isEqualTo(200);
		Open311Schemas.assertValid("services.json", county.getContentAsString());
	}

	@Test
	void anApiKeyOnlyWorksForItsOwnAgency() throws Exception {
		String cityKey = apiKeys.issue(agencies.defaultAgency().id(), "city app", "test").key();

		MockHttpServletResponse wrongAgency = open311.post("requests.json", fields("jurisdiction_id", "stlco", "api_key",
				cityKey, "service_code", "other", "address_string", "1 Main St"));
		MockHttpServletResponse ownAgency = open311.post("requests.json", fields("jurisdiction_id", "stl", "api_key", cityKey,
				"service_code", "other", "address_string", "1 Main St"));

		assertThat(wrongAgency.getStatus()).isEqualTo(403);
		assertThat(ownAgency.getStatus()).isEqualTo(200);
	}

	@Test
	void requestsOfOneAgencyAreNotVisibleThroughAnother() throws Exception {
		String countyKey = apiKeys.issue(county.id(), "county app", "test").key();
		String id = json.readTree(open311.post("requests.json", fields("jurisdiction_id", "stlco", "api_key", countyKey,
				"service_code", "other", "address_string", "1 Main St")).getContentAsString()).get(0).get("service_request_id")
				.asString();

		assertThat(open311.get("requests/" + id + ".json", "jurisdiction_id", "stlco").getStatus()).isEqualTo(200);
		assertThat(open311.get("requests/" + id + ".json", "jurisdiction_id", "stl").getStatus()).isEqualTo(404);
	}

	@Test
	void aTestDeploymentSaysSoInDiscovery() throws Exception {
		Open311Xml xml = Open311Xml.parse(open311.get("discovery.xml", "jurisdiction_id", "stl").getContentAsString(),
				"discovery");

		assertThat(xml.text("/discovery/endpoints/endpoint/type")).isEqualTo("test");
	}
}
