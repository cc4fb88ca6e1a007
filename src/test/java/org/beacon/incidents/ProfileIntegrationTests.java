package org.beacon.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beacon.incidents.IncidentFixtures.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code generic} profile configured by columns, and users' YAML profiles. */
@SpringBootTest(properties = { "beacon.import.batch-size=40", "beacon.import.profiles-dir=target/incident-test-profiles" })
@Import(FakeGeographyConfiguration.class)
class ProfileIntegrationTests {

	@Autowired
	IncidentImports imports;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void genericProfileReadsTheColumnsItIsGiven() {
		AgencyId agency = newAgency(agencies);
		Map<String, String> columns = columns("time=date_occur", "lat=y", "lon=x", "type=description", "id=complaint",
				"area=neighborhood", "source=slu-part1");

		ImportResult result = imports.importFile(agency, resource("slu-part1-2018-sample.csv"), "generic", columns,
				ImportProgress.NONE);

		assertThat(result.summary()).isEqualTo("read=30 imported=30 updated=0 unchanged=0 rejected=0 reversed=0");
		// classified by keyword from the description, counted by hand in the fixture
		assertThat(categories(agency)).containsExactlyInAnyOrderEntriesOf(Map.of("LARCENY", 11L,
				"AGGRAVATED_ASSAULT", 10L, "RAPE", 5L, "ROBBERY", 2L, "MOTOR_VEHICLE_THEFT", 1L, "BURGLARY", 1L));
		// 18-000010 has two rows (two crimes): the id alone is the key, so the second is numbered
		assertThat(jdbc.sql("SELECT source_id FROM incident WHERE agency_id = :a AND source_id LIKE '18-000010%'")
				.param("a", agency.value()).query(String.class).list())
				.containsExactlyInAnyOrder("18-000010", "18-000010#2");
	}

	@Test
	void genericProfileWithoutIdKeysRowsByTheirContent() {
		AgencyId agency = newAgency(agencies);
		Map<String, String> columns = columns("time=incident_date", "lat=latitude", "lon=longitude");
		Path file = resource("tempe-opioid-calls-sample.csv");

		ImportResult first = imports.importFile(agency, file, "generic", columns, ImportProgress.NONE);
		ImportResult again = imports.importFile(agency, file, "generic", columns, ImportProgress.NONE);

		assertThat(first.summary()).isEqualTo("read=20 imported=20 updated=0 unchanged=0 rejected=0 reversed=0");
		assertThat(again.summary()).isEqualTo("read=20 imported=0 updated=0 unchanged=20 rejected=0 reversed=0");
		assertThat(categories(agency)).containsExactly(Map.entry("OTHER", 20L));
	}

	@Test
	void genericProfileRejectsCoordinatesOutOfRange() {
		AgencyId agency = newAgency(agencies);
		Path file = file(dir, "points.csv", "when,lat,lon,what", "2020-05-01 10:00,38.6,-90.2,THEFT",
				"2020-05-01 11:00,91.5,-90.2,THEFT", "2020-05-01 12:00,38.6,-190,THEFT",
				"2020-05-01 13:00,north,-90.2,THEFT");

		ImportResult result = imports.importFile(agency, file, "generic",
				columns("time=when", "lat=lat", "lon=lon", "type=what"), ImportProgress.NONE);

		assertThat(result.summary()).isEqualTo("read=4 imported=1 updated=0 unchanged=0 rejected=3 reversed=0");
		assertThat(result.errors()).containsExactly(
				new RowError("points.csv", 3, "lat", "91.5", "latitude must be within [-90, 90]"),
				new RowError("points.csv", 4, "lon", "-190", "longitude must be within [-180, 180]"),
				new RowError("points.csv", 5, "lat", "north", "not a number"));
	}

	@Test
	void genericProfileNamesTheColumnsItMisses() {
		AgencyId agency = newAgency(agencies);

		assertThatThrownBy(() -> imports.importFile(agency, resource("tempe-opioid-calls-sample.csv"), "generic",
				columns("time=date", "lat=latitude", "lon=longitude"), ImportProgress.NONE))
				.isInstanceOfSatisfying(ImportRejectedException.class, e -> {
					assertThat(e.missingColumns()).containsExactly("date");
					assertThat(e.foundColumns()).containsExactly("year", "incident_date", "narcan_given", "latitude",
							"longitude");
				});
	}

