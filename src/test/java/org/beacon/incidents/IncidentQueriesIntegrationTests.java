package org.beacon.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beacon.incidents.IncidentFixtures.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaKind;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Reads the imported harmonized sample. Expected values were counted with Python from the same 128 rows
 * (make-fixtures.py's rules): the 91 counted incidents, their local months, categories and neighbourhoods.
 */
@SpringBootTest(properties = { "beacon.import.batch-size=40", "beacon.import.profiles-dir=target/incident-test-profiles",
		"spring.datasource.hikari.maximum-pool-size=4" })
@Import(FakeGeographyConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentQueriesIntegrationTests {

	@Autowired
	IncidentImports imports;

	@Autowired
	IncidentQueries queries;

	@Autowired
	Agencies agencies;

	AgencyId agency;

	@BeforeAll
	void importSample() {
		agency = newAgency(agencies);
		imports.importFile(agency, resource(HARMONIZED), "stl-slmpd", Map.of(), ImportProgress.NONE);
		// another agency's rows must never show
		imports.importFile(newAgency(agencies), resource(HARMONIZED), "stl-slmpd", Map.of(), ImportProgress.NONE);
	}

	@Test
	void countsOnlyIncidentsNeitherReversedNorUnfounded() {
		assertThat(queries.count(filter(null, null))).isEqualTo(91);
	}

	@Test
	void filtersByLocalDatesInclusiveAndByCategory() {
		assertThat(queries.count(filter(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31)))).isEqualTo(34);
		assertThat(queries.count(filter(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 6, 30)))).isEqualTo(32);
		assertThat(queries.count(new IncidentFilter(agency, null, null, Set.of(OffenseCategory.LARCENY)))).isEqualTo(16);
		assertThat(queries.count(new IncidentFilter(agency, null, null,
				Set.of(OffenseCategory.LARCENY, OffenseCategory.BURGLARY)))).isEqualTo(23);
	}

	@Test
	void countsMonthsFromTheFirstToTheLastWithEmptyMonthsAsZero() {
		List<MonthlyCount> months = queries.monthlyCounts(filter(null, null));

		// a late report of 1900 to November 2015: 115 years and 11 months
		assertThat(months).hasSize(1391);
		assertThat(months.get(0)).isEqualTo(new MonthlyCount(YearMonth.of(1900, 1), 1));
		assertThat(months.get(months.size() - 1).month()).isEqualTo(YearMonth.of(2015, 11));
		assertThat(months).contains(new MonthlyCount(YearMonth.of(2014, 4), 11), new MonthlyCount(YearMonth.of(2015, 3), 3),
				new MonthlyCount(YearMonth.of(2008, 11), 2), new MonthlyCount(YearMonth.of(1950, 1), 0));
		assertThat(months.stream().mapToLong(MonthlyCount::count).sum()).isEqualTo(91);
	}

	@Test
	void countsByNeighbourhoodWithCodedOnesForRowsWithoutAPoint() {
		Map<Long, Long> counts = queries.countsByArea(filter(null, null), AreaKind.NEIGHBOURHOOD);

		// 6 counted rows have neither a point nor a neighbourhood code; the fake's box holds one
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(85);
		assertThat(counts).hasSize(49).containsEntry(FakeGeography.neighbourhood(1), 3L)
				.containsEntry(FakeGeography.neighbourhood(74), 5L).containsEntry(FakeGeography.BOX_ID, 1L);
	}

	@Test
	void pagesNewestFirstWithNeighbourhoodNames() {
		List<IncidentRow> page = queries.page(filter(null, null), 0, 3);

		assertThat(page).extracting(IncidentRow::sourceId).containsExactly("15-062082/21000/2015-12",
				"15-010471/142320/2015-03", "15-009911/67701/2015-04");
		IncidentRow newest = page.get(0);
		assertThat(newest.category()).isEqualTo(OffenseCategory.RAPE);
		assertThat(newest.neighbourhoodName()).isEqualTo("Neighbourhood 15");
		assertThat(newest.lat()).isNaN();
		assertThat(queries.page(filter(null, null), 1, 2)).extracting(IncidentRow::sourceId)
				.containsExactly("15-010471/142320/2015-03", "15-009911/67701/2015-04");
	}

	@Test
	void streamsEveryCountedIncidentInPageOrder() {
		List<IncidentRow> streamed = new ArrayList<>();

		queries.forEach(filter(null, null), streamed::add);

		assertThat(streamed).hasSize(91).isEqualTo(queries.page(filter(null, null), 0, 1000));
	}

	private IncidentFilter filter(LocalDate from, LocalDate to) {
		return new IncidentFilter(agency, from, to, null);
	}
}
