package org.beacon.staffweb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.identity.IdentityFixtures;
import org.beacon.identity.Role;
import org.beacon.identity.WithStaff;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.shared.AgencyId;
import org.beacon.staffweb.internal.ImportJob;
import org.beacon.staffweb.internal.ImportJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The import page over the real geography and incidents modules: who may use it, uploads, the job status
 * fragment the page polls, and the audit entry an upload leaves. A context (and database) of its own, so the
 * area import starts from none.
 */
@SpringBootTest(properties = "beacon.test.context=import-page")
@AutoConfigureMockMvc
class ImportPageIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Geography geography;

	@Autowired
	IncidentQueries incidents;

	@Autowired
	JdbcClient jdbc;

	long auditMark;

	@Autowired
	ImportJobs jobs;

	@Autowired
	Agencies agencies;

	AgencyId agency;

	@BeforeEach
	void emptyModules() {
		agency = agencies.defaultAgency().id();
		auditMark = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
	}

	@Test
	@WithStaff(username = "olly", roles = Role.OFFICER)
	void forbidsOfficers() {
		long before = incidents.count(new IncidentFilter(agency, null, null, null));
		assertThat(mvc.get().uri("/import")).hasStatus(403);
		assertThat(mvc.get().uri("/import/jobs/x")).hasStatus(403);
		assertThat(mvc.post().uri("/import/incidents").with(csrf())
				.multipart().file(new MockMultipartFile("file", "a.csv", "text/csv", "x".getBytes()))).hasStatus(403);
		assertThat(incidents.count(new IncidentFilter(agency, null, null, null))).isEqualTo(before);
	}

	@Test
	@WithStaff(username = "ana", roles = Role.ANALYST)
	void letsAnalystsAndAdministratorsIn() {
		assertThat(mvc.get().uri("/import")).hasStatusOk().bodyText()
				.contains("<label for=\"incident-file\">", "<option value=\"generic\">generic</option>");
	}

	@Test
	@WithStaff(username = "ana", roles = Role.ANALYST)
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
	@WithStaff(username = "ana", roles = Role.ANALYST)
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
	@WithStaff(username = "ana", roles = Role.ANALYST)
	void answersNotFoundForAnotherAgencysOrUnknownJob() {
		assertThat(mvc.get().uri("/import/jobs/nope")).hasStatus(404);
	}

	@Test
	@WithStaff(username = "ana", roles = Role.ANALYST)
	void importsUploadedCsvInTheBackgroundAndReportsTheSummary() throws Exception {
		long before = incidents.count(new IncidentFilter(agency, null, null, null));
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
		// the excerpt holds one reversal (Count = -1): 299 records stored, the reversed one not counted
		assertThat(job.summary()).isEqualTo("read=300 imported=299 updated=0 unchanged=0 rejected=0 reversed=1");
		assertThat(job.startedBy()).isEqualTo("ana");
		assertThat(incidents.count(new IncidentFilter(agency, null, null, null))).isEqualTo(before + 298);
		assertThat(body(mvc.get().uri(location).exchange())).contains("<code>read=300 imported=299", "stl-sample.csv");
		// by the importer, in the name of who uploaded it, from where, into which agency: started, then done
		assertThat(jdbc.sql("""
				SELECT actor, source_address, target, outcome, agency_id FROM audit_event
				WHERE seq > :mark AND action = 'incidents.import' ORDER BY seq""").param("mark", auditMark)
				.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getLong(5))).list())
				.containsExactly(List.of("ana", "127.0.0.1", "stl-sample.csv", "started", agency.value()),
						List.of("ana", "127.0.0.1", "stl-sample.csv", "success", agency.value()));
	}

	@Test
	void importsAnUploadIntoTheUploadersOwnAgency() throws Exception {
		AgencyId other = agencies.ensure("import-b", "Agency B", ZoneId.of("America/Chicago"), "auto").id();
		long before = incidents.count(new IncidentFilter(agency, null, null, null));
		RequestPostProcessor analystOfB = IdentityFixtures.staff(other, "bea", Role.ANALYST);
		MockMultipartFile csv = new MockMultipartFile("file", "stl-sample.csv", "text/csv",
				new ClassPathResource("staffweb/stl-sample.csv").getContentAsByteArray());

		MvcTestResult posted = mvc.post().uri("/import/incidents").with(analystOfB).with(csrf()).multipart().file(csv)
				.param("profile", "stl-slmpd").exchange();

		String jobId = posted.getResponse().getRedirectedUrl().replace("/import?job=", "");
		assertThat(awaitFinished(other, jobId).status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(jobs.find(other, jobId)).isPresent();
		assertThat(jobs.find(agency, jobId)).as("the default agency's page does not list B's job").isEmpty();
		assertThat(incidents.count(new IncidentFilter(other, null, null, null))).isEqualTo(298);
		assertThat(incidents.count(new IncidentFilter(agency, null, null, null))).isEqualTo(before);
		assertThat(mvc.get().uri("/import/jobs/" + jobId).with(analystOfB)).hasStatusOk();
	}

	@Test
	@WithStaff(username = "ana", roles = Role.ANALYST)
	void rejectsGenericProfileWithoutColumnsNamingTheField() {
		MvcTestResult posted = mvc.post().uri("/import/incidents").with(csrf()).multipart()
				.file(new MockMultipartFile("file", "x.csv", "text/csv", "a,b\n1,2\n".getBytes()))
				.param("profile", "generic").param("columns", "time").exchange();

		assertThat(posted).hasStatus(400);
		assertThat(body(posted)).contains("columns: entry &#39;time&#39; must be name=column");
	}

	@Test
	@WithStaff(username = "root", roles = Role.ADMIN)
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
		return awaitFinished(agency, id);
	}

	private ImportJob awaitFinished(AgencyId agency, String id) throws InterruptedException {
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
