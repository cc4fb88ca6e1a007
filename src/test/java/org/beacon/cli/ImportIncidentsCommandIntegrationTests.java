package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.incidents.FakeGeographyConfiguration;
import org.beacon.incidents.IncidentFixtures;
import org.beacon.incidents.IncidentImports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import picocli.CommandLine;

@SpringBootTest(properties = { "beacon.import.batch-size=40", "beacon.import.profiles-dir=target/incident-test-profiles",
		"spring.datasource.hikari.maximum-pool-size=4" })
@Import(FakeGeographyConfiguration.class)
class ImportIncidentsCommandIntegrationTests {

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@TempDir
	Path dir;

	final StringWriter out = new StringWriter();
	final StringWriter err = new StringWriter();

	@Test
	void importsAndPrintsTheSummaryLast() {
		String agency = agencies.get(IncidentFixtures.newAgency(agencies)).code();

		int exit = run("--agency", agency, "--profile", "stl-slmpd",
				IncidentFixtures.resource(IncidentFixtures.HARMONIZED).toString());

		assertThat(exit).isZero();
		assertThat(lastLine(out)).isEqualTo("read=128 imported=104 updated=0 unchanged=0 rejected=0 reversed=24");
	}

	@Test
	void exitsWith2NamingTheMissingColumn() throws IOException {
		Path file = Files.writeString(dir.resolve("short.csv"), "Complaint,CodedMonth,DateOccur,Count\n");

		int exit = run("--profile", "stl-slmpd", file.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).contains("short.csv: missing required column Crime", "found Complaint, CodedMonth");
	}

	@Test
	void writesTheFullErrorReportAndShowsTheFirstErrors() throws IOException {
		String agency = agencies.get(IncidentFixtures.newAgency(agencies)).code();
		Path file = Files.writeString(dir.resolve("points.csv"),
				"when,lat,lon,what\n2020-05-01 10:00,38.6,-90.2,THEFT\n2020-05-01,95,-90.2,THEFT\nsoon,38.6,-90.2,THEFT\n");
		Path report = dir.resolve("errors.csv");

		int exit = run("--agency", agency, "--profile", "generic", "--columns", "time=when,lat=lat,lon=lon,type=what",
				"--errors", report.toString(), file.toString());

		assertThat(exit).isZero();
		assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).containsExactly("file,line,column,value,rule",
				"points.csv,3,lat,95,\"latitude must be within [-90, 90]\"",
				"points.csv,4,when,soon,\"not a date-time in the profile's formats [iso, yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX, "
						+ "yyyy-MM-dd HH:mm[:ss][.SSS], M/d/yyyy h:mm[:ss] a, M/d/yyyy H:mm[:ss], yyyy/MM/dd HH:mm[:ss], "
						+ "M/d/yyyy, yyyy-MM-dd]\"");
		assertThat(err.toString()).contains("points.csv:3 column lat value '95': latitude must be within [-90, 90]");
		assertThat(lastLine(out)).isEqualTo("read=3 imported=1 updated=0 unchanged=0 rejected=2 reversed=0");
	}

	@Test
	void rejectsAnUnknownAgency() {
		assertThat(run("--agency", "nowhere", "--profile", "stl-slmpd", "x.csv")).isEqualTo(2);
		assertThat(err.toString()).contains("no agency with code 'nowhere'");
	}

	private int run(String... args) {
		CommandLine command = new CommandLine(new ImportIncidentsCommand(imports, agencies));
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		return command.execute(args);
	}

	private static String lastLine(StringWriter writer) {
		List<String> lines = writer.toString().lines().toList();
		return lines.get(lines.size() - 1);
	}
}
