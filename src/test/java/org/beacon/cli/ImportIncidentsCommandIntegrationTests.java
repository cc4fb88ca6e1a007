package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.beacon.agency.Agencies;
import org.beacon.incidents.FakeGeographyConfiguration;
import org.beacon.incidents.IncidentFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = { "beacon.import.batch-size=40", "beacon.import.profiles-dir=target/incident-test-profiles",
		"spring.datasource.hikari.maximum-pool-size=4" })
@Import(FakeGeographyConfiguration.class)
class ImportIncidentsCommandIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Agencies agencies;

	@TempDir
	Path dir;

	@Test
	void importsAndPrintsTheSummaryLast() {
		String agency = agencies.get(IncidentFixtures.newAgency(agencies)).code();

		CommandRun run = run("--agency", agency, "--profile", "stl-slmpd",
				IncidentFixtures.resource(IncidentFixtures.HARMONIZED).toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.lastLine()).isEqualTo("read=128 imported=104 updated=0 unchanged=0 rejected=0 reversed=24");
	}

	@Test
	void exitsWith2NamingTheMissingColumn() throws IOException {
		Path file = Files.writeString(dir.resolve("short.csv"), "Complaint,CodedMonth,DateOccur,Count\n");

		CommandRun run = run("--profile", "stl-slmpd", file.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("short.csv: missing required column Crime", "found Complaint, CodedMonth");
	}

	@Test
	void writesTheFullErrorReportAndShowsTheFirstErrors() throws IOException {
		String agency = agencies.get(IncidentFixtures.newAgency(agencies)).code();
		Path file = Files.writeString(dir.resolve("points.csv"),
				"when,lat,lon,what\n2020-05-01 10:00,38.6,-90.2,THEFT\n2020-05-01,95,-90.2,THEFT\nsoon,38.6,-90.2,THEFT\n");
		Path report = dir.resolve("errors.csv");

		CommandRun run = run("--agency", agency, "--profile", "generic", "--columns", "time=when,lat=lat,lon=lon,type=what",
				"--errors", report.toString(), file.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).containsExactly("file,line,column,value,rule",
				"points.csv,3,lat,95,\"latitude must be within [-90, 90]\"",
				"points.csv,4,when,soon,\"not a date-time in the profile's formats [iso, yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX, "
						+ "yyyy-MM-dd HH:mm[:ss][.SSS], M/d/yyyy h:mm[:ss] a, M/d/yyyy H:mm[:ss], yyyy/MM/dd HH:mm[:ss], "
						+ "M/d/yyyy, yyyy-MM-dd]\"");
		assertThat(run.err()).contains("points.csv:3 column lat value '95': latitude must be within [-90, 90]");
		assertThat(run.lastLine()).isEqualTo("read=3 imported=1 updated=0 unchanged=0 rejected=2 reversed=0");
	}

	@Test
	void rejectsAnUnknownAgency() {
		CommandRun run = run("--agency", "nowhere", "--profile", "stl-slmpd", "x.csv");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("no agency with code 'nowhere'");
	}

	private CommandRun run(String... args) {
		return CommandRun.beacon(context, Stream.concat(Stream.of("import", "incidents"), Stream.of(args)).toArray(String[]::new));
	}
}
