package org.beacon.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.beacon.reports.CommunityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** No identity kept: not in the schema, not in a cookie, not in the logs. */
@CommunityIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TipAnonymityIntegrationTests {

	static final String ADDRESS = "203.0.113.77";
	static final String AGENT = "Mozilla/5.0 (TipsterPhone; rv:1) UniqueAgent/4242";

	/** Words that would make a column identify the sender. */
	static final List<String> IDENTIFYING = List.of("ip", "addr", "address", "remote", "host", "forwarded", "agent", "ua",
			"cookie", "session", "device", "browser", "fingerprint", "email", "phone", "name", "user");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tipTablesHaveNoColumnForAnAddressAgentCookieSessionOrDevice() {
		List<String> columns = jdbc.sql("""
				SELECT LOWER(table_name) || '.' || LOWER(column_name) FROM information_schema.columns
				WHERE LOWER(table_name) IN ('tip', 'tip_note', 'tip_attachment', 'tip_attachment_original', 'receipt',
				                            'receipt_message')
				""").query(String.class).list();

		assertThat(columns).as("the tip tables exist").contains("tip.body", "receipt.passphrase_hash");
		assertThat(columns).noneMatch(c -> {
			List<String> words = List.of(c.substring(c.indexOf('.') + 1).split("_"));
			return words.stream().anyMatch(IDENTIFYING::contains);
		});
	}

	@Test
	void tipPostSetsNoCookieEvenWhenTheBrowserSendsOne() throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart("/tips/new").param("description", "Cookie test tip")
				.cookie(new Cookie("JSESSIONID", "abc123")).header("User-Agent", AGENT)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getCookies()).isEmpty();
	}

	@Test
	void neitherAddressNorUserAgentReachesTheDatabaseOrTheLog(CapturedOutput output) throws Exception {
		String text = "Anonymity check " + System.nanoTime();
		mvc.perform(multipart("/tips/new").param("description", text).header("User-Agent", AGENT)
				.header("X-Forwarded-For", ADDRESS).with(r -> {
					r.setRemoteAddr(ADDRESS);
					return r;
				})).andReturn();
		// a request that fails inside the application, so an exception path is exercised too
		mvc.perform(post("/api/tips").contentType(MediaType.APPLICATION_JSON).content("{broken").header("User-Agent", AGENT)
				.with(r -> {
					r.setRemoteAddr(ADDRESS);
					return r;
				})).andReturn();

		String row = jdbc.sql("SELECT * FROM tip WHERE body = :b").param("b", text).query((rs, n) -> {
			StringBuilder all = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				all.append(rs.getString(c)).append('|');
			}
			return all.toString();
		}).single();
		assertThat(row).doesNotContain(ADDRESS).doesNotContain("UniqueAgent");
		assertThat(output.getAll()).doesNotContain(ADDRESS).doesNotContain("UniqueAgent");
	}
}
