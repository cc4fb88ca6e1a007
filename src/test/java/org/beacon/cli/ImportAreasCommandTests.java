package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class ImportAreasCommandTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Agencies agencies;

	@Autowired
	Geography geography;

	@Test
	void importsAFolderAndPrintsTheCountsLast() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");

		CommandRun first = run(AreaFixtures.stLouisFolder().toString(), "--agency", agencies.get(agency).code());
		CommandRun second = run(AreaFixtures.stLouisFolder().toString(), "--agency", agencies.get(agency).code());

		assertThat(first.exitCode()).isZero();
		assertThat(first.lastLine()).isEqualTo("read=4 imported=4 updated=0 unchanged=0 rejected=0");
		assertThat(second.lastLine()).isEqualTo("read=4 imported=0 updated=0 unchanged=4 rejected=0");
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).hasSize(4);
	}

	@Test
	void printsEachRejectedFeatureAndExitsWith1() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");

		CommandRun run = run(AreaFixtures.invalidFeatures().toString(), "--kind", "beat", "--id-property", "NHD_NUM",
				"--name-property", "NHD_NAME", "--agency", agencies.get(agency).code());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.lastLine()).isEqualTo("read=5 imported=2 updated=0 unchanged=0 rejected=3");
		assertThat(run.errLines()).hasSize(3).first().asString()
				.startsWith("invalid-features.geojson features[1] (code 901): geometry.invalid: Self-intersection");
		assertThat(geography.areas(agency, AreaKind.BEAT)).hasSize(2);
	}

	@Test
	void refusesAMissingFileAnUnknownKindAndAnUnknownAgency() {
		assertThat(run("no-such-folder").exitCode()).isEqualTo(2);
		assertThat(run("no-such-folder").err()).contains("no such file or folder: no-such-folder");
		assertThat(run(AreaFixtures.stLouisFolder().toString(), "--kind", "planet").exitCode()).isEqualTo(2);
		assertThat(run(AreaFixtures.stLouisFolder().toString(), "--agency", "nobody").err())
				.contains("no agency with code 'nobody'");
	}

	private CommandRun run(String... args) {
		return CommandRun.beacon(context, Stream.concat(Stream.of("import", "areas"), Stream.of(args)).toArray(String[]::new));
	}
}
