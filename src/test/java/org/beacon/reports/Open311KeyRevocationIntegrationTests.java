package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.reports.Open311Client.fields;

import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.reports.internal.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.ObjectMapper;

/**
 * With the Open311 lookup cache on (verified keys kept for {@code beacon.open311.lookup-ttl}), a key revoked on
 * another node stops taking reports on this node at once: the insert itself checks that the key is active.
 */
@SpringBootTest(properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.reads-per-client=100000",
		"beacon.anonymous.writes-per-client=100000", "beacon.anonymous.receipt-checks-per-client=100000",
		"beacon.anonymous.writes-per-node=100000", "beacon.open311.lookup-ttl=30s" })
@AutoConfigureMockMvc
class Open311KeyRevocationIntegrationTests {

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

	@Test
	void keyRevokedByAnotherNodeStopsTakingReportsAtOnceThoughThisNodeHeldItAsVerified() throws Exception {
		Open311Client open311 = new Open311Client(mvc);
		var issued = apiKeys.issue(agencies.defaultAgency().id(), "revoked elsewhere", "test");
		assertThat(open311.post("requests.json", report(issued.key(), "Tag on the bus shelter")).getStatus())
				.as("the key is verified and kept by this node").isEqualTo(200);
		// another node revokes it: what this node keeps is not cleared
		jdbc.sql("UPDATE open311_api_key SET revoked_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", issued.id()).update();

		String text = "Tagged again after the key was revoked " + System.nanoTime();
		MockHttpServletResponse refused = open311.post("requests.json", report(issued.key(), text));
		MockHttpServletResponse again = open311.post("requests.json", report(issued.key(), "And again"));

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(json.readTree(refused.getContentAsString()).get(0).get("description").asString())
				.isEqualTo("api_key is not valid for this jurisdiction");
		assertThat(again.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_request WHERE api_key_id = :id").param("id", issued.id())
				.query(Long.class).single()).as("only the report sent before the revocation was written").isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_request WHERE description = :text").param("text", text)
				.query(Long.class).single()).as("nothing of the refused report").isZero();
	}

	private static Map<String, String> report(String key, String description) {
		return fields("api_key", key, "service_code", "graffiti", "lat", "38.61", "long", "-90.21", "attribute[surface]",
				"public", "description", description);
	}
}
