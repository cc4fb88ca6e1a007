package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.beacon.agency.Agencies;
import org.beacon.geography.AreaFixtures;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.shared.AgencyId;
import org.beacon.shared.H3Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * {@code analyze counts --counts-by area|h3} and {@code --areas} on {@code stl-sample-points.csv}: the 24 points
 * of the geography crime sample, 10 of them in the four imported St. Louis neighbourhoods (by the city's own
 * numbers: Academy 51 one, Kingsway West 52 one, Fountain Park 53 three, Lewis Place 54 five), the other 14
 * elsewhere in the city, outside the study area (the union of the four).
 */
@SpringBootTest
class AnalyzeCountsByTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Agencies agencies;

	@Autowired
	Geography geography;

	@Test
	void countsPerNeighbourhoodWithItsPolygonAndLeavesOutIncidentsOutsideTheStudyArea(@TempDir Path dir)
			throws Exception {
		String agency = agencyWithNeighbourhoods();
		Path geo = dir.resolve("areas.geojson");

		CommandRun run = analyze(agency, "--counts-by", "area", "--geojson", geo.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.header()).isEqualTo("neighbourhood_id,code,name,count");
		assertThat(run.rows()).extracting(r -> r[1] + ":" + r[2] + ":" + r[3]).containsExactly("51:Academy:1",
				"52:Kingsway West:1", "53:Fountain Park:3", "54:Lewis Place:5");
		assertThat(run.err()).contains("incidents=10 neighbourhoods=4 by=area")
			.contains("study_area=areas").contains("dropped_incidents=14");
		String json = Files.readString(geo);
		assertThat(json).contains("\"type\":\"Polygon\"").contains("\"name\":\"Lewis Place\"").doesNotContain("null");
	}

	@Test
	void limitsEveryMethodToTheChosenNeighbourhoods() {
		AgencyId id = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(id, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		String agency = agencies.get(id).code();
		long lewisPlace = geography.areas(id, AreaKind.NEIGHBOURHOOD).stream()
			.filter(a -> a.code().equals("54")).findFirst().orElseThrow().id();
		long fountainPark = geography.areas(id, AreaKind.NEIGHBOURHOOD).stream()
			.filter(a -> a.code().equals("53")).findFirst().orElseThrow().id();

		CommandRun grid = analyze(agency, "--areas", lewisPlace + "," + fountainPark, "--cell", "100");
		CommandRun byArea = analyze(agency, "--areas", Long.toString(lewisPlace), "--counts-by", "area");

		assertThat(grid.exitCode()).isZero();
		// Fountain Park's 3 and Lewis Place's 5 are kept, the other 16 dropped
		assertThat(grid.err()).contains("incidents=8 ").contains("study_area=neighbourhoods")
			.contains("dropped_incidents=16");
		assertThat(grid.rows()).isNotEmpty().allSatisfy(r -> assertThat(Integer.parseInt(r[4])).isPositive());
		assertThat(byArea.rows()).extracting(r -> r[1] + ":" + r[3]).containsExactly("54:5");
	}

	/** A jurisdiction boundary wins over the union of the areas. */
	@Test
	void takesTheJurisdictionBoundaryOverTheUnionOfAreas() {
		AgencyId id = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(id, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		String agency = agencies.get(id).code();
		CommandRun before = analyze(agency);

		geography.importAreas(id, AreaFixtures.stLouisFolder().resolve("Academy.geojson"),
				new AreaImportOptions(AreaKind.JURISDICTION, "NHD_NUM", "NHD_NAME"));
		CommandRun after = analyze(agency);

		assertThat(before.err()).contains("incidents=10 ").contains("study_area=areas");
		assertThat(after.err()).contains("incidents=1 ").contains("study_area=jurisdiction")
			.contains("dropped_incidents=23");
	}

	/** Each H3 cell's count is the number of points {@code latLngToCell} puts in it at resolution 8. */
	@Test
	void countsPerH3CellAsLatLngToCellPlacesThePoints(@TempDir Path dir) throws Exception {
		Path geo = dir.resolve("h3.geojson");

		CommandRun run = CommandRun.beacon(context, "analyze", "counts", "--csv", fourCells(), "--columns",
				"time=when,lat=latitude,lon=longitude,category=offense", "--category", "burglary", "--counts-by", "h3",
				"--h3-resolution", "8", "--geojson", geo.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.header()).isEqualTo("h3_cell,center_lat,center_lon,count");
		Map<String, Integer> expected = new HashMap<>();
		for (String line : Files.readAllLines(Path.of(fourCells())).subList(1, 14)) {
			String[] f = line.split(",");
			if (f[3].equals("BURGLARY") && !f[1].isEmpty()) {
				expected.merge(H3Library.core().latLngToCellAddress(Double.parseDouble(f[1]), Double.parseDouble(f[2]), 8),
						1, Integer::sum);
			}
		}
		Map<String, Integer> counted = new HashMap<>();
		for (String[] row : run.rows()) {
			counted.put(row[0], Integer.parseInt(row[3]));
			var centre = H3Library.core().cellToLatLng(row[0]);
			assertThat(Double.parseDouble(row[1])).isCloseTo(centre.lat, within(1e-12));
		}
		assertThat(counted).isEqualTo(expected);
		assertThat(counted.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
		assertThat(run.err()).contains("by=h3 resolution=8");
		// a hexagon: six corners and the first again
		String json = Files.readString(geo);
		assertThat(json).contains("\"type\":\"Polygon\"");
		assertThat(json.split("\\n")[1].split("\\],\\[").length).isEqualTo(7);
	}

	@Test
	void namesTheBadValue() {
		CommandRun byHex = analyze(null, "--counts-by", "hex");
		CommandRun resolution = analyze(null, "--counts-by", "h3", "--h3-resolution", "16");
		CommandRun area = analyze(agencyWithNeighbourhoods(), "--areas", "987654321");

		assertThat(byHex.exitCode()).isEqualTo(2);
		assertThat(byHex.err()).contains("counts-by must be grid, area or h3, was 'hex'");
		assertThat(resolution.err()).contains("h3-resolution must be 0 to 15, was 16");
		assertThat(area.exitCode()).isEqualTo(2);
		assertThat(area.err()).contains("areas: 987654321 is not a neighbourhood id of this agency");
	}

	private String agencyWithNeighbourhoods() {
		AgencyId id = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(id, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		return agencies.get(id).code();
	}

	private CommandRun analyze(String agency, String... more) {
		List<String> args = new ArrayList<>(List.of("analyze", "counts", "--csv",
				CommandRun.resource("/analytics/stl-sample-points.csv"), "--columns",
				"time=when,lat=latitude,lon=longitude,category=offense"));
		if (agency != null) {
			args.addAll(List.of("--agency", agency));
		}
		args.addAll(List.of(more));
		return CommandRun.beacon(context, args.toArray(String[]::new));
	}

	private static String fourCells() {
		return CommandRun.resource("/analytics/four-cells.csv");
	}
}
