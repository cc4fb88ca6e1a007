package org.beacon.geography.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;

import org.beacon.geography.AreaFixtures;
import org.beacon.geography.AreaKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/** The shipped demo sample: all 88 St. Louis neighbourhoods in one FeatureCollection, coordinates to 6 decimals. */
class DemoNeighbourhoodsTests {

	@Test
	void holdsAll88NeighbourhoodsAndEveryOneIsValid() throws IOException {
		GeoJsonAreaReader.Features features = demo();

		assertThat(features.read()).isEqualTo(88);
		assertThat(features.errors()).isEmpty();
		assertThat(features.areas()).extracting(GeoJsonAreaReader.AreaFeature::code).doesNotHaveDuplicates()
				.contains("1", "53", "88");
	}

	@Test
	void locatesCrimeSampleRowsInTheNeighbourhoodThePoliceRecordedButOne() throws IOException {
		List<GeoJsonAreaReader.AreaFeature> areas = demo().areas();
		AreaIndex index = AreaIndex.of(Map.of(AreaKind.NEIGHBOURHOOD, areas.stream()
				.map(area -> new AreaIndex.Entry(Long.parseLong(area.code()), area.code(), area.geometry())).toList()));
		List<String[]> rows = AreaFixtures.crimeSample();

		assertThat(rows).hasSize(24);
		for (String[] row : rows) {
			// SLMPD recorded Columbus Square (62) for a point inside Carr Square (61), about 700 m from 62. Over the
			// whole 2008-2020 file the recorded neighbourhood and the polygon agree for 95.4 % of rows.
			long expected = row[2].equals("38.640302") ? 61 : Long.parseLong(row[4]);
			assertThat(index.locate(AreaKind.NEIGHBOURHOOD, Double.parseDouble(row[2]), Double.parseDouble(row[3])))
					.as("row %s, %s", row[2], row[3]).isEqualTo(expected);
		}
	}

	@Test
	void answersLikeTestingEveryAreaForRandomPointsAndEveryVertex() throws IOException {
		List<GeoJsonAreaReader.AreaFeature> areas = demo().areas();
		AreaIndex index = AreaIndex.of(Map.of(AreaKind.NEIGHBOURHOOD, areas.stream()
				.map(area -> new AreaIndex.Entry(Long.parseLong(area.code()), area.code(), area.geometry())).toList()));
		List<IndexedPointInAreaLocator> locators = areas.stream().map(a -> new IndexedPointInAreaLocator(a.geometry())).toList();
		List<Coordinate> points = new ArrayList<>();
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			// the city's bounding box and a margin around it
			points.add(new Coordinate(-90.33 + random.nextDouble() * 0.16, 38.53 + random.nextDouble() * 0.24));
		}
		areas.forEach(area -> points.addAll(List.of(area.geometry().getCoordinates())));

		int vertices = 0;
		for (Coordinate point : points) {
			long interior = 0;
			long boundary = 0;
			for (int i = 0; i < areas.size(); i++) {
				long id = Long.parseLong(areas.get(i).code());
				int location = locators.get(i).locate(point);
				if (location == Location.INTERIOR && (interior == 0 || id < interior)) {
					interior = id;
				}
				if (location == Location.BOUNDARY && (boundary == 0 || id < boundary)) {
					boundary = id;
				}
			}
			long expected = interior != 0 ? interior : boundary;
			vertices += boundary != 0 ? 1 : 0;
			assertThat(index.locate(AreaKind.NEIGHBOURHOOD, point.getY(), point.getX())).as("%s", point).isEqualTo(expected);
		}
		// every vertex lies on a boundary: the test did exercise the edge rule
		assertThat(vertices).isGreaterThanOrEqualTo(points.size() - 20_000);
	}

	static GeoJsonAreaReader.Features demo() throws IOException {
		try (InputStream in = DemoNeighbourhoodsTests.class.getResourceAsStream("/demo/stl-neighborhoods.geojson")) {
			return new GeoJsonAreaReader("NHD_NUM", "NHD_NAME").read(in, "stl-neighborhoods.geojson");
		}
	}
}
