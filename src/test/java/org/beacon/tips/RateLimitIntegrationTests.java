package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.beacon.reports.StaffChainForTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The edge filter guards every anonymous path of the running application, per client address. */
@SpringBootTest(properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.reads-per-client=3",
		"beacon.anonymous.writes-per-client=2", "beacon.anonymous.receipt-checks-per-client=1" })
@AutoConfigureMockMvc
@Import(StaffChainForTests.class)
class RateLimitIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void open311ReadsAreLimitedPerClientWithTheSpecErrorShape() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(status(get("/open311/v2/services.json"), "192.0.2.1")).isEqualTo(200);
		}
		MockHttpServletResponse limited = mvc.perform(from(get("/open311/v2/services.json"), "192.0.2.1")).andReturn()
				.getResponse();

		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isEqualTo("20");
		assertThat(limited.getContentAsString()).startsWith("[{\"code\":429");
		assertThat(status(get("/open311/v2/services.json"), "192.0.2.2")).as("another client").isEqualTo(200);
	}

	@Test
	void tipWritesAndReceiptChecksAreLimited() throws Exception {
		var tip = post("/api/tips").contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"Limit test tip\"}");

		assertThat(status(tip, "192.0.2.10")).isEqualTo(201);
		assertThat(status(tip, "192.0.2.10")).isEqualTo(201);
		assertThat(status(tip, "192.0.2.10")).isEqualTo(429);
		assertThat(status(post("/tips/receipt").param("code", "x").param("passphrase", "y"), "192.0.2.11")).isEqualTo(403);
		assertThat(status(post("/tips/receipt").param("code", "x").param("passphrase", "y"), "192.0.2.11")).isEqualTo(429);
	}

	@Test
	void staffPathsAreNotBehindTheAnonymousEdge() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(status(get("/staff/reports"), "192.0.2.20")).as("sent to log in, never limited").isEqualTo(302);
		}
	}

	private int status(MockHttpServletRequestBuilder request, String address) throws Exception {
		return mvc.perform(from(request, address)).andReturn().getResponse().getStatus();
	}

	private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
		return request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}
}
