package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreasImported;
import org.beacon.geography.Demographics;
import org.beacon.geography.DemographicsImportOptions;
import org.beacon.geography.Geography;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.IncidentsImported;
import org.beacon.incidents.OffenseCategory;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(AnalyticsTestIncidents.class)
class IncidentFramesIntegrationTests {

	@Autowired
	IncidentFrames frames;

	@Autowired
	AnalyticsTestIncidents.Fake incidents;

	@Autowired
	Agencies agencies;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Geography geography;

	@Autowired
	Demographics demographics;

	@Test
	void buildsColumnsInMetresAndCachesUntilTheAgencyImports() {
		AgencyId agency = agencies.defaultAgency().id();
		IncidentFilter filter = new IncidentFilter(agency, null, null, Set.of(OffenseCategory.BURGLARY));
		int before = incidents.streams();

		IncidentFrame frame = frames.frame(filter);
		IncidentFrame again = frames.frame(filter);

		assertThat(again).isSameAs(frame);
		assertThat(incidents.streams()).isEqualTo(before + 1);
		assertThat(frame.size()).isEqualTo(4);
		assertThat(frame.category()).containsOnly(OffenseCategory.BURGLARY.ordinal());
		// 0.0115° of longitude at 38.627° N is 0.0115·111.32 km·cos(38.627°) ≈ 1.000 km (UTM 15N, the fallback
		// when the agency has no projection, turns it by the grid convergence, about 1.75° here: dy ≈ 31 m)
		assertThat(Math.hypot(frame.x()[3] - frame.x()[0], frame.y()[3] - frame.y()[0])).isBetween(995.0, 1005.0);

		events.publishEvent(new IncidentsImported(agency, "test", 1, 0, 0));
		frames.frame(filter);

		assertThat(incidents.streams()).isEqualTo(before + 2);
	}

	@Test
	void dropsTheAgencysFramesWhenItImportsAreas() {
		AgencyId agency = agencies.defaultAgency().id();
		// a filter of its own, so the other test's cached frame is not this one
		IncidentFilter filter = new IncidentFilter(agency, java.time.LocalDate.of(2024, 1, 1), null, Set.of());
		frames.frame(filter);
		int before = incidents.streams();

		events.publishEvent(new AreasImported(agency, AreaKind.NEIGHBOURHOOD, 1, 0));
		frames.frame(filter);

		assertThat(incidents.streams()).isEqualTo(before + 1);
	}

	@Test
	void keysNeighbourhoodsByAreaIdForStoredIncidentsAndByCodeForACsvWithTheirPopulation() throws Exception {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		try (InputStream csv = getClass().getResourceAsStream("/geography/demographics/stl-demographics.csv")) {
			demographics.importCsv(agency, csv, "stl-demographics.csv", DemographicsImportOptions.neighbourhoods());
		}
		long academy = geography.areas(agency, AreaKind.NEIGHBOURHOOD).get(0).id();

		Neighbourhoods stored = frames.neighbourhoods(agency, false);
		Neighbourhoods csv = frames.neighbourhoods(agency, true);

		assertThat(stored.codes()).containsEntry(academy, "51").hasSize(4);
		assertThat(stored.names()).containsEntry(academy, "Academy");
		assertThat(stored.population()).containsEntry(academy, 2817L).hasSize(4);
		assertThat(csv.population()).containsOnlyKeys(51L, 52L, 53L, 54L).containsEntry(54L, 1286L);
		assertThat(csv.totalPopulation()).isEqualTo(2817 + 2312 + 1385 + 1286);
		assertThat(frames.neighbourhoods(AreaFixtures.newAgency(agencies, "auto"), true).hasPopulation()).isFalse();
	}
}
