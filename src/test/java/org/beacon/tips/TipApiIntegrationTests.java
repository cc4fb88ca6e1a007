package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.beacon.reports.CommunityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/tips}: JSON in, a receipt out, problem+json naming the field when something is wrong. */
@CommunityIntegrationTest
class TipApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptsAJsonTipAndAnswers201WithAReceipt() throws Exception {
		MockHttpServletResponse response = postJson("""
				{"category":"weapons","description":"Gun shown in the park playground on Saturday afternoons",
				 "location":"Tower Grove Park playground","lat":38.6055,"lon":-90.2581,"occurred":"Saturdays"}
				""");

		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		JsonNode body = json.readTree(response.getContentAsString());
		assertThat(body.get("receipt_id").asString()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(body.get("receipt_passphrase").asString()).matches("([0-9A-Z]{5}-){3}[0-9A-Z]{5}");
		assertThat(body.get("receipt_url").asString()).isEqualTo("http://localhost/tips/receipt");
		assertThat(jdbc.sql("SELECT category FROM tip WHERE location_text = 'Tower Grove Park playground'")
				.query(String.class).single()).isEqualTo("weapons");
	}

	@Test
	void missingDescriptionIsProblemJsonNamingTheField() throws Exception {
		MockHttpServletResponse response = postJson("{\"category\":\"drugs\",\"lat\":38.6}");

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.getContentAsString());
		assertThat(problem.get("errors").get("description").asString()).isEqualTo("description is required: tell us what happened");
		assertThat(problem.get("errors").get("lat").asString()).isEqualTo("lat and lon must be given together");
	}

	@Test
	void unknownCategoryAndUnreadableBodiesAre400() throws Exception {
		MockHttpServletResponse category = postJson("{\"category\":\"aliens\",\"description\":\"Lights in the sky\"}");
		MockHttpServletResponse broken = postJson("{\"description\": ");

		assertThat(category.getStatus()).isEqualTo(400);
		assertThat(json.readTree(category.getContentAsString()).get("errors").get("category").asString())
				.startsWith("category must be one of drugs, violence");
		assertThat(broken.getStatus()).isEqualTo(400);
		assertThat(json.readTree(broken.getContentAsString()).get("detail").asString()).contains("description (required)");
	}

	@Test
	void identityFieldsInTheBodyAreIgnoredAndStoredNowhere() throws Exception {
		String marker = "identity-" + System.nanoTime();
		MockHttpServletResponse response = postJson("{\"description\":\"Car break-ins on Pine every night\",\"name\":\""
				+ marker + "\",\"email\":\"" + marker + "@example.org\",\"phone\":\"" + marker + "\"}");

		assertThat(response.getStatus()).isEqualTo(201);
		for (String table : new String[] { "tip", "tip_note", "receipt", "receipt_message" }) {
			assertThat(jdbc.sql("SELECT * FROM " + table).query((rs, n) -> {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					row.append(rs.getString(c)).append('|');
				}
				return row.toString();
			}).list()).as(table).noneMatch(row -> row.contains(marker));
		}
	}

	private MockHttpServletResponse postJson(String body) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/tips").contentType(MediaType.APPLICATION_JSON).content(body))
				.andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}
}
