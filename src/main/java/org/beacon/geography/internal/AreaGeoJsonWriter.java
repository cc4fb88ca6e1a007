package org.beacon.geography.internal;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes stored areas as an RFC 7946 FeatureCollection: properties {@code id}, {@code code}, {@code name}. */
final class AreaGeoJsonWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AreaGeoJsonWriter() {
	}

	static String featureCollection(List<AreaRepository.StoredArea> areas) {
		WKTReader wkt = new WKTReader();
		StringWriter out = new StringWriter(areas.size() * 4096 + 64);
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("type", "FeatureCollection");
			json.writeName("features");
			json.writeStartArray();
			for (AreaRepository.StoredArea area : areas) {
				json.writeStartObject();
				json.writeStringProperty("type", "Feature");
				json.writeNumberProperty("id", area.id());
				json.writeName("properties");
				json.writeStartObject();
				json.writeNumberProperty("id", area.id());
				json.writeStringProperty("code", area.code());
				json.writeStringProperty("name", area.name());
				json.writeEndObject();
				json.writeName("geometry");
				geometry(json, read(wkt, area));
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		return out.toString();
	}

	private static void geometry(JsonGenerator json, Geometry geometry) {
		json.writeStartObject();
		if (geometry instanceof Polygon polygon) {
			json.writeStringProperty("type", "Polygon");
			json.writeName("coordinates");
			polygon(json, polygon);
		}
		else {
			json.writeStringProperty("type", "MultiPolygon");
			json.writeName("coordinates");
			json.writeStartArray();
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				polygon(json, (Polygon) geometry.getGeometryN(i));
			}
			json.writeEndArray();
		}
		json.writeEndObject();
	}

	/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise (many sources have it the other way). */
	private static void polygon(JsonGenerator json, Polygon polygon) {
		json.writeStartArray();
		ring(json, polygon.getExteriorRing(), true);
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			ring(json, polygon.getInteriorRingN(i), false);
		}
		json.writeEndArray();
	}

	private static void ring(JsonGenerator json, LineString ring, boolean counterClockwise) {
		Coordinate[] coordinates = ring.getCoordinates();
		boolean reverse = Orientation.isCCWArea(coordinates) != counterClockwise;
		json.writeStartArray();
		for (int i = 0; i < coordinates.length; i++) {
			Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
			json.writeStartArray();
			json.writeNumber(c.getX());
			json.writeNumber(c.getY());
			json.writeEndArray();
		}
		json.writeEndArray();
	}

	/** Each stored area's geometry by id, in the order given. */
	static Map<Long, Geometry> geometries(List<AreaRepository.StoredArea> areas) {
		WKTReader wkt = new WKTReader();
		Map<Long, Geometry> geometries = new LinkedHashMap<>();
		for (AreaRepository.StoredArea area : areas) {
			geometries.put(area.id(), read(wkt, area));
		}
		return geometries;
	}

	private static Geometry read(WKTReader wkt, AreaRepository.StoredArea area) {
		try {
			return wkt.read(area.wkt());
		}
		catch (ParseException e) {
			throw new IllegalStateException("stored geometry of area " + area.id() + " cannot be read", e);
		}
	}
}
