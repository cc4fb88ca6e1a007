package org.beacon.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@SpringBootTest
class DemographicsIntegrationTests {

	@TestConfiguration
	static class Audit {

		@Bean
		@Primary
		RecordingAuditTrail recordingAuditTrail() {
			return new RecordingAuditTrail();
		}
	}

	@Autowired
	Geography geography;

	@Autowired
	Demographics demographics;

	@Autowired
	Agencies agencies;

	@Autowired
	RecordingAuditTrail audit;

	@Test
	void storesPopulationAndFiguresOfTheNamedAreas() {
		AgencyId agency = withNeighbourhoods();

		DemographicsImportResult result = importFixture(agency, "stl-demographics.csv");

		assertThat(result).isEqualTo(new DemographicsImportResult(4, 4, List.of("population", "black", "poverty"),
				List.of()));
		List<AreaDemographics> stored = demographics.list(agency, AreaKind.NEIGHBOURHOOD);
		assertThat(stored).extracting(d -> d.area().code(), d -> d.area().name(), AreaDemographics::population)
			.containsExactly(tuple("51", "Academy", 2817L), tuple("52", "Kingsway West", 2312L),
					tuple("53", "Fountain Park", 1385L), tuple("54", "Lewis Place", 1286L));
		assertThat(stored.get(0).figures()).containsExactlyInAnyOrderEntriesOf(Map.of("black", 0.95, "poverty", 0.31));
		assertThat(stored.get(1).figures()).containsOnlyKeys("black");
		assertThat(audit.entries()).contains("demographics.import stl-demographics.csv success");
	}

	@Test
	void replacesTheFiguresOfAreasImportedAgainAndKeepsTheOthers() {
		AgencyId agency = withNeighbourhoods();
		importFixture(agency, "stl-demographics.csv");

		DemographicsImportResult again = importFixture(agency, "by-name.csv");

		assertThat(again.imported()).isEqualTo(2);
		List<AreaDemographics> stored = demographics.list(agency, AreaKind.NEIGHBOURHOOD);
		assertThat(stored).extracting(AreaDemographics::population).containsExactly(2817L, 2312L, 1385L, 1286L);
		// Academy's figures are now the by-name file's: poverty gone, white and hhIncome new
		assertThat(stored.get(0).figures()).containsOnlyKeys("white", "black", "hhIncome");
		assertThat(stored.get(2).figures()).containsOnlyKeys("black", "poverty");
	}

	@Test
	void importsNothingFromAFileWithAnyError() {
		AgencyId agency = withNeighbourhoods();

		DemographicsImportResult result = importFixture(agency, "bad-rows.csv");

		assertThat(result.rejected()).isTrue();
		assertThat(result.read()).isEqualTo(6);
		assertThat(result.imported()).isZero();
		assertThat(result.errors()).hasSize(5).first().asString()
			.isEqualTo("bad-rows.csv line 3, column code: area.unknown: no neighbourhood with code '99'");
		// line 2 (Academy) was good, but the file is all or nothing
		assertThat(demographics.list(agency, AreaKind.NEIGHBOURHOOD)).isEmpty();
		assertThat(audit.entries()).contains("demographics.import bad-rows.csv failure");
	}

	@Test
	void answersNoDemographicsForAnAgencyWithoutAny() {
		AgencyId agency = withNeighbourhoods();

		assertThat(demographics.list(agency, AreaKind.NEIGHBOURHOOD)).isEmpty();
		assertThat(demographics.list(agency, AreaKind.BEAT)).isEmpty();
	}

	private AgencyId withNeighbourhoods() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		return agency;
	}

	private DemographicsImportResult importFixture(AgencyId agency, String name) {
		try (InputStream in = getClass().getResourceAsStream("/geography/demographics/" + name)) {
			return demographics.importCsv(agency, in, name, DemographicsImportOptions.neighbourhoods());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
