package org.beacon.staffweb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentQueries;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import jobs in the database: the fixed-id lock, stalled jobs, and the demo sample load into the real
 * geography and incidents modules, in a database of its own that each test empties.
 */
@SpringBootTest(properties = "beacon.test.context=import-jobs")
@AutoConfigureMockMvc
class ImportJobsIntegrationTests {

	@Autowired
	ImportJobs jobs;

	@Autowired
	Agencies agencies;

	@Autowired
	Geography geography;

	@Autowired
	IncidentQueries incidents;

	@Autowired
	JdbcClient jdbc;

	AgencyId agency;

	@BeforeEach
	void empty() {
		agency = agencies.defaultAgency().id();
		// an empty database again: the demo loader only loads into one
		jdbc.sql("DELETE FROM import_job").update();
		jdbc.sql("DELETE FROM incident_reversal").update();
		jdbc.sql("DELETE FROM incident").update();
		jdbc.sql("DELETE FROM area").update();
	}

	@Test
	void letsOnlyOneCallerClaimAFixedId() {
		assertThat(jobs.claim("lock-test", agency, "a.csv", "node-1", () -> true)).isTrue();
		assertThat(jobs.claim("lock-test", agency, "a.csv", "node-2", () -> true)).isFalse();
		assertThat(jobs.find(agency, "lock-test").orElseThrow().startedBy()).isEqualTo("node-1");
	}

	@Test
	void refusesFirstClaimWhenTheConditionSaysNo() {
		assertThat(jobs.claim("conditional", agency, "a.csv", "node-1", () -> false)).isFalse();
		assertThat(jobs.find(agency, "conditional")).isEmpty();
	}

	@Test
	void reclaimsFailedOrStalledJobButNotRunningOne() {
		jobs.claim("failed", agency, "a.csv", "node-1", () -> true);
		jobs.fail("failed", "boom");
		jobs.claim("stalled", agency, "a.csv", "node-1", () -> true);
		OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minus(ImportJob.STALE_AFTER).minusMinutes(1);
		jdbc.sql("UPDATE import_job SET updated_at = :t WHERE id = 'stalled'").param("t", longAgo).update();
		jobs.claim("running", agency, "a.csv", "node-1", () -> true);

		assertThat(jobs.find(agency, "stalled").orElseThrow().stalled(jobs.now())).isTrue();
		assertThat(jobs.claim("failed", agency, "a.csv", "node-2", () -> false)).isTrue();
		assertThat(jobs.claim("stalled", agency, "a.csv", "node-2", () -> false)).isTrue();
		assertThat(jobs.claim("running", agency, "a.csv", "node-2", () -> true)).isFalse();
		assertThat(jobs.find(agency, "failed").orElseThrow().status()).isEqualTo(ImportJob.Status.RUNNING);
	}

	@Test
	void keepsProgressAndComputesPercentAndRate() {
		jobs.claim("progress", agency, "a.csv", "ana", () -> true);
		jobs.progressed("progress", 300, 1200, 5000);

		ImportJob job = jobs.find(agency, "progress").orElseThrow();

		assertThat(job.percent()).isEqualTo(25);
		assertThat(job.rows()).isEqualTo(5000);
		assertThat(job.finished()).isFalse();
	}

	@Test
	void loadsTheDemoSampleOnceIntoAnEmptyDatabase() throws Exception {
		DemoSampleLoader loader = loader();

		assertThat(loader.claim()).isTrue();
		assertThat(loader.claim()).as("a second node finds the demo row").isFalse();
		loader.load();

		ImportJob demo = jobs.find(agency, ImportJob.DEMO).orElseThrow();
		assertThat(demo.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(demo.summary()).isEqualTo("read=300 imported=299 updated=0 unchanged=0 rejected=0 reversed=1");
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).hasSize(88);
		// 299 records stored, one of them reversed by the excerpt's Count = -1 row and so not counted
		assertThat(incidents.count(new IncidentFilter(agency, null, null, Set.of()))).isEqualTo(298);
	}

