package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.beacon.reports.internal.FormTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The report form is behind the anonymous edge: the same per-client write limit as Open311 and tips. The
 * properties match the tips module's rate-limit tests, so both share one application context.
 */
@SpringBootTest(properties = { "beacon.tips.passphrase-iterations=1000", "beacon.anonymous.reads-per-client=3",
		"beacon.anonymous.writes-per-client=2", "beacon.anonymous.receipt-checks-per-client=1" })
@AutoConfigureMockMvc
@Import(StaffChainForTests.class)
class ResidentReportRateLimitIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FormTokens tokens;

	@Test
	void reportsFiledOnTheWebAreLimitedPerClient() throws Exception {
		assertThat(send("192.0.2.40").getStatus()).isEqualTo(200);
		assertThat(send("192.0.2.40").getStatus()).isEqualTo(200);
		MockHttpServletResponse limited = send("192.0.2.40");

		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isNotBlank();
		assertThat(limited.getContentAsString()).startsWith("Too many requests from this connection.");
		assertThat(send("192.0.2.41").getStatus()).as("another client").isEqualTo(200);
	}

	@Test
	void theFormAndFollowPagesCountAsReads() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(mvc.perform(from(get("/report"), "192.0.2.42")).andReturn().getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(mvc.perform(from(get("/report/follow"), "192.0.2.42")).andReturn().getResponse().getStatus())
				.isEqualTo(429);
	}

	private MockHttpServletResponse send(String address) throws Exception {
		return mvc.perform(from(post("/report").param("service", "other").param("description", "Rate limit test")
				.param("lat", "38.6").param("lon", "-90.2").param("_csrf", tokens.issue()), address)).andReturn()
				.getResponse();
	}

	private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
		return request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}
}
