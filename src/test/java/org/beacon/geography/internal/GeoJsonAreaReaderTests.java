package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GeoJsonAreaReaderTests {

	final GeoJsonAreaReader reader = new GeoJsonAreaReader("NHD_NUM", "NHD_NAME");

	@Test
	void readsStLouisNeighbourhoodWithNumericCodeAsText() throws IOException {
		GeoJsonAreaReader.Features features;
		try (InputStream in = resource("/geography/stl-neighborhoods/Academy.geojson")) {
			features = reader.read(in, "Academy.geojson");
		}

		assertThat(features.read()).isEqualTo(1);
		assertThat(features.errors()).isEmpty();
		GeoJsonAreaReader.AreaFeature academy = features.areas().get(0);
		// NHD_NUM is 51.0 in the file
		assertThat(academy.code()).isEqualTo("51");
		assertThat(academy.name()).isEqualTo("Academy");
		assertThat(academy.geometry().getGeometryType()).isEqualTo("MultiPolygon");
		assertThat(academy.geometry().getNumPoints()).isEqualTo(20);
		assertThat(academy.geometry().getEnvelopeInternal().getMinX()).isBetween(-90.274, -90.273);
	}

	@Test
	void reportsEachInvalidFeatureWithIndexCodeAndRuleAndKeepsTheOthers() throws IOException {
		GeoJsonAreaReader.Features features;
		try (InputStream in = resource("/geography/invalid-features.geojson")) {
			features = reader.read(in, "invalid-features.geojson");
		}

		assertThat(features.read()).isEqualTo(5);
		assertThat(features.areas()).extracting(GeoJsonAreaReader.AreaFeature::code).containsExactly("900", "904");
		assertThat(features.areas()).extracting(GeoJsonAreaReader.AreaFeature::index).containsExactly(0, 4);
		assertThat(features.errors()).hasSize(3);
		assertThat(features.errors().get(0))
				.startsWith("invalid-features.geojson features[1] (code 901): geometry.invalid: Self-intersection at ");
		assertThat(features.errors().get(1))
				.isEqualTo("invalid-features.geojson features[2] (code ?): id.missing: property 'NHD_NUM' is missing");
		assertThat(features.errors().get(2)).isEqualTo("invalid-features.geojson features[3] (code 903): geometry.type: "
				+ "geometry type 'Point' is not Polygon or MultiPolygon");
	}

	@Test
	void trimsTextCodesAndFallsBackToCodeWhenNameIsMissing() {
		GeoJsonAreaReader.Features features = reader.read(json(collection(
				"{\"type\":\"Feature\",\"properties\":{\"NHD_NUM\":\" 053 \"},\"geometry\":" + square(0) + "}")), "s");

		assertThat(features.areas()).singleElement().satisfies(area -> {
			assertThat(area.code()).isEqualTo("053");
			assertThat(area.name()).isEqualTo("053");
		});
	}

	@Test
	void rejectsUnclosedRing() {
		GeoJsonAreaReader.Features features = reader.read(json(collection("{\"type\":\"Feature\",\"properties\":{\"NHD_NUM\":7},"
				+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}}")), "s");

		assertThat(features.areas()).isEmpty();
		assertThat(features.errors()).containsExactly(
				"s features[0] (code 7): geometry.unparsable: a ring is not closed (first and last positions differ)");
	}

	@Test
	void rejectsStatePlaneCoordinatesAsOutOfRange() {
		GeoJsonAreaReader.Features features = reader.read(json(collection("{\"type\":\"Feature\",\"properties\":{\"NHD_NUM\":7},"
				+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[888256.6,1029812],[888300,1029812],[888300,1029900],"
				+ "[888256.6,1029812]]]}}")), "s");

		assertThat(features.errors()).singleElement().asString().startsWith("s features[0] (code 7): coordinates.range: ");
	}

	@Test
	void rejectsWholeFileInAnotherCrs() {
		String text = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
				+ "\"urn:ogc:def:crs:EPSG::102696\"}},\"features\":[]}";

		GeoJsonAreaReader.Features features = reader.read(json(text), "f.geojson");

		assertThat(features.read()).isZero();
		assertThat(features.errors()).singleElement().asString().startsWith("f.geojson: crs.unsupported: ");
	}

	@Test
	void reportsTextThatIsNotJsonOrNotAFeatureCollection() {
		assertThat(reader.read(json("{\"type\": \"Feature"), "a").errors()).singleElement().asString()
				.startsWith("a: file.json: not valid JSON");
		assertThat(reader.read(json("{\"type\":\"Topology\"}"), "b").errors()).singleElement().asString()
				.startsWith("b: file.type: ");
	}

	@Test
	void requiresAnIdProperty() {
		assertThatThrownBy(() -> new GeoJsonAreaReader(" ", "NAME")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("idProperty");
	}

	static String collection(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	/** A unit square with its lower-left corner at (x, 0), as a GeoJSON Polygon. */
	static String square(double x) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x + ",0],[" + (x + 1) + ",0],[" + (x + 1) + ",1],[" + x
				+ ",1],[" + x + ",0]]]}";
	}

	static InputStream json(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	static InputStream resource(String path) {
		return GeoJsonAreaReaderTests.class.getResourceAsStream(path);
	}
}
