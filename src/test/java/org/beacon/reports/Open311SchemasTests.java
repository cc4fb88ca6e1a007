package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The copied schemas do catch the mistakes other servers make, so a passing validation means something. */
class Open311SchemasTests {

	@Test
	void schemasRejectNumericIdsAndUnknownStatuses() {
		String numericId = "[{\"service_request_id\":638344,\"status\":\"open\",\"service_code\":\"001\","
				+ "\"requested_datetime\":\"2010-04-14T06:37:38-08:00\"}]";
		String libreStatus = "[{\"service_request_id\":\"1\",\"status\":\"in_progress\",\"service_code\":\"001\","
				+ "\"requested_datetime\":\"2010-04-14T06:37:38-08:00\"}]";

		assertThat(Open311Schemas.errors("requests.json", numericId)).isNotEmpty();
		assertThat(Open311Schemas.errors("requests.json", libreStatus)).isNotEmpty();
	}

	@Test
	void schemasRejectKeywordArraysAndMissingMetadata() {
		String keywordArray = "[{\"service_code\":\"1\",\"service_name\":\"a\",\"metadata\":false,\"type\":\"realtime\","
				+ "\"keywords\":[\"a\",\"b\"]}]";
		String noMetadata = "[{\"service_code\":\"1\",\"service_name\":\"a\",\"type\":\"realtime\"}]";

		assertThat(Open311Schemas.errors("services.json", keywordArray)).isNotEmpty();
		assertThat(Open311Schemas.errors("services.json", noMetadata)).isNotEmpty();
	}

	@Test
	void schemasAcceptRealResponsesFromOtherServers() throws Exception {
		Open311Schemas.assertValid("requests.json", sample("chicago_service_requests.json"));
		Open311Schemas.assertValid("services.json", sample("service_list.json"));
	}

	private String sample(String name) throws java.io.IOException {
		try (var in = getClass().getResourceAsStream("/open311/samples/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}
}
