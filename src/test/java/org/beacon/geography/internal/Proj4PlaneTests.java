package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class Proj4PlaneTests {

	/** The proj4 string the data publisher used with R sf to derive Latitude/Longitude from XCoord/YCoord. */
	static final String MISSOURI_EAST_US_FEET = "+proj=tmerc +lat_0=35.83333333333334 +lon_0=-90.5 "
			+ "+k=0.9999333333333333 +x_0=250000 +y_0=0 +ellps=GRS80 +units=us-ft";

	/** The reference lat/lon are rounded to 6 decimals; 1e-5 degrees is about 1 m. */
	static final double DEGREES_TOLERANCE = 1e-5;

	@Test
	void convertsStLouisStatePlaneFeetToTheLatLonRSfComputed() throws IOException {
		List<String[]> rows = stLouisSample();
		Proj4Plane plane = Proj4Plane.of(MISSOURI_EAST_US_FEET);
		double[] latLon = new double[2];

		assertThat(rows).hasSize(24);
		for (String[] row : rows) {
			plane.toDegrees(Double.parseDouble(row[0]), Double.parseDouble(row[1]), latLon);
			assertThat(latLon[0]).as("latitude of %s, %s", row[0], row[1]).isCloseTo(Double.parseDouble(row[2]), within(DEGREES_TOLERANCE));
			assertThat(latLon[1]).as("longitude of %s, %s", row[0], row[1]).isCloseTo(Double.parseDouble(row[3]), within(DEGREES_TOLERANCE));
		}
	}

	@Test
	void convertsTheSameRowsWithTheEsriStatePlaneCode() throws IOException {
		// ESRI:102696 rounds k to 0.999933; the difference stays far below the tolerance inside the city
		Proj4Plane plane = Proj4Plane.of("ESRI:102696");
		double[] latLon = new double[2];

		for (String[] row : stLouisSample()) {
			plane.toDegrees(Double.parseDouble(row[0]), Double.parseDouble(row[1]), latLon);
			assertThat(latLon[0]).isCloseTo(Double.parseDouble(row[2]), within(DEGREES_TOLERANCE));
			assertThat(latLon[1]).isCloseTo(Double.parseDouble(row[3]), within(DEGREES_TOLERANCE));
		}
	}

	@Test
	void projectsLatLonBackToTheStatePlaneFeet() throws IOException {
		String[] row = stLouisSample().get(0);
		double[] xy = new double[2];

		Proj4Plane.of(MISSOURI_EAST_US_FEET).toPlane(Double.parseDouble(row[2]), Double.parseDouble(row[3]), xy);

		// the reference lat/lon are rounded to 1e-6 degrees, which is up to about 0.4 ft
		assertThat(xy[0]).isCloseTo(Double.parseDouble(row[0]), within(0.5));
		assertThat(xy[1]).isCloseTo(Double.parseDouble(row[1]), within(0.5));
	}

	@Test
	void knowsUsSurveyFeet() {
		assertThat(Proj4Plane.of(MISSOURI_EAST_US_FEET).metresPerUnit()).isCloseTo(1200.0 / 3937, within(1e-12));
		assertThat(Proj4Plane.of("EPSG:32615").metresPerUnit()).isEqualTo(1.0);
	}

	@Test
	void acceptsAuthorityCodesInAnyCase() {
		assertThat(Proj4Plane.of(" epsg:32615 ").definition()).isEqualTo("epsg:32615");
	}

	@Test
	void rejectsUnknownGeographicAndMalformedDefinitions() {
		assertThatThrownBy(() -> Proj4Plane.of("EPSG:999999")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("projection 'EPSG:999999'");
		assertThatThrownBy(() -> Proj4Plane.of("EPSG:4326")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("geographic");
		assertThatThrownBy(() -> Proj4Plane.of("utm15")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("AUTHORITY:CODE");
		assertThatThrownBy(() -> Proj4Plane.of("+proj=nosuch +ellps=GRS80")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Proj4Plane.of("")).isInstanceOf(IllegalArgumentException.class);
	}

	static List<String[]> stLouisSample() throws IOException {
		try (InputStream in = Proj4PlaneTests.class.getResourceAsStream("/geography/stl-crime-sample.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(line -> line.split(",")).toList();
		}
	}
}