	@Test
	void recordsTheDemoLoadAsTheServersStartupWorkOfTheDefaultAgency() throws Exception {
		long mark = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();

		loader().onReady();

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (jobs.find(agency, ImportJob.DEMO).filter(ImportJob::finished).isEmpty()
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(jobs.find(agency, ImportJob.DEMO).orElseThrow().status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(jdbc.sql("""
				SELECT actor, source_address, agency_id, outcome FROM audit_event
				WHERE seq > :mark AND action = 'incidents.import' ORDER BY seq""").param("mark", mark)
				.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list())
				.containsExactly(List.of("system", "startup", agency.value(), "started"),
						List.of("system", "startup", agency.value(), "success"));
	}

	@Test
	void loadsNothingWhenTheDemoIsDisabled() {
		new DemoSampleLoader(agencies, geography, incidents, jobs,
				new ClassPathResource("staffweb/stl-neighborhoods.geojson"),
				new ClassPathResource("staffweb/stl-sample.csv"), false).onReady();

		assertThat(jobs.find(agency, ImportJob.DEMO)).isEmpty();
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).isEmpty();
		assertThat(incidents.count(new IncidentFilter(agency, null, null, Set.of()))).isZero();
	}

	@Test
	void leavesADatabaseWithDataAlone() throws Exception {
		geography.importAreas(agency, new ByteArrayInputStream("""
				{"type":"Feature","properties":{"code":"1","name":"Somewhere"},"geometry":
				{"type":"Polygon","coordinates":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]}}""".getBytes()),
				"somewhere.geojson", new AreaImportOptions(AreaKind.NEIGHBOURHOOD, "code", "name"));

		assertThat(loader().claim()).isFalse();
		assertThat(jobs.find(agency, ImportJob.DEMO)).isEmpty();
	}

	@Test
	void marksTheDemoJobFailedWhenTheSampleIsBroken() {
		DemoSampleLoader loader = new DemoSampleLoader(agencies, geography, incidents, jobs,
				new ClassPathResource("staffweb/stl-neighborhoods.geojson"),
				new ByteArrayResource("not,a,stl,file\n1,2,3,4\n".getBytes()) {
					@Override
					public String getFilename() {
						return "broken.csv";
					}
				}, true);
		assertThat(loader.claim()).isTrue();

		loader.load();

		ImportJob demo = jobs.find(agency, ImportJob.DEMO).orElseThrow();
		assertThat(demo.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(demo.summary()).matches("(failed|rejected): .+");
	}

	@Test
	void decompressesTheBundledSampleAndReportsProgressInStoredBytes() throws Exception {
		ClassPathResource sample = new ClassPathResource("demo/stl-incidents-2020.csv.gz");
		jobs.claim("gz", agency, sample.getFilename(), "ana", () -> true);

		try (var in = sample.getInputStream()) {
			jobs.importIncidents("gz", agency, in, sample.contentLength(), sample.getFilename(), "stl-slmpd", Map.of());
		}

		ImportJob job = jobs.find(agency, "gz").orElseThrow();
		// every SLMPD record coded in 2020: CodedMonth 2020-01 .. 2020-12
		assertThat(job.rows()).isEqualTo(44_720);
		assertThat(job.summary()).startsWith("read=44720 ");
		assertThat(job.totalBytes()).isEqualTo(sample.contentLength()).isLessThan(5_000_000);
		assertThat(job.percent()).isEqualTo(100);
	}

	@Test
	void recentListsNewestFirst() throws InterruptedException {
		jobs.claim("first", agency, "1.csv", "ana", () -> true);
		Instant before = Instant.now();
		while (Duration.between(before, Instant.now()).toMillis() < 5) {
			Thread.onSpinWait();
		}
		jobs.claim("second", agency, "2.csv", "ana", () -> true);

		assertThat(jobs.recent(agency, 10)).extracting(ImportJob::id).containsExactly("second", "first");
	}

	private DemoSampleLoader loader() {
		return new DemoSampleLoader(agencies, geography, incidents, jobs,
				new ClassPathResource("staffweb/stl-neighborhoods.geojson"),
				new ClassPathResource("staffweb/stl-sample.csv"), true);
	}
}
