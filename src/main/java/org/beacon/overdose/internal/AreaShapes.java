package org.beacon.overdose.internal;

import java.util.HashMap;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agency's areas as geography hands them out (a GeoJSON FeatureCollection with {@code id}, {@code code},
 * {@code name}): each area's feature by id, for maps, and its centroid, for the scan's locations.
 */
public final class AreaShapes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final Map<Long, ObjectNode> features = new HashMap<>();

	private AreaShapes() {
	}

	public static AreaShapes parse(String featureCollection) {
		AreaShapes shapes = new AreaShapes();
		JsonNode root = JSON.readTree(featureCollection);
		for (JsonNode feature : root.path("features")) {
			shapes.features.put(feature.path("properties").path("id").asLong(), (ObjectNode) feature);
		}
		return shapes;
	}

	/** The feature of area {@code id}, or {@code null}. */
	public ObjectNode feature(long id) {
		return features.get(id);
	}

	/** A FeatureCollection of the given areas' features, for a map. */
	public String collection(Iterable<Long> ids) {
		ObjectNode root = JSON.createObjectNode();
		root.put("type", "FeatureCollection");
		ArrayNode list = root.putArray("features");
		for (Long id : ids) {
			ObjectNode f = features.get(id);
			if (f != null) {
				list.add(f);
			}
		}
		return JSON.writeValueAsString(root);
	}

	/** The centroid of area {@code id} as {lat, lon}, or {@code null} if there is no such area. */
	public double[] centroid(long id) {
		ObjectNode feature = features.get(id);
		if (feature == null) {
			return null;
		}
		Geometry geometry = geometry(feature.path("geometry"));
		if (geometry == null || geometry.isEmpty()) {
			return null;
		}
		Point c = geometry.getCentroid();
		return new double[] { c.getY(), c.getX() };
	}

	private static Geometry geometry(JsonNode g) {
		String type = g.path("type").asString("");
		JsonNode coordinates = g.path("coordinates");
		return switch (type) {
			case "Polygon" -> polygon(coordinates);
			case "MultiPolygon" -> {
				Polygon[] parts = new Polygon[coordinates.size()];
				for (int i = 0; i < parts.length; i++) {
					parts[i] = polygon(coordinates.get(i));
				}
				yield GEOMETRY.createMultiPolygon(parts);
			}
			default -> null;
		};
	}

	private static Polygon polygon(JsonNode rings) {
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode points) {
		Coordinate[] c = new Coordinate[points.size()];
		for (int i = 0; i < c.length; i++) {
			c[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
		}
		return GEOMETRY.createLinearRing(c);
	}
}