	@Test
	void yamlProfileFromTheProfilesFolderDecodesWindows1252() throws IOException {
		AgencyId agency = newAgency(agencies);
		Path profiles = Files.createDirectories(Path.of("target/incident-test-profiles"));
		Files.writeString(profiles.resolve("stl-location-names.yaml"), locationNamesProfile());

		ImportResult result = imports.importFile(agency, resource(RAW_2014), "stl-location-names", Map.of(),
				ImportProgress.NONE);

		assertThat(result.rejected()).isZero();
		// bytes C9 and 92 of windows-1252: É and the right single quotation mark
		assertThat(description(agency, "14-038753/67701/2014-08")).isEqualTo("DOUBLE APPLE CAF\u00c9 AND HOOKAH LOUNGE");
		assertThat(description(agency, "14-038854/67601/2014-08")).isEqualTo("AMERICA\u2019S CENTER CONVENTION COMPLEX");
	}

	@Test
	void yamlProfileCanBeGivenAsAPath() throws IOException {
		AgencyId agency = newAgency(agencies);
		Path profile = Files.writeString(dir.resolve("nov2008.yaml"), locationNamesProfile());

		ImportResult result = imports.importFile(agency, resource(RAW_2008), profile.toString(), Map.of(),
				ImportProgress.NONE);

		assertThat(result.summary()).isEqualTo("read=42 imported=36 updated=0 unchanged=0 rejected=0 reversed=6");
		// byte 96 of windows-1252 is the en dash
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE agency_id = :a AND description = :d")
				.param("a", agency.value()).param("d", "RESIDENCE \u2013 OCCUPIED").query(Long.class).single())
				.isEqualTo(1);
	}

	/** The complete example of docs/import-profiles.md reads its example export. */
	@Test
	void documentedExampleProfileImportsTheDocumentedExport() throws IOException {
		AgencyId agency = newAgency(agencies);
		String doc = Files.readString(Path.of("docs/import-profiles.md"));
		Path profile = Files.writeString(dir.resolve("springfield.yaml"), block(doc, "```yaml\n"));
		Path export = Files.writeString(dir.resolve("export.csv"), block(doc, "```csv\n"));

		ImportResult result = imports.importFile(agency, export, profile.toString(), Map.of(), ImportProgress.NONE);

		assertThat(result.summary()).isEqualTo("read=1 imported=1 updated=0 unchanged=0 rejected=0 reversed=0");
		assertThat(jdbc.sql("SELECT category || ' ' || source_id || ' ' || block_address FROM incident WHERE agency_id = :a")
				.param("a", agency.value()).query(String.class).single())
				.isEqualTo("LARCENY 24-000123 100 BLOCK MAIN ST");
	}

	private static String block(String markdown, String opening) {
		int start = markdown.indexOf(opening) + opening.length();
		return markdown.substring(start, markdown.indexOf("```", start));
	}

	@Test
	void unknownProfileIsRejectedByName() {
		AgencyId agency = newAgency(agencies);

		assertThatThrownBy(() -> imports.importFile(agency, resource(HARMONIZED), "nope", Map.of(), ImportProgress.NONE))
				.isInstanceOf(ImportRejectedException.class).hasMessageContaining("unknown profile 'nope'");
	}

	/** stl-slmpd, but the description is the location's name, a column with windows-1252 text in it. */
	private static String locationNamesProfile() throws IOException {
		try (var in = ProfileIntegrationTests.class.getResourceAsStream("/profiles/stl-slmpd.yaml")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
					.replace("name: stl-slmpd", "name: stl-location-names")
					.replace("source: slmpd", "source: slmpd-locations")
					.replace("description: Description", "description: [LocationName, Location Name]");
		}
	}

	private Map<String, Long> categories(AgencyId agency) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT category, COUNT(*) FROM incident WHERE agency_id = :a GROUP BY category")
				.param("a", agency.value()).query(rs -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	private String description(AgencyId agency, String sourceId) {
		return jdbc.sql("SELECT description FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", sourceId).query(String.class).single();
	}

	private static Map<String, String> columns(String... pairs) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String pair : pairs) {
			columns.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return columns;
	}
}
