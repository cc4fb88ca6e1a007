package org.beacon.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.beacon.agency.Agencies;
import org.beacon.shared.AgencyId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@RecordApplicationEvents
class GeographyIntegrationTests {

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
	Agencies agencies;

	@Autowired
	RecordingAuditTrail audit;

	@Autowired
	ApplicationEvents events;

	@Test
	void importsEveryNeighbourhoodOfAFolder() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");

		AreaImportResult result = geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(result).isEqualTo(new AreaImportResult(4, 4, 0, 0, List.of()));
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).extracting(Area::code, Area::name).containsExactly(
				tuple("51", "Academy"), tuple("52", "Kingsway West"),
				tuple("53", "Fountain Park"), tuple("54", "Lewis Place"));
		assertThat(events.stream(AreasImported.class))
				.contains(new AreasImported(agency, AreaKind.NEIGHBOURHOOD, 4, 0));
		assertThat(audit.entries()).contains("areas.import stl-neighborhoods success");
	}

	@Test
	void leavesIdenticalAreasUnchangedOnReimportAndPublishesNothing() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		long published = events.stream(AreasImported.class).filter(e -> e.agency().equals(agency)).count();

		AreaImportResult again = geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(again).isEqualTo(new AreaImportResult(4, 0, 0, 4, List.of()));
		assertThat(events.stream(AreasImported.class).filter(e -> e.agency().equals(agency)).count()).isEqualTo(published);
	}

	@Test
	void updatesAreaWhoseNameOrGeometryChanged() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		String academy = AreaFixtures.text(AreaFixtures.stLouisFolder().resolve("Academy.geojson"));
		String lewisPlace = AreaFixtures.text(AreaFixtures.stLouisFolder().resolve("Lewis_Place.geojson"));

		AreaImportResult renamed = geography.importAreas(agency,
				AreaFixtures.stream(academy.replace("\"Academy\" }", "\"Academy Heights\" }")), "Academy.geojson",
				AreaFixtures.STL_NEIGHBOURHOODS);
		// moves the first (and closing) vertex of Lewis Place by about 1 m
		String firstVertex = lewisPlace.substring(lewisPlace.indexOf("[ [ [ [") + 8, lewisPlace.indexOf(" ]", lewisPlace.indexOf("[ [ [ [")));
		String[] lonLat = firstVertex.split(", ");
		String moved = lewisPlace.replace(firstVertex, lonLat[0] + ", " + (Double.parseDouble(lonLat[1]) + 0.00001));
		AreaImportResult reshaped = geography.importAreas(agency, AreaFixtures.stream(moved), "Lewis_Place.geojson",
				AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(renamed).isEqualTo(new AreaImportResult(1, 0, 1, 0, List.of()));
		assertThat(reshaped).isEqualTo(new AreaImportResult(1, 0, 1, 0, List.of()));
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).extracting(Area::name).contains("Academy Heights");
		assertThat(events.stream(AreasImported.class)).contains(new AreasImported(agency, AreaKind.NEIGHBOURHOOD, 0, 1));
	}

	@Test
	void reportsInvalidFeaturesWithIndexAndRuleAndImportsTheRest() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");

		AreaImportResult result = geography.importAreas(agency, AreaFixtures.invalidFeatures(), AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(result.read()).isEqualTo(5);
		assertThat(result.imported()).isEqualTo(2);
		assertThat(result.rejected()).isEqualTo(3);
		assertThat(result.errors()).anySatisfy(error -> assertThat(error)
				.startsWith("invalid-features.geojson features[1] (code 901): geometry.invalid: Self-intersection"));
		assertThat(result.errors()).anySatisfy(error -> assertThat(error)
				.startsWith("invalid-features.geojson features[2] (code ?): id.missing"));
		assertThat(result.errors()).anySatisfy(error -> assertThat(error)
				.startsWith("invalid-features.geojson features[3] (code 903): geometry.type"));
		assertThat(geography.areas(agency, AreaKind.NEIGHBOURHOOD)).extracting(Area::code).containsExactly("900", "904");
	}

	@Test
	void rejectsTheSecondFeatureWithTheSameCode() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		String square = "{\"type\":\"Feature\",\"properties\":{\"NHD_NUM\":5},\"geometry\":{\"type\":\"Polygon\","
				+ "\"coordinates\":[[[-90.2,38.6],[-90.19,38.6],[-90.19,38.61],[-90.2,38.6]]]}}";

		AreaImportResult result = geography.importAreas(agency,
				AreaFixtures.stream("{\"type\":\"FeatureCollection\",\"features\":[" + square + "," + square + "]}"), "dup.geojson",
				AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(result.imported()).isEqualTo(1);
		assertThat(result.errors()).containsExactly(
				"dup.geojson features[1] (code 5): code.duplicate: an earlier feature of this import has the same code");
	}

	@Test
	void locatesCrimeRowsInTheNeighbourhoodThePoliceRecordedAndOutsidePointsNowhere() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		AreaLocator locator = geography.locator(agency);
		List<String[]> inFixture = AreaFixtures.crimeSample().stream().filter(row -> row[4].matches("5[1-4]")).toList();

		assertThat(inFixture).hasSize(10);
		for (String[] row : inFixture) {
			long expected = locator.byCode(AreaKind.NEIGHBOURHOOD, row[4]);
			assertThat(expected).isPositive();
			assertThat(locator.locate(AreaKind.NEIGHBOURHOOD, Double.parseDouble(row[2]), Double.parseDouble(row[3])))
					.as("row %s, %s in neighbourhood %s", row[2], row[3], row[4]).isEqualTo(expected);
		}
		// Carondelet (neighbourhood 1) is miles south of the four fixture neighbourhoods
		assertThat(locator.locate(AreaKind.NEIGHBOURHOOD, 38.554278, -90.256632)).isZero();
		assertThat(locator.locate(AreaKind.BEAT, 38.661543, -90.261683)).isZero();
	}

	@Test
	void findsStLouisNeighbourhood53ByCode() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		long fountainPark = geography.areas(agency, AreaKind.NEIGHBOURHOOD).stream().filter(a -> a.code().equals("53"))
				.findFirst().orElseThrow().id();

		assertThat(geography.locator(agency).byCode(AreaKind.NEIGHBOURHOOD, "53")).isEqualTo(fountainPark);
		assertThat(geography.locator(agency).byCode(AreaKind.NEIGHBOURHOOD, "53 ")).isEqualTo(fountainPark);
	}

	@Test
	void givesANewLocatorAfterAnImport() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		AreaLocator before = geography.locator(agency);

		geography.importAreas(agency, AreaFixtures.invalidFeatures(), AreaFixtures.STL_NEIGHBOURHOODS);
		AreaLocator after = geography.locator(agency);

		// inside the square of code 900
		assertThat(before.locate(AreaKind.NEIGHBOURHOOD, 38.705, -90.195)).isZero();
		assertThat(after.locate(AreaKind.NEIGHBOURHOOD, 38.705, -90.195))
				.isEqualTo(after.byCode(AreaKind.NEIGHBOURHOOD, "900")).isPositive();
		assertThat(after.byCode(AreaKind.NEIGHBOURHOOD, "53")).isEqualTo(before.byCode(AreaKind.NEIGHBOURHOOD, "53"));
		assertThat(geography.locator(agency)).isSameAs(after);
	}

	@Test
	void choosesUtmZone15ForAutoFromTheImportedAreas() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		assertThatThrownBy(() -> geography.projection(agency)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no areas");

		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(agencies.get(agency).projection()).isEqualTo("EPSG:32615");
		MetricProjection projection = geography.projection(agency);
		assertThat(projection.definition()).isEqualTo("EPSG:32615");
		double[] xy = new double[2];
		double[] latLon = new double[2];
		projection.toMetres(38.658851, -90.26011, xy);
		projection.toDegrees(xy[0], xy[1], latLon);
		assertThat(latLon[0]).isCloseTo(38.658851, within(1e-6));
		assertThat(latLon[1]).isCloseTo(-90.26011, within(1e-6));
	}

	@Test
	void keepsAConfiguredProjection() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "EPSG:6512");

		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);

		assertThat(agencies.get(agency).projection()).isEqualTo("EPSG:6512");
		assertThat(geography.projection(agency).definition()).isEqualTo("EPSG:6512");
	}

	@Test
	void convertsStatePlaneFeetToLatLonThroughTheApi() {
		PlaneProjection plane = geography.projectionFrom("+proj=tmerc +lat_0=35.83333333333334 +lon_0=-90.5 "
				+ "+k=0.9999333333333333 +x_0=250000 +y_0=0 +ellps=GRS80 +units=us-ft");
		double[] latLon = new double[2];

		plane.toDegrees(888708.3, 1028833, latLon);

		// the first row of the harmonized St. Louis file: 38.658851, -90.26011
		assertThat(latLon[0]).isCloseTo(38.658851, within(1e-5));
		assertThat(latLon[1]).isCloseTo(-90.26011, within(1e-5));
		assertThatThrownBy(() -> geography.projectionFrom("EPSG:0")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void writesAreasAsGeoJsonWithIdCodeNameAndCounterClockwiseShells() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);

		JsonNode collection = JsonMapper.builder().build().readTree(geography.areasAsGeoJson(agency, AreaKind.NEIGHBOURHOOD));

		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.path("features").size()).isEqualTo(4);
		JsonNode academy = collection.path("features").get(0);
		assertThat(academy.path("properties").path("code").asString()).isEqualTo("51");
		assertThat(academy.path("properties").path("name").asString()).isEqualTo("Academy");
		assertThat(academy.path("properties").path("id").asLong())
				.isEqualTo(geography.locator(agency).byCode(AreaKind.NEIGHBOURHOOD, "51"));
		assertThat(academy.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
		JsonNode shell = academy.path("geometry").path("coordinates").get(0).get(0);
		assertThat(shell.size()).isEqualTo(20);
		assertThat(signedArea(shell)).as("shoelace area of the shell, positive when counter-clockwise").isPositive();
		assertThat(geography.areasAsGeoJson(agency, AreaKind.BEAT)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
	}

	@Test
	void givesAreaGeometriesByIdInLongitudeLatitude() {
		AgencyId agency = AreaFixtures.newAgency(agencies, "auto");
		geography.importAreas(agency, AreaFixtures.stLouisFolder(), AreaFixtures.STL_NEIGHBOURHOODS);
		long academy = geography.locator(agency).byCode(AreaKind.NEIGHBOURHOOD, "51");

		var geometries = geography.areaGeometries(agency, AreaKind.NEIGHBOURHOOD);

		assertThat(geometries).hasSize(4).containsKey(academy);
		var centre = geometries.get(academy).getCentroid();
		assertThat(centre.getX()).as("longitude").isBetween(-90.4, -90.1);
		assertThat(centre.getY()).as("latitude").isBetween(38.5, 38.8);
		assertThat(geography.locator(agency).locate(AreaKind.NEIGHBOURHOOD, centre.getY(), centre.getX()))
				.as("its centroid lies in it").isEqualTo(academy);
		assertThat(geography.areaGeometries(agency, AreaKind.BEAT)).isEmpty();
	}

	@Test
	void indexesPointsInH3AtTheStoredResolution() {
		long cell = geography.h3Cell(37.775938728915946, -122.41795063018799, Geography.STORED_H3_RESOLUTION);

		assertThat(cell).isEqualTo(0x8928308280fffffL);
	}

	static double signedArea(JsonNode ring) {
		double twiceArea = 0;
		for (int i = 0; i + 1 < ring.size(); i++) {
			twiceArea += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
					- ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
		}
		return twiceArea / 2;
	}
}
