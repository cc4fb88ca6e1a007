package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaDemographics;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Demographics;
import org.beacon.geography.Geography;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class ImportDemographicsCommandTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Agencies agencies;

	@Autowired
	Geography geography;

	@Autowired
	Demographics demographics;

	@Test
	void importsTheFileAndPrintsTheCountsLast() {
		String agency = agencyWithNeighbourhoods();

		CommandRun run = run("import", "demographics", fixture("stl-demographics.csv"), "--agency", agency);

		assertThat(run.exitCode()).isZero();
		assertThat(run.lastLine()).isEqualTo("read=4 imported=4 figures=population,black,poverty");
		assertThat(demographics.list(agencies.byCode(agency).orElseThrow().id(), AreaKind.NEIGHBOURHOOD))
			.extracting(AreaDemographics::population).containsExactly(2817L, 2312L, 1385L, 1286L);
	}

	@Test
	void printsEveryErrorAndImportsNothingFromABadFile() {
		String agency = agencyWithNeighbourhoods();

		CommandRun run = run("import", "demographics", fixture("bad-rows.csv"), "--agency", agency);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.lastLine()).isEqualTo("read=6 imported=0 errors=5");
		assertThat(run.errLines()).hasSize(5)
			.contains("bad-rows.csv line 5, column population: population.number: '1385.5' is not a whole number ≥ 0");
		assertThat(demographics.list(agencies.byCode(agency).orElseThrow().id(), AreaKind.NEIGHBOURHOOD)).isEmpty();
	}

	@Test
	void refusesAMissingFileAndAnUnknownKind() {
		assertThat(run("import", "demographics", "no-such.csv").exitCode()).isEqualTo(2);
		assertThat(run("import", "demographics", fixture("by-name.csv"), "--kind", "county").err())
			.contains("kind must be one of");
	}

	private String agencyWithNeighbourhoods() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		return agencies.get(agency).code();
	}

	private static String fixture(String name) {
		return CommandRun.resource("/geography/demographics/" + name);
	}

	private CommandRun run(String... args) {
		return CommandRun.beacon(context, args);
	}
}
