package org.beacon.overdose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OverdoseImportIntegrationTests {

	@Autowired
	OverdoseEvents events;

	@Autowired
	Agencies agencies;

	@Test
	void importsAFileOnceAndCountsTheSecondImportAsUnchanged() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);

		OverdoseImportResult first = events.importFile(agency, OverdoseFixtures.tempe(), ImportProfile.TEMPE, "test");
		OverdoseImportResult second = events.importFile(agency, OverdoseFixtures.tempe(), ImportProfile.TEMPE, "test");

		assertThat(first.read()).isEqualTo(87);
		assertThat(first.imported()).isEqualTo(87);
		assertThat(first.first()).isEqualTo(LocalDate.of(2017, 6, 1));
		assertThat(first.last()).isEqualTo(LocalDate.of(2017, 8, 14)); // no call on the 15th
		assertThat(second.imported()).isZero();
		assertThat(second.unchanged()).isEqualTo(87);
		assertThat(events.events(agency, null, null)).hasSize(87);
	}

	@Test
	void keepsTheSourcesPrecisionAndPlacesOnlyPointsInCells() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		events.importFile(agency, OverdoseFixtures.tempe(), ImportProfile.TEMPE, "test");
		events.importFile(agency, OverdoseFixtures.paOdin(), ImportProfile.PA_ODIN, "test");

		List<OverdoseEvent> tempe = events.events(agency, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31));
		List<OverdoseEvent> pa = events.events(agency, LocalDate.of(2018, 1, 1), null);

		assertThat(tempe).hasSize(87).allSatisfy(e -> {
			assertThat(e.entry().precision()).isEqualTo(LocationPrecision.RANDOMISED);
			assertThat(e.h3Cell()).isNotNull();
		});
		assertThat(pa).hasSize(40).allSatisfy(e -> {
			assertThat(e.entry().precision()).isEqualTo(LocationPrecision.COUNTY_CENTROID);
			assertThat(e.entry().lat()).isNotNull();
			assertThat(e.h3Cell()).isNull();
			assertThat(e.neighbourhoodId()).isNull();
		});
		OverdoseEvent delaware = pa.stream().filter(e -> "1-1".equals(e.entry().sourceId())).findFirst().orElseThrow();
		assertThat(delaware.entry().suspectedDrugs()).containsExactly("cocaine", "heroin");
		assertThat(delaware.entry().fatal()).isTrue();
		assertThat(delaware.entry().county()).isEqualTo("Delaware");
	}

	@Test
	void storesTheGoodRowsOfAFileWithBadOnes() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);

		OverdoseImportResult result = events.importFile(agency, OverdoseFixtures.ctDeaths(), ImportProfile.CT_DEATHS,
				"test");

		assertThat(result.read()).isEqualTo(28);
		assertThat(result.imported()).isEqualTo(26);
		assertThat(result.rejected()).isEqualTo(2);
		assertThat(events.events(agency, null, null)).filteredOn(e -> e.entry().precision() == LocationPrecision.AREA)
				.hasSize(3).allSatisfy(e -> assertThat(e.entry().lat()).isNull());
	}

	@Test
	void recordsAFormEntryOnceForTheSameSourceId() {
		AgencyId agency = OverdoseFixtures.newAgency(agencies);
		OverdoseEntry base = OverdoseFixtures.pointOn(LocalDate.of(2024, 3, 1), 38.63, -90.2);
		OverdoseEntry withId = new OverdoseEntry(base.occurredAt(), base.occurredDate(), true, base.lat(), base.lon(),
				base.precision(), null, null, null, false, true, 2, List.of("fentanyl"), EventSource.EMS, null, "api",
				"CAD-1");

		OverdoseEvent first = events.record(agency, withId, "test");
		OverdoseEvent again = events.record(agency, withId, "test");

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(first.entry().naloxoneDoses()).isEqualTo(2);
		assertThat(first.entry().naloxoneGiven()).isTrue();
		assertThat(first.h3Cell()).isNotNull();
		assertThat(events.events(agency, null, null)).hasSize(1);
	}
}
