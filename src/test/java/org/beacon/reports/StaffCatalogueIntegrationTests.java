package org.beacon.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.reports.internal.FormTokens;
import org.beacon.reports.internal.Moderation;
import org.beacon.reports.internal.ServiceRequestRepository;
import org.beacon.reports.internal.ServiceRequestService;
import org.beacon.reports.internal.StoredRequest;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The staff page for the agency's report categories: who may use it, what it changes, and at once. */
@CommunityIntegrationTest
@Import(StaffChainForTests.class)
class StaffCatalogueIntegrationTests {

	static final UserRequestPostProcessor SUPERVISOR = user("sergeant1").roles("SUPERVISOR");
	static final UserRequestPostProcessor ADMIN = user("admin1").roles("ADMIN");
	static final UserRequestPostProcessor OFFICER = user("officer1").roles("OFFICER");

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	Agencies agencies;

	@Autowired
	ServiceRequestService requests;

	@Autowired
	ServiceRequestRepository repository;

	@Autowired
	FormTokens tokens;

	@Autowired
	StaffChainForTests.RecordingAuditTrail audit;

	AgencyId agency;
	String code;

	/** A category of its own, so changing it cannot disturb other tests sharing the database. */
	@BeforeEach
	void category() {
		agency = agencies.defaultAgency().id();
		code = "cat-" + Long.toString(System.nanoTime(), 36);
		catalogue.define(agency, new ServiceSpec(code, "Catalogue test", "For the catalogue tests.", "other", List.of(),
				ServiceType.REALTIME, false, 48, null, List.of()));
	}

	@Test
	void onlySupervisorsAndAdministratorsMayUseIt() throws Exception {
		assertThat(mvc.perform(get("/staff/reports/catalogue").with(OFFICER)).andReturn().getResponse().getStatus())
				.isEqualTo(403);
		assertThat(mvc.perform(post("/staff/reports/catalogue/" + code).with(OFFICER).with(csrf()).param("name", "X")
				.param("slaHours", "1").param("active", "true")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/staff/reports/catalogue/" + code).with(ADMIN).param("name", "X")
				.param("slaHours", "1").param("active", "true")).andReturn().getResponse().getStatus())
				.as("no CSRF token").isEqualTo(403);

		String page = mvc.perform(get("/staff/reports/catalogue").with(SUPERVISOR)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"row-" + code + "\"", "value=\"Catalogue test\"", "value=\"48\"");
		assertThat(catalogue.service(agency, code).orElseThrow().slaHours()).isEqualTo(48);
	}

	@Test
	void makingACategoryPrivateHidesItsReportsFromPublicReadsAtOnce() throws Exception {
		String id = approvedReport();
		assertThat(status("/open311/v2/requests/" + id + ".json")).isEqualTo(200);
		assertThat(status("/report/" + id)).isEqualTo(200);

		MockHttpServletResponse saved = change("Catalogue test", "48", true, true);

		assertThat(saved.getRedirectedUrl()).isEqualTo("/staff/reports/catalogue?saved=" + code);
		assertThat(status("/open311/v2/requests/" + id + ".json")).isEqualTo(404);
		assertThat(status("/report/" + id)).isEqualTo(404);
		assertThat(mvc.perform(get("/open311/v2/requests.json")).andReturn().getResponse().getContentAsString())
				.doesNotContain(id);
		assertThat(catalogue.service(agency, code).orElseThrow().keywords()).containsExactly("private");
		String choose = mvc.perform(get("/report")).andReturn().getResponse().getContentAsString();
		assertThat(choose.substring(choose.indexOf("service-" + code), choose.indexOf("service-" + code) + 300))
				.contains("Not shown publicly");
		assertThat(audit.entries()).contains(
				"reports.catalogue.change report_service:" + code + " private false->true success");
	}

	@Test
	void changesNameAndSlaAndStopsOfferingACategory() throws Exception {
		change("Renamed category", "12", false, true);
		ReportService renamed = catalogue.service(agency, code).orElseThrow();
		assertThat(renamed.name()).isEqualTo("Renamed category");
		assertThat(renamed.slaHours()).isEqualTo(12);

		change("Renamed category", "12", false, false);

		assertThat(catalogue.service(agency, code)).isEmpty();
		assertThat(mvc.perform(get("/report")).andReturn().getResponse().getContentAsString()).doesNotContain(code);
		assertThat(mvc.perform(get("/open311/v2/services.json")).andReturn().getResponse().getContentAsString())
				.doesNotContain(code);
		assertThat(mvc.perform(get("/staff/reports/catalogue").with(ADMIN)).andReturn().getResponse()
				.getContentAsString()).as("still listed for staff, to offer it again").contains("id=\"row-" + code + "\"");
	}

	@Test
	void badValuesAreRefusedWithTheFieldNamed() throws Exception {
		MockHttpServletResponse sla = change("Catalogue test", "0", false, true);
		MockHttpServletResponse name = change("  ", "24", false, true);
		MockHttpServletResponse unknown = mvc.perform(post("/staff/reports/catalogue/no-such-code").with(ADMIN)
				.with(csrf()).param("name", "X").param("slaHours", "5")).andReturn().getResponse();

		assertThat(error(sla)).isEqualTo(code + ": slaHours must be a whole number of hours from 1 to 8760, was '0'");
		assertThat(error(name)).isEqualTo(code + ": name must be 1 to 200 characters");
		assertThat(error(unknown)).isEqualTo("no-such-code: code: no category 'no-such-code' in this catalogue");
		assertThat(catalogue.service(agency, code).orElseThrow().slaHours()).isEqualTo(48);
		String page = HtmlUtils.htmlUnescape(mvc.perform(get(java.net.URI.create(sla.getRedirectedUrl())).with(ADMIN)).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page).contains("slaHours must be a whole number of hours from 1 to 8760, was '0'");
	}

	private MockHttpServletResponse change(String name, String sla, boolean privateCategory, boolean active)
			throws Exception {
		var request = post("/staff/reports/catalogue/" + code).with(SUPERVISOR).with(csrf()).param("name", name)
				.param("slaHours", sla);
		if (privateCategory) {
			request.param("privateCategory", "true");
		}
		if (active) {
			request.param("active", "true");
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private String approvedReport() throws Exception {
		String body = mvc.perform(post("/report").param("service", code).param("description", "Catalogue report")
				.param("lat", "38.6").param("lon", "-90.2").param("_csrf", tokens.issue())).andReturn().getResponse()
				.getContentAsString();
		int at = body.indexOf("id=\"report-id\">") + "id=\"report-id\">".length();
		String id = body.substring(at, body.indexOf('<', at));
		StoredRequest r = repository.byPublicId(agency, id).orElseThrow();
		requests.moderate(r, Moderation.APPROVED, null, "moderator");
		return id;
	}

	private int status(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private static String error(MockHttpServletResponse response) {
		String url = URLDecoder.decode(response.getRedirectedUrl(), StandardCharsets.UTF_8);
		return url.substring(url.indexOf("?error=") + "?error=".length());
	}
}
