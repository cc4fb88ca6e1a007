package org.beacon.analytics.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Areas as the geography module hands them out ({@code Geography.areasAsGeoJson}: a FeatureCollection of
 * Polygons and MultiPolygons in WGS 84, property {@code id}) read back into JTS geometries
 * (x = longitude, y = latitude), and geometries written as the flat rings an analysis table maps.
 */
public final class AreaShapes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private AreaShapes() {
	}

	/** Each feature's geometry by its {@code id} property, in the collection's order. */
	public static Map<Long, Geometry> read(String featureCollection) {
		Map<Long, Geometry> areas = new LinkedHashMap<>();
		for (JsonNode feature : JSON.readTree(featureCollection).path("features")) {
			JsonNode geometry = feature.path("geometry");
			JsonNode coordinates = geometry.path("coordinates");
			Geometry shape = "Polygon".equals(geometry.path("type").asString()) ? polygon(coordinates)
					: GEOMETRY.createMultiPolygon(polygons(coordinates));
			areas.put(feature.path("properties").path("id").asLong(), shape);
		}
		return areas;
	}

	/**
	 * A geometry's rings one after another as {@code lon, lat} pairs, each closed: exteriors counter-clockwise,
	 * holes clockwise (RFC 7946), so {@code AnalysisTable.writeGeoJson} can tell a hole from the next part.
	 */
	public static double[] rings(Geometry geometry) {
		int points = geometry.getNumPoints();
		double[] flat = new double[2 * points];
		int k = 0;
		for (int g = 0; g < geometry.getNumGeometries(); g++) {
			Polygon polygon = (Polygon) geometry.getGeometryN(g);
			k = append(flat, k, polygon.getExteriorRing().getCoordinates(), true);
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				k = append(flat, k, polygon.getInteriorRingN(h).getCoordinates(), false);
			}
		}
		return flat;
	}

	private static int append(double[] flat, int k, Coordinate[] ring, boolean counterClockwise) {
		boolean reverse = Orientation.isCCWArea(ring) != counterClockwise;
		for (int i = 0; i < ring.length; i++) {
			Coordinate c = ring[reverse ? ring.length - 1 - i : i];
			flat[k++] = c.getX();
			flat[k++] = c.getY();
		}
		return k;
	}

	private static Polygon[] polygons(JsonNode coordinates) {
		Polygon[] polygons = new Polygon[coordinates.size()];
		for (int i = 0; i < polygons.length; i++) {
			polygons[i] = polygon(coordinates.get(i));
		}
		return polygons;
	}

	private static Polygon polygon(JsonNode rings) {
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < coordinates.length; i++) {
			coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
		}
		return GEOMETRY.createLinearRing(coordinates);
	}
}
