package org.beacon.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beacon.incidents.IncidentFixtures.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Imports real St. Louis rows through the {@code stl-slmpd} profile. Batches of 40 rows, so the 128-row
 * sample spans four transactions and reversals meet their originals across batches.
 *
 * The expected numbers come from make-fixtures.py beside the fixtures, which applies the documented rules
 * to the same rows in Python: 128 rows, 104 with Count = 1 and 24 with Count = -1; 13 reversals find their
 * original in the sample (6 of them unfounded), 11 stay pending; 104 - 13 = 91 incidents are counted.
 */
@SpringBootTest(properties = { "beacon.import.batch-size=40", "beacon.import.profiles-dir=target/incident-test-profiles",
		"spring.datasource.hikari.maximum-pool-size=4" })
@Import(FakeGeographyConfiguration.class)
@RecordApplicationEvents
class IncidentImportIntegrationTests {

	@Autowired
	IncidentImports imports;

	@Autowired
	IncidentQueries queries;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void importsHarmonizedSampleWithExactCounts() {
		AgencyId agency = newAgency(agencies);

		ImportResult result = importStl(agency, resource(HARMONIZED));

		assertThat(result.summary()).isEqualTo("read=128 imported=104 updated=0 unchanged=0 rejected=0 reversed=24");
		assertThat(incidents(agency)).isEqualTo(104);
		assertThat(flagged(agency, "reversed")).isEqualTo(13);
		assertThat(flagged(agency, "unfounded")).isEqualTo(6);
		assertThat(queries.count(all(agency))).isEqualTo(91);
	}

	@Test
	void publishesIncidentsImportedAfterCommit(@Autowired ApplicationEvents events) {
		AgencyId agency = newAgency(agencies);

		importStl(agency, resource(HARMONIZED));

		assertThat(events.stream(IncidentsImported.class))
				.containsExactly(new IncidentsImported(agency, "slmpd", 104, 0, 24));
	}

	@Test
	void recordsImportsAndRejectedFilesInTheAuditTrail() {
		AgencyId agency = newAgency(agencies);
		Path renamed = file(dir, "renamed-for-audit.csv", header().replace(",Crime,", ",Offense,"));

		importStl(agency, resource(HARMONIZED));
		assertThatThrownBy(() -> importStl(agency, renamed)).isInstanceOf(ImportRejectedException.class);

		// no request and no signed-in user: the agency comes from the import itself; "started" precedes any row
		assertThat(jdbc.sql("""
				SELECT target || ' ' || outcome FROM audit_event WHERE action = 'incidents.import'
				AND agency_id = :agency ORDER BY seq""").param("agency", agency.value())
				.query(String.class).list()).containsExactly("stl-harmonized-sample.csv started",
						"stl-harmonized-sample.csv success", "renamed-for-audit.csv failure");
	}

