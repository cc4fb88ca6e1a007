package org.beacon.overdose.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.beacon.overdose.EventSource;
import org.beacon.overdose.ImportProblem;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.LocationPrecision;
import org.beacon.overdose.OverdoseEntry;
import org.beacon.overdose.OverdoseFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverdoseCsvReaderTests {

	@Test
	void readsPaOdinRowsWithCountyCentroidsAndNoPersonalFields() {
		OverdoseCsvReader.Read read = OverdoseCsvReader.read(OverdoseFixtures.paOdin(), ImportProfile.PA_ODIN);

		assertThat(read.rows()).isEqualTo(40);
		assertThat(read.problems()).isEmpty();
		OverdoseEntry first = read.entries().get(0);
		// 2018-01-04 00:42 Eastern (UTC-5) = 05:42 UTC
		assertThat(first.occurredAt()).isEqualTo(Instant.parse("2018-01-04T05:42:00Z"));
		assertThat(first.occurredDate()).isEqualTo(LocalDate.of(2018, 1, 4));
		assertThat(first.timeKnown()).isTrue();
		assertThat(first.precision()).isEqualTo(LocationPrecision.COUNTY_CENTROID);
		assertThat(first.lat()).isEqualTo(39.916579);
		assertThat(first.lon()).isEqualTo(-75.406277);
		assertThat(first.county()).isEqualTo("Delaware");
		assertThat(first.city()).isNull();
		assertThat(first.fatal()).isTrue(); // Survive = N
		assertThat(first.naloxoneGiven()).isTrue();
		assertThat(first.naloxoneDoses()).isNull();
		assertThat(first.suspectedDrugs()).containsExactly("cocaine", "heroin");
		assertThat(first.source()).isEqualTo(EventSource.POLICE);
		assertThat(first.sourceName()).isEqualTo("pa-odin");
		assertThat(first.sourceId()).isEqualTo("1-1");
		assertThat(read.entries().get(2).fatal()).isFalse(); // IncidentID 27, Survive = Y
	}

	@Test
	void reportsEachBadPaOdinRowWithLineColumnValueAndRule() {
		OverdoseCsvReader.Read read = OverdoseCsvReader.read(OverdoseFixtures.paOdinBadRows(), ImportProfile.PA_ODIN);

		assertThat(read.rows()).isEqualTo(5);
		assertThat(read.entries()).extracting(OverdoseEntry::sourceId).containsExactly("1-1", "29-7");
		assertThat(read.problems()).containsExactly(
				new ImportProblem(3, "IncidentDate", "2018-13-01", "must be a date YYYY-MM-DD"),
				new ImportProblem(4, "Survive", "X", "must be one of Y, N, U, (empty), NA"),
				new ImportProblem(5, "IncidentCountyLatitude", "abc", "must be a number from -90 to 90"));
		assertThat(read.problems().get(0)).hasToString(
				"line 3, column IncidentDate, value '2018-13-01': must be a date YYYY-MM-DD");
	}

	@Test
	void readsTempeCallsAsRandomisedPointsWithDayOnlyAndStableIds() {
		OverdoseCsvReader.Read read = OverdoseCsvReader.read(OverdoseFixtures.tempe(), ImportProfile.TEMPE);

		assertThat(read.rows()).isEqualTo(87);
		assertThat(read.problems()).isEmpty();
		assertThat(read.entries()).allSatisfy(e -> {
			assertThat(e.precision()).isEqualTo(LocationPrecision.RANDOMISED);
			assertThat(e.timeKnown()).isFalse();
			assertThat(e.source()).isEqualTo(EventSource.EMS);
			assertThat(e.city()).isEqualTo("Tempe");
			assertThat(e.fatal()).isNull();
		});
		assertThat(read.entries()).extracting(OverdoseEntry::sourceId).doesNotHaveDuplicates();
		assertThat(read.entries().stream().filter(e -> e.occurredDate().equals(LocalDate.of(2017, 7, 27)))).hasSize(5);
		// Arizona keeps standard time all year: local midnight is 07:00 UTC
		assertThat(read.entries().get(0).occurredAt().toString()).endsWith("T07:00:00Z");
		// 20 TRUE, 67 NA: NA is unknown, not "no"
		assertThat(read.entries().stream().filter(e -> Boolean.TRUE.equals(e.naloxoneGiven()))).hasSize(20);
		assertThat(read.entries().stream().filter(e -> e.naloxoneGiven() == null)).hasSize(67);
	}

	@Test
	void numbersRepeatedIdenticalTempeRowsSoEachIsKept(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("tempe.csv");
		Files.writeString(file, """
				year,incident_date,narcan_given,latitude,longitude
				2017,2017-01-09,NA,33.4297,-111.9334
				2017,2017-01-09,NA,33.4297,-111.9334
				""");

		List<OverdoseEntry> entries = OverdoseCsvReader.read(file, ImportProfile.TEMPE).entries();

		assertThat(entries).extracting(OverdoseEntry::sourceId)
				.containsExactly("2017-01-09/33.4297/-111.9334/NA#1", "2017-01-09/33.4297/-111.9334/NA#2");
	}

	@Test
	void readsConnecticutDeathsWithCityCentroidsAndKeepsStateOnlyRowsWithoutCoordinates() {
		OverdoseCsvReader.Read read = OverdoseCsvReader.read(OverdoseFixtures.ctDeaths(), ImportProfile.CT_DEATHS);

		assertThat(read.rows()).isEqualTo(28);
		assertThat(read.entries()).hasSize(26);
		assertThat(read.problems()).extracting(ImportProblem::column, ImportProblem::rule)
				.containsOnly(org.assertj.core.groups.Tuple.tuple("Date", "is required"));
		OverdoseEntry norwalk = byId(read, "13-0102");
		assertThat(norwalk.city()).isEqualTo("Norwalk");
		assertThat(norwalk.county()).isEqualTo("Fairfield");
		assertThat(norwalk.lat()).isEqualTo(41.11805);
		assertThat(norwalk.lon()).isEqualTo(-73.412906);
		assertThat(norwalk.precision()).isEqualTo(LocationPrecision.CITY_CENTROID);
		assertThat(norwalk.fatal()).isTrue();
		assertThat(norwalk.source()).isEqualTo(EventSource.MEDICAL_EXAMINER);
		assertThat(norwalk.suspectedDrugs()).containsExactly("cocaine");
		assertThat(byId(read, "12-0205").city()).isEqualTo("West Hartford");
		OverdoseEntry stateOnly = byId(read, "14-0273");
		assertThat(stateOnly.precision()).isEqualTo(LocationPrecision.AREA);
		assertThat(stateOnly.lat()).isNull();
		assertThat(stateOnly.city()).isNull();
		assertThat(stateOnly.suspectedDrugs()).containsExactly("benzodiazepine", "fentanyl", "hydrocodone");
		assertThat(read.entries().stream().filter(e -> e.precision() == LocationPrecision.AREA)).hasSize(3);
	}

	@Test
	void refusesAFileWithoutTheProfilesColumns() {
		assertThatThrownBy(() -> OverdoseCsvReader.read(OverdoseFixtures.tempe(), ImportProfile.PA_ODIN))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("tempe-2017-06-01_2017-08-15.csv is not a pa-odin file: missing columns IncidentID");
		assertThatThrownBy(() -> OverdoseCsvReader.read(Path.of("no-such.csv"), ImportProfile.TEMPE))
				.hasMessage("no such file: no-such.csv");
	}

	private static OverdoseEntry byId(OverdoseCsvReader.Read read, String id) {
		return read.entries().stream().filter(e -> id.equals(e.sourceId())).findFirst().orElseThrow();
	}
}
