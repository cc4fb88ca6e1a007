package org.beacon.staffweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaImportOptions;
import org.beacon.incidents.IncidentFilter;
import org.beacon.shared.AgencyId;
import org.beacon.staffweb.FakeGeography;
import org.beacon.staffweb.FakeIncidents;
import org.beacon.staffweb.RecordingAuditTrail;
import org.beacon.staffweb.StaffWebFakes;
import org.beacon.staffweb.internal.ImportJob;
import org.beacon.staffweb.internal.ImportJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The import page: who may use it, uploads, and the job status fragment the page polls. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StaffWebFakes.class)
class ImportPageIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	FakeGeography geography;

	@Autowired
	FakeIncidents incidents;

	@Autowired
	RecordingAuditTrail audit;

	@Autowired
	ImportJobs jobs;

	@Autowired
	Agencies agencies;

	AgencyId agency;

	@BeforeEach
	void emptyModules() {
		agency = agencies.defaultAgency().id();
		geography.clear();
		incidents.clear();
		audit.clear();
	}

	@Test
	@WithMockUser(username = "olly", roles = "OFFICER")
	void forbidsOfficers() {
		assertThat(mvc.get().uri("/import")).hasStatus(403);
		assertThat(mvc.get().uri("/import/jobs/x")).hasStatus(403);
		assertThat(mvc.post().uri("/import/incidents").with(csrf())
				.multipart().file(new MockMultipartFile("file", "a.csv", "text/csv", "x".getBytes()))).hasStatus(403);
		assertThat(incidents.count(new IncidentFilter(agency, null, null, null))).isZero();
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void letsAnalystsAndAdministratorsIn() {
		assertThat(mvc.get().uri("/import")).hasStatusOk().bodyText()
				.contains("<label for=\"incident-file\">", "<option value=\"generic\">generic</option>");
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void showsRunningJobAsProgressFragmentThatPollsItself() {
		assertThat(jobs.claim("job-running", agency, "big.csv.gz", "ana", () -> true)).isTrue();
		jobs.progressed("job-running", 250, 1000, 12_345);

		String fragment = body(mvc.get().uri("/import/jobs/job-running").exchange());

		assertThat(fragment).contains("hx-get=\"/import/jobs/job-running\"", "hx-trigger=\"every 1s\"",
				"hx-swap=\"outerHTML\"");
		assertThat(fragment).contains("<progress id=\"job-progress\" max=\"100\" value=\"25\">");
		assertThat(fragment).contains("<span class=\"rows\">12,345</span> rows");
		assertThat(fragment).contains("Running…").doesNotContain("job-announce");
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void showsFinishedJobWithSummaryAndErrorsAndStopsPolling() {
		assertThat(jobs.claim("job-done", agency, "small.csv", "ana", () -> true)).isTrue();
		jobs.done("job-done", 300, "read=300 imported=290 updated=0 unchanged=0 rejected=2 reversed=8");

		String fragment = body(mvc.get().uri("/import/jobs/job-done").exchange());

		assertThat(fragment).doesNotContain("hx-trigger").doesNotContain("hx-get");
		assertThat(fragment).contains("<code>read=300 imported=290 updated=0 unchanged=0 rejected=2 reversed=8</code>");
		assertThat(fragment).contains("value=\"100\"", "Finished.");
		// the end goes into the page's live region, once
		assertThat(fragment).contains("id=\"job-announce\" hx-swap-oob=\"innerHTML\"");
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void answersNotFoundForAnotherAgencysOrUnknownJob() {
		assertThat(mvc.get().uri("/import/jobs/nope")).hasStatus(404);
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void importsUploadedCsvInTheBackgroundAndReportsTheSummary() throws Exception {
		try (InputStream in = new ClassPathResource("staffweb/stl-neighborhoods.geojson").getInputStream()) {
			geography.importAreas(agency, in, "areas", new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "NHD_NUM",
					"NHD_NAME"));
		}
		MockMultipartFile csv = new MockMultipartFile("file", "stl-sample.csv", "text/csv",
				new ClassPathResource("staffweb/stl-sample.csv").getContentAsByteArray());

		MvcTestResult posted = mvc.post().uri("/import/incidents").with(csrf()).multipart().file(csv)
				.param("profile", "stl-slmpd").exchange();

		assertThat(posted).hasStatus3xxRedirection();
		String location = posted.getResponse().getRedirectedUrl();
		Matcher id = Pattern.compile("/import\\?job=([0-9a-f-]{36})").matcher(location);
		assertThat(id.matches()).as(location).isTrue();
		ImportJob job = awaitFinished(id.group(1));
		assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
		// the excerpt holds one reversal (Count = -1)
		assertThat(job.summary()).isEqualTo("read=300 imported=299 updated=0 unchanged=0 rejected=0 reversed=1");
		assertThat(job.startedBy()).isEqualTo("ana");
		assertThat(incidents.count(new IncidentFilter(agency, null, null, null))).isEqualTo(299);
		assertThat(body(mvc.get().uri(location).exchange())).contains("<code>read=300 imported=299", "stl-sample.csv");
		assertThat(audit.entries()).anySatisfy(entry -> {
			assertThat(entry.actor()).isEqualTo("ana");
			assertThat(entry.action()).isEqualTo("incidents.import");
			assertThat(entry.target()).isEqualTo("stl-sample.csv");
			assertThat(entry.outcome()).isEqualTo("success");
		});
	}

	@Test
	@WithMockUser(username = "ana", roles = "ANALYST")
	void rejectsGenericProfileWithoutColumnsNamingTheField() {
		MvcTestResult posted = mvc.post().uri("/import/incidents").with(csrf()).multipart()
				.file(new MockMultipartFile("file", "x.csv", "text/csv", "a,b\n1,2\n".getBytes()))
				.param("profile", "generic").param("columns", "time").exchange();

		assertThat(posted).hasStatus(400);
		assertThat(body(posted)).contains("columns: entry &#39;time&#39; must be name=column");
	}

	@Test
	@WithMockUser(username = "root", roles = "ADMIN")
	void importsAreasAtOnceAndShowsTheResult() throws IOException {
		MockMultipartFile areas = new MockMultipartFile("file", "stl-neighborhoods.geojson", "application/geo+json",
				new ClassPathResource("staffweb/stl-neighborhoods.geojson").getContentAsByteArray());

		MvcTestResult posted = mvc.post().uri("/import/areas").with(csrf()).multipart().file(areas)
				.param("kind", "NEIGHBOURHOOD").param("idProperty", "NHD_NUM").param("nameProperty", "NHD_NAME")
				.exchange();

		assertThat(posted).hasStatus3xxRedirection();
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).hasSize(88);
		assertThat(posted.getMvcResult().getFlashMap().get("areaResult")).hasToString(
				"AreaImportResult[read=88, imported=88, updated=0, unchanged=0, errors=[]]");
	}

	@Test
	void parsesGenericColumnsSeparatedByCommasSemicolonsOrLines() {
		assertThat(ImportController.parseColumns("time=DateOccur, lat=Latitude;lon=Longitude\ntype=Crime"))
				.isEqualTo(Map.of("time", "DateOccur", "lat", "Latitude", "lon", "Longitude", "type", "Crime"));
	}

	private ImportJob awaitFinished(String id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			ImportJob job = jobs.find(agency, id).orElseThrow();
			if (job.finished()) {
				return job;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("job " + id + " did not finish in 30 s");
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}
}