	@Test
	void reImportLeavesEverythingUnchangedAndAddsNothing() {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));

		ImportResult again = importStl(agency, resource(HARMONIZED));

		assertThat(again.summary()).isEqualTo("read=128 imported=0 updated=0 unchanged=128 rejected=0 reversed=0");
		assertThat(incidents(agency)).isEqualTo(104);
		assertThat(flagged(agency, "reversed")).isEqualTo(13);
		assertThat(queries.count(all(agency))).isEqualTo(91);
	}

	@Test
	void rawMonthlyFilesMatchTheSameRecordsOfTheHarmonizedFile() {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));

		// other header names, windows-1252, untrimmed values, no Complaint in 2008: still the same 84 records
		assertThat(importStl(agency, resource(RAW_2014)).summary())
				.isEqualTo("read=42 imported=0 updated=0 unchanged=42 rejected=0 reversed=0");
		assertThat(importStl(agency, resource(RAW_2008)).summary())
				.isEqualTo("read=42 imported=0 updated=0 unchanged=42 rejected=0 reversed=0");
		assertThat(incidents(agency)).isEqualTo(104);
	}

	@Test
	void readsRawFilesOfBothHeaderGenerations() {
		AgencyId agency = newAgency(agencies);

		// counted by hand in the fixtures: August 2014 has 37 rows with Count 1 and 5 with -1, November 2008 36 and 6
		assertThat(importStl(agency, resource(RAW_2014)).summary())
				.isEqualTo("read=42 imported=37 updated=0 unchanged=0 rejected=0 reversed=5");
		assertThat(importStl(agency, resource(RAW_2008)).summary())
				.isEqualTo("read=42 imported=36 updated=0 unchanged=0 rejected=0 reversed=6");
	}

	@Test
	void changedRowIsUpdated() throws IOException {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));
		Path changed = dir.resolve("changed.csv");
		Files.writeString(changed, Files.readString(resource(HARMONIZED))
				.replace("20-012178,2020-03,03/12/2020 21:30,Y,,,1,,65701,5,LARCENY-MTR VEH PARTS UNDER $500,4923",
						"20-012178,2020-03,03/12/2020 21:30,Y,,,1,,65701,5,LARCENY-MTR VEH PARTS UNDER $500 (corrected),4923"));

		ImportResult result = importStl(agency, changed);

		assertThat(result.summary()).isEqualTo("read=128 imported=0 updated=1 unchanged=127 rejected=0 reversed=0");
		assertThat(description(agency, "20-012178/65701/2020-03")).isEqualTo("LARCENY-MTR VEH PARTS UNDER $500 (corrected)");
		// the update keeps what its reversal said: still reversed and unfounded
		assertThat(jdbc.sql("SELECT reversed AND unfounded FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", "20-012178/65701/2020-03").query(Boolean.class).single()).isTrue();
	}

	@Test
	void reversalImportedBeforeItsOriginalStillReversesIt() {
		AgencyId agency = newAgency(agencies);
		Path reversal = lines(HARMONIZED, line -> line.startsWith("20-012178,2020-12,"), dir);
		Path original = lines(HARMONIZED, line -> line.startsWith("20-012178,2020-03,"), dir);

		assertThat(importStl(agency, reversal).summary())
				.isEqualTo("read=1 imported=0 updated=0 unchanged=0 rejected=0 reversed=1");
		assertThat(importStl(agency, original).summary())
				.isEqualTo("read=1 imported=1 updated=0 unchanged=0 rejected=0 reversed=0");

		assertThat(flagged(agency, "reversed")).isEqualTo(1);
		assertThat(queries.count(all(agency))).isZero();
	}

	@Test
	void unfoundedRecordIsKeptButNotCounted() {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));

		// 20-012178 was coded in March 2020 and reversed as unfounded (FlagUnfounded = Y, Count = -1) in December
		assertThat(jdbc.sql("SELECT unfounded FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", "20-012178/65701/2020-03").query(Boolean.class).single()).isTrue();
		assertThat(queries.page(all(agency), 0, 200)).extracting(IncidentRow::sourceId)
				.hasSize(91).doesNotContain("20-012178/65701/2020-03");
	}

	@Test
	void rowsWithoutCoordinatesCountInTheirCodedNeighbourhood() {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));

		// 13-063198: X/Y 0/0, Neighborhood 50; 14-038753 lies in the fake's test box, whatever its code (37) says
		assertThat(jdbc.sql("SELECT neighbourhood_id FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", "13-063198/10000/2015-04").query(Long.class).single())
				.isEqualTo(FakeGeography.neighbourhood(50));
		assertThat(jdbc.sql("SELECT lat FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", "13-063198/10000/2015-04").query(Double.class).optional())
				.isEmpty();
		assertThat(jdbc.sql("SELECT neighbourhood_id FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", "14-038753/67701/2014-08").query(Long.class).single())
				.isEqualTo(FakeGeography.BOX_ID);
	}

	/** The harmonized file's Latitude/Longitude were computed by its publisher from the same X/Y with R sf. */
	@Test
	void projectsStatePlaneFeetToThePublishedCoordinates() throws IOException {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));
		Map<String, double[]> published = new java.util.HashMap<>();
		Map<String, Integer> seen = new java.util.HashMap<>();
		try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(resource(HARMONIZED))) {
			csv.forEach(row -> {
				String key = row.getField("Complaint") + "/" + row.getField("Crime") + "/" + row.getField("CodedMonth");
				if (!row.getField("Complaint").isEmpty() && row.getField("Count").equals("1")
						&& seen.merge(key, 1, Integer::sum) == 1 && !row.getField("Latitude").isEmpty()) {
					published.put(key, new double[] { Double.parseDouble(row.getField("Latitude")),
							Double.parseDouble(row.getField("Longitude")) });
				}
			});
		}
		Map<String, double[]> stored = new java.util.HashMap<>();
		jdbc.sql("SELECT source_id, lat, lon FROM incident WHERE agency_id = :a AND lat IS NOT NULL")
				.param("a", agency.value())
				.query(rs -> {
					stored.put(rs.getString(1), new double[] { rs.getDouble(2), rs.getDouble(3) });
				});

		assertThat(published).hasSizeGreaterThan(20);
		published.forEach((key, latLon) -> {
			// 6 decimals published: within half a unit of the last digit, plus a little for the two libraries
			assertThat(stored.get(key)).as(key).isNotNull();
			assertThat(stored.get(key)[0]).as(key).isCloseTo(latLon[0], org.assertj.core.api.Assertions.within(6e-7));
			assertThat(stored.get(key)[1]).as(key).isCloseTo(latLon[1], org.assertj.core.api.Assertions.within(6e-7));
		});
	}

	@Test
	void keepsIdenticalRowsApartAndOneComplaintCodedInTwoMonths() {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));

		assertThat(sourceIds(agency, "14-01%")).contains("14-012963/91113/2014-04", "14-012963/91113/2014-04#2",
				"14-017511/21000/2014-04", "14-017511/21000/2014-05");
	}

	@Test
	void resolvesDaylightSavingGapsAndOverlapsDeterministically() {
		AgencyId agency = newAgency(agencies);
		importStl(agency, resource(HARMONIZED));

		// 2015-03-08 02:00 does not exist in Chicago: moved forward by the gap, 03:00 CDT
		assertThat(occurredAt(agency, "15-010471/142320/2015-03")).isEqualTo(Instant.parse("2015-03-08T08:00:00Z"));
		// 2015-11-01 01:00 happens twice: the earlier, daylight time (CDT, UTC-5)
		assertThat(occurredAt(agency, "15-062082/21000/2015-12")).isEqualTo(Instant.parse("2015-11-01T06:00:00Z"));
		// a report coded in 2008 of a crime in 1977 is kept
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE agency_id = :a AND occurred_month = 197701")
				.param("a", agency.value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void missingRequiredColumnRejectsTheFileAndWritesNothing() throws IOException {
		AgencyId agency = newAgency(agencies);
		List<String> lines = Files.readAllLines(resource(HARMONIZED));
		Path file = file(dir, "renamed.csv", lines.get(0).replace(",Crime,", ",Offense,"), lines.get(1));

		assertThatThrownBy(() -> importStl(agency, file)).isInstanceOfSatisfying(ImportRejectedException.class, e -> {
			assertThat(e.getMessage()).contains("missing required column Crime", "expected", "found", "Offense");
			assertThat(e.missingColumns()).containsExactly("Crime");
			assertThat(e.foundColumns()).contains("Complaint", "Offense").doesNotContain("Crime");
		});
		assertThat(incidents(agency)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM import_run WHERE agency_id = :a").param("a", agency.value())
				.query(Long.class).single()).isZero();
	}

	@Test
	void rejectsBadRowsWithLineColumnValueAndRuleAndImportsTheRest() {
		AgencyId agency = newAgency(agencies);
		String good = ",2008-04,01/03/2008 09:00,Y,,,1,,264100,0,HEALTH-SANITATION VIOL,1034,S. KINGSHIGHWAY,0,,,1034,S KINGSHIGHWAY,0,0,April2008.csv,,";
		Path file = file(dir, "bad.csv", header(), good,
				good.replace("01/03/2008 09:00", "13/45/2008 09:00"),
				good.replace("264100", "990000"),
				good.replace(",1,,264100", ",2,,264100"),
				good.replace(",April2008.csv,,", ""),
				good.replace("01/03/2008 09:00", ""),
				good.replace(",0,0,April2008", ",abc,0,April2008"));

		ImportResult result = importStl(agency, file);

		assertThat(result.summary()).isEqualTo("read=7 imported=1 updated=0 unchanged=0 rejected=6 reversed=0");
		List<RowError> expected = List.of(
				new RowError("bad.csv", 3, "DateOccur", "13/45/2008 09:00", "not a date-time in the profile's formats [M/d/yyyy H:mm]"),
				new RowError("bad.csv", 4, "Crime", "990000", "unknown code: no classification rule matches (UCR class = code div 10000 must be 1..26, no default)"),
				new RowError("bad.csv", 5, "Count", "2", "count must be 1 or -1"),
				new RowError("bad.csv", 6, "(row)", "20 fields", "row has 20 fields, the header has 23"),
				new RowError("bad.csv", 7, "DateOccur", "", "time is required"),
				new RowError("bad.csv", 8, "XCoord", "abc", "not a number"));
		assertThat(result.errors()).isEqualTo(expected);
		List<RowError> report = new ArrayList<>();
		imports.errorReport(result.runId(), report::add);
		assertThat(report).isEqualTo(expected);
	}

	@Test
	void killedImportRunAgainEndsWithExactCountsAndNoDuplicates() {
		AgencyId agency = newAgency(agencies);
		ImportProgress dies = (bytes, total, rows) -> {
			if (rows >= 40) {
				throw new IllegalStateException("killed after the first batch");
			}
		};

		assertThatThrownBy(() -> imports.importFile(agency, resource(HARMONIZED), "stl-slmpd", Map.of(), dies))
				.hasMessage("killed after the first batch");
		// the first batch of 40 rows committed: 34 incidents and 6 reversals
		assertThat(incidents(agency)).isEqualTo(34);
		assertThat(jdbc.sql("SELECT status FROM import_run WHERE agency_id = :a").param("a", agency.value())
				.query(String.class).single()).isEqualTo("failed");

		ImportResult again = importStl(agency, resource(HARMONIZED));

		assertThat(again.summary()).isEqualTo("read=128 imported=70 updated=0 unchanged=40 rejected=0 reversed=18");
		assertThat(incidents(agency)).isEqualTo(104);
		assertThat(flagged(agency, "reversed")).isEqualTo(13);
		assertThat(flagged(agency, "unfounded")).isEqualTo(6);
		assertThat(queries.count(all(agency))).isEqualTo(91);
	}

	@Test
	void reportsProgressInFileBytesAfterEveryBatch() {
		AgencyId agency = newAgency(agencies);
		List<long[]> calls = new ArrayList<>();
		long size = resource(HARMONIZED).toFile().length();

		imports.importFile(agency, resource(HARMONIZED), "stl-slmpd", Map.of(),
				(bytes, total, rows) -> calls.add(new long[] { bytes, total, rows }));

		// before the first row, then after each batch of 40: 40, 80, 120 and the last 8
		assertThat(calls).extracting(c -> c[2]).containsExactly(0L, 40L, 80L, 120L, 128L);
		assertThat(calls).extracting(c -> c[1]).containsOnly(size);
		assertThat(calls.get(calls.size() - 1)[0]).isEqualTo(size);
	}

	private ImportResult importStl(AgencyId agency, Path file) {
		return imports.importFile(agency, file, "stl-slmpd", Map.of(), ImportProgress.NONE);
	}

	private String header() {
		try {
			return Files.readAllLines(resource(HARMONIZED)).get(0);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static IncidentFilter all(AgencyId agency) {
		return new IncidentFilter(agency, null, null, null);
	}

	private long incidents(AgencyId agency) {
		return jdbc.sql("SELECT COUNT(*) FROM incident WHERE agency_id = :agency").param("agency", agency.value())
				.query(Long.class).single();
	}

	private long flagged(AgencyId agency, String flag) {
		String sql = switch (flag) {
			case "reversed" -> "SELECT COUNT(*) FROM incident WHERE agency_id = :agency AND reversed = TRUE";
			case "unfounded" -> "SELECT COUNT(*) FROM incident WHERE agency_id = :agency AND unfounded = TRUE";
			default -> throw new IllegalArgumentException(flag);
		};
		return jdbc.sql(sql).param("agency", agency.value()).query(Long.class).single();
	}

	private String description(AgencyId agency, String sourceId) {
		return jdbc.sql("SELECT description FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", sourceId).query(String.class).single();
	}

	private Instant occurredAt(AgencyId agency, String sourceId) {
		return jdbc.sql("SELECT occurred_at FROM incident WHERE agency_id = :a AND source_id = :id")
				.param("a", agency.value()).param("id", sourceId).query(java.time.OffsetDateTime.class).single()
				.toInstant();
	}

	private List<String> sourceIds(AgencyId agency, String like) {
		return jdbc.sql("SELECT source_id FROM incident WHERE agency_id = :a AND source_id LIKE :like")
				.param("a", agency.value()).param("like", like).query(String.class).list();
	}
}
