package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.beacon.geography.Area;
import org.beacon.geography.AreaKind;
import org.beacon.geography.DemographicsImportOptions;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;

class DemographicsCsvTests {

	private static final AgencyId AGENCY = new AgencyId(1);

	/** The four fixture neighbourhoods, with area ids 11 to 14. */
	private static final List<Area> AREAS = List.of(area(11, "51", "Academy"), area(12, "52", "Kingsway West"),
			area(13, "53", "Fountain Park"), area(14, "54", "Lewis Place"));

	@Test
	void readsCodesPopulationAndFurtherFiguresSkippingEmptyCells() {
		DemographicsCsv.Parsed parsed = read("stl-demographics.csv", DemographicsImportOptions.neighbourhoods());

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.read()).isEqualTo(4);
		assertThat(parsed.figures()).containsExactly("population", "black", "poverty");
		assertThat(parsed.rows()).extracting(row -> row.area().id()).containsExactly(11L, 12L, 13L, 14L);
		assertThat(parsed.rows().get(0).figures()).containsExactly(entry("population", 2817.0), entry("black", 0.95),
				entry("poverty", 0.31));
		// Kingsway West's poverty cell is empty: left out, not 0
		assertThat(parsed.rows().get(1).figures()).containsOnlyKeys("population", "black");
	}

	@Test
	void matchesNamesWithoutCaseOrExtraSpaceInTheMinneapolisLayout() {
		DemographicsCsv.Parsed parsed = read("by-name.csv", DemographicsImportOptions.neighbourhoods());

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.rows()).extracting(row -> row.area().code()).containsExactly("51", "52");
		assertThat(parsed.figures()).containsExactly("population", "white", "black", "hhIncome");
		assertThat(parsed.rows().get(1).figures().get("hhIncome")).isEqualTo(19800.0);
	}

	@Test
	void namesLineColumnAndRuleOfEveryBadValue() {
		DemographicsCsv.Parsed parsed = read("bad-rows.csv", DemographicsImportOptions.neighbourhoods());

		assertThat(parsed.errors()).containsExactly(
				"bad-rows.csv line 3, column code: area.unknown: no neighbourhood with code '99'",
				"bad-rows.csv line 4, column population: population.number: '-5' is not a whole number ≥ 0",
				"bad-rows.csv line 5, column population: population.number: '1385.5' is not a whole number ≥ 0",
				"bad-rows.csv line 6, column poverty: figure.number: 'many' is not a number",
				"bad-rows.csv line 7, column code: area.duplicate: '51' is already on line 2");
	}

	@Test
	void rejectsAHeaderWithoutAreaOrPopulationColumns() {
		DemographicsCsv.Parsed noArea = DemographicsCsv.read(new StringReader("tract,population\n1,5\n"), "t.csv",
				DemographicsImportOptions.neighbourhoods(), AREAS);
		DemographicsCsv.Parsed noPopulation = DemographicsCsv.read(new StringReader("code,people\n51,5\n"), "p.csv",
				DemographicsImportOptions.neighbourhoods(), AREAS);
		DemographicsCsv.Parsed namedColumn = DemographicsCsv.read(new StringReader("code,people\n51,5\n"), "p.csv",
				new DemographicsImportOptions(AreaKind.NEIGHBOURHOOD, null, null, "people"), AREAS);

		assertThat(noArea.errors()).containsExactly("t.csv line 1 (header): column.missing: no column for the area; "
				+ "looked for code, area, area_code (codes) and name, neighbourhood, neighborhood (names)");
		assertThat(noPopulation.errors())
			.containsExactly("p.csv line 1 (header): column.missing: no column 'population' for the population");
		assertThat(namedColumn.errors()).isEmpty();
		assertThat(namedColumn.rows().get(0).figures()).containsExactlyEntriesOf(Map.of("population", 5.0));
	}

	@Test
	void rejectsAFileWithoutRows() {
		assertThat(DemographicsCsv.read(new StringReader(""), "e.csv", DemographicsImportOptions.neighbourhoods(), AREAS)
			.errors()).containsExactly("e.csv: file.empty: no header line");
		assertThat(DemographicsCsv.read(new StringReader("code,population\n"), "h.csv",
				DemographicsImportOptions.neighbourhoods(), AREAS).errors())
			.containsExactly("h.csv: file.empty: no data rows after the header");
	}

	private static DemographicsCsv.Parsed read(String fixture, DemographicsImportOptions options) {
		try (Reader reader = new InputStreamReader(
				DemographicsCsvTests.class.getResourceAsStream("/geography/demographics/" + fixture),
				StandardCharsets.UTF_8)) {
			return DemographicsCsv.read(reader, fixture, options, AREAS);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Area area(long id, String code, String name) {
		return new Area(id, AGENCY, AreaKind.NEIGHBOURHOOD, code, name);
	}
}
