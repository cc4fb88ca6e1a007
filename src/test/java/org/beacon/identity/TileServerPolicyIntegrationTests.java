package org.beacon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The Content-Security-Policy follows the configured tile server, so an intranet http:// server still draws. */
@SpringBootTest(properties = "beacon.map.tile-url=http://tiles.example:8080/{z}/{x}/{y}.png")
@AutoConfigureMockMvc
class TileServerPolicyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void allowsImagesFromTheConfiguredTileServer() throws Exception {
		String policy = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");

		assertThat(policy).contains("img-src 'self' data: https: http://tiles.example:8080;");
	}
}
