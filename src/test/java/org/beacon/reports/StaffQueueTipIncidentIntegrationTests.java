package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.incidents.IncidentImports;
import org.beacon.tips.internal.TipService;
import org.beacon.tips.internal.TipSubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff queue shows, in the tips table as in the reports table, the source ids of the incidents a tip is
 * linked to; the tipster's receipt pages never do.
 */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class StaffQueueTipIncidentIntegrationTests {

	static final UserRequestPostProcessor OFFICER = user("officer1").roles("OFFICER");

	@Autowired
	MockMvc mvc;

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@Autowired
	TipService tipService;

	@TempDir
	Path dir;

	String first;
	String second;

	@BeforeEach
	void incidents() throws Exception {
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		first = "QUEUELNK-" + run + "-1";
		second = "QUEUELNK-" + run + "-2";
		LinkableIncidents.importYesterday(imports, agencies.defaultAgency().id(), dir,
				new String[] { first, "38.60010", "-90.24800", "4400 MARGARETTA AVE" },
				new String[] { second, "38.60020", "-90.24810", "4402 MARGARETTA AVE" });
	}

	@Test
	void queueShowsTheTipsLinkedIncidentsOnlyOnceLinked() throws Exception {
		long tip = tip().tipId();
		long other = tip().tipId();
		assertThat(incidentsCell(queue(), tip)).isEqualTo("—");

		link(tip, first);
		link(tip, second);

		String page = queue();
		assertThat(incidentsCell(page, tip)).isEqualTo(first + ", " + second);
		assertThat(incidentsCell(page, other)).isEqualTo("—");
		assertThat(between(page, "id=\"tips-heading\"", "</thead>")).contains("<th scope=\"col\">Incidents</th>");
	}

	@Test
	void tipsOnlyQueueShowsTheLinkToo() throws Exception {
		long tip = tip().tipId();
		link(tip, first);

		String page = body(mvc.perform(get("/staff/reports").param("kind", "tips").with(OFFICER)).andReturn().getResponse());

		assertThat(incidentsCell(page, tip)).isEqualTo(first);
	}

	@Test
	void receiptPagesNeverShowTheLinkedIncident() throws Exception {
		TipService.Accepted accepted = tip();
		link(accepted.tipId(), first);
		assertThat(incidentsCell(queue(), accepted.tipId())).isEqualTo(first);

		String opened = body(mvc.perform(post("/tips/receipt").param("code", accepted.receipt().code())
				.param("passphrase", accepted.receipt().passphrase())).andReturn().getResponse());
		String replied = body(mvc.perform(post("/tips/receipt/reply").param("code", accepted.receipt().code())
				.param("passphrase", accepted.receipt().passphrase()).param("message", "It was a blue car"))
				.andReturn().getResponse());

		assertThat(opened).contains(accepted.receipt().code()).doesNotContain(first, "QUEUELNK", "Linked to incident");
		assertThat(replied).contains(accepted.receipt().code()).doesNotContain(first, "QUEUELNK", "Linked to incident");
	}

	private TipService.Accepted tip() {
		return tipService.submit(agencies.defaultAgency().id(),
				TipSubmission.of("drugs", "Someone breaking into cars on Margaretta", "4400 Margaretta", "38.60028",
						"-90.24800", null),
				List.of());
	}

	private void link(long tip, String sourceId) throws Exception {
		MockHttpServletResponse linked = mvc.perform(post("/staff/reports/tips/" + tip + "/incident").with(OFFICER)
				.with(csrf()).param("sourceId", sourceId)).andReturn().getResponse();
		assertThat(linked.getRedirectedUrl()).isEqualTo("/staff/reports/tips/" + tip);
	}

	private String queue() throws Exception {
		return body(mvc.perform(get("/staff/reports").with(OFFICER)).andReturn().getResponse());
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The text of the Incidents cell in the tip's row of the queue. */
	private static String incidentsCell(String page, long tip) {
		String row = between(page, "href=\"/staff/reports/tips/" + tip + "\"", "</tr>");
		return between(row, "<td class=\"incidents\">", "</td>").trim();
	}

	private static String between(String page, String start, String end) {
		int from = page.indexOf(start);
		assertThat(from).as("page has " + start).isNotNegative();
		from += start.length();
		return page.substring(from, page.indexOf(end, from));
	}
}
