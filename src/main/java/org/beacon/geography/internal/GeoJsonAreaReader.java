package org.beacon.geography.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads areas from a GeoJSON FeatureCollection (RFC 7946: WGS 84 longitude, latitude). Each feature becomes an
 * {@link AreaFeature} or one error naming the source, the feature's index in {@code features}, its code and the
 * rule it broke; one bad feature never stops the others. No Spring, no SQL.
 *
 * <p>Rules, in the order they are checked: {@code feature.type}, {@code id.missing}, {@code id.invalid},
 * {@code id.length}, {@code name.length}, {@code geometry.missing}, {@code geometry.type} (only Polygon and
 * MultiPolygon), {@code geometry.unparsable} (bad positions, rings under 4 positions or not closed),
 * {@code geometry.empty}, {@code coordinates.range} (not degrees, e.g. a state plane), {@code geometry.invalid}
 * (JTS {@link IsValidOp}: self-intersection, ring outside its shell, ...). Invalid geometry is rejected, not
 * repaired: a repaired boundary would silently move incidents between areas. File-level rules:
 * {@code file.json}, {@code file.type}, {@code crs.unsupported}.
 */
final class GeoJsonAreaReader {

	static final int MAX_CODE_LENGTH = 100;
	static final int MAX_NAME_LENGTH = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	private final String idProperty;
	private final String nameProperty;

	GeoJsonAreaReader(String idProperty, String nameProperty) {
		if (idProperty == null || idProperty.isBlank()) {
			throw new IllegalArgumentException("idProperty: the feature property holding the area code is required");
		}
		this.idProperty = idProperty.trim();
		this.nameProperty = nameProperty == null || nameProperty.isBlank() ? null : nameProperty.trim();
	}

	/** One feature that passed every rule. {@code index} is its position in the source's {@code features}. */
	record AreaFeature(String source, int index, String code, String name, Geometry geometry) {
	}

	/** What one source held: {@code read} counts features, good or bad. */
	record Features(int read, List<AreaFeature> areas, List<String> errors) {
	}

	Features read(InputStream in, String source) {
		JsonNode root;
		try {
			root = JSON.readTree(in);
		}
		catch (JacksonException e) {
			return fileError(source, "file.json", "not valid JSON: " + e.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			return fileError(source, "file.type", "expected a GeoJSON FeatureCollection object");
		}
		String crsProblem = crsProblem(root.path("crs"));
		if (crsProblem != null) {
			return fileError(source, "crs.unsupported", crsProblem);
		}
		String type = root.path("type").asString("");
		if ("Feature".equals(type)) {
			return readFeatures(List.of(root), source);
		}
		if (!"FeatureCollection".equals(type) || !root.path("features").isArray()) {
			return fileError(source, "file.type", "expected a GeoJSON FeatureCollection with a features array, found type '"
					+ type + "'");
		}
		List<JsonNode> features = new ArrayList<>(root.path("features").values());
		return readFeatures(features, source);
	}

	private Features readFeatures(List<JsonNode> features, String source) {
		List<AreaFeature> areas = new ArrayList<>(features.size());
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			try {
				areas.add(feature(features.get(i), source, i));
			}
			catch (FeatureRejected e) {
				errors.add(error(source, i, e.code, e.rule, e.getMessage()));
			}
		}
		return new Features(features.size(), areas, errors);
	}

	private AreaFeature feature(JsonNode feature, String source, int index) {
		if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
			throw new FeatureRejected(null, "feature.type", "not a GeoJSON Feature object");
		}
		JsonNode properties = feature.path("properties");
		String code = text(properties.path(idProperty));
		if (code == null) {
			boolean present = properties.has(idProperty) && !properties.path(idProperty).isNull();
			throw new FeatureRejected(null, present ? "id.invalid" : "id.missing", present
					? "property '" + idProperty + "' must be a non-blank string or a number"
					: "property '" + idProperty + "' is missing");
		}
		if (code.length() > MAX_CODE_LENGTH) {
			throw new FeatureRejected(code.substring(0, 20) + "...", "id.length", "code is longer than " + MAX_CODE_LENGTH);
		}
		String name = nameProperty == null ? null : text(properties.path(nameProperty));
		name = name == null ? code : name;
		if (name.length() > MAX_NAME_LENGTH) {
			throw new FeatureRejected(code, "name.length", "name is longer than " + MAX_NAME_LENGTH);
		}
		return new AreaFeature(source, index, code, name, geometry(feature.path("geometry"), code));
	}

	private static Geometry geometry(JsonNode node, String code) {
		if (!node.isObject()) {
			throw new FeatureRejected(code, "geometry.missing", "the feature has no geometry");
		}
		String type = node.path("type").asString("");
		JsonNode coordinates = node.path("coordinates");
		Geometry geometry = switch (type) {
			case "Polygon" -> polygon(coordinates, code);
			case "MultiPolygon" -> {
				requireArray(coordinates, code, "MultiPolygon coordinates");
				Polygon[] polygons = new Polygon[coordinates.size()];
				for (int i = 0; i < polygons.length; i++) {
					polygons[i] = polygon(coordinates.get(i), code);
				}
				yield GEOMETRY.createMultiPolygon(polygons);
			}
			default -> throw new FeatureRejected(code, "geometry.type",
					"geometry type '" + type + "' is not Polygon or MultiPolygon");
		};
		if (geometry.isEmpty()) {
			throw new FeatureRejected(code, "geometry.empty", "the geometry has no rings");
		}
		TopologyValidationError invalid = new IsValidOp(geometry).getValidationError();
		if (invalid != null) {
			Coordinate at = invalid.getCoordinate();
			throw new FeatureRejected(code, "geometry.invalid", invalid.getMessage()
					+ (at == null ? "" : " at " + at.getX() + " " + at.getY()));
		}
		return geometry;
	}

	private static Polygon polygon(JsonNode rings, String code) {
		requireArray(rings, code, "Polygon coordinates");
		if (rings.isEmpty()) {
			return GEOMETRY.createPolygon();
		}
		LinearRing shell = ring(rings.get(0), code);
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 0; i < holes.length; i++) {
			holes[i] = ring(rings.get(i + 1), code);
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions, String code) {
		requireArray(positions, code, "a ring");
		if (positions.size() < 4) {
			throw new FeatureRejected(code, "geometry.unparsable", "a ring has " + positions.size()
					+ " positions, at least 4 are needed");
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < coordinates.length; i++) {
			coordinates[i] = position(positions.get(i), code);
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			throw new FeatureRejected(code, "geometry.unparsable", "a ring is not closed (first and last positions differ)");
		}
		return GEOMETRY.createLinearRing(coordinates);
	}

	private static Coordinate position(JsonNode position, String code) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			throw new FeatureRejected(code, "geometry.unparsable", "a position is not [longitude, latitude]: " + position);
		}
		double lon = position.get(0).doubleValue();
		double lat = position.get(1).doubleValue();
		if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
			throw new FeatureRejected(code, "coordinates.range", "position [" + lon + ", " + lat
					+ "] is not WGS 84 longitude, latitude; reproject the file to EPSG:4326 first");
		}
		return new Coordinate(lon, lat);
	}

	private static void requireArray(JsonNode node, String code, String what) {
		if (!node.isArray()) {
			throw new FeatureRejected(code, "geometry.unparsable", what + " must be an array");
		}
	}

	/** A property as text: strings trimmed, numbers without a trailing {@code .0}; null when blank or not a value. */
	private static String text(JsonNode value) {
		if (value.isString()) {
			String text = value.stringValue().trim();
			return text.isEmpty() ? null : text;
		}
		if (value.isNumber()) {
			return value.decimalValue().stripTrailingZeros().toPlainString();
		}
		return null;
	}

	/** Old-style GeoJSON may name its CRS; anything but WGS 84 longitude/latitude would put areas in the wrong place. */
	private static String crsProblem(JsonNode crs) {
		if (crs.isMissingNode() || crs.isNull()) {
			return null;
		}
		String name = crs.path("properties").path("name").asString("").toLowerCase(Locale.ROOT);
		if (name.endsWith("crs84") || name.endsWith(":4326") || name.endsWith("::4326")) {
			return null;
		}
		return "the file's crs is '" + crs.path("properties").path("name").asString("?")
				+ "'; only WGS 84 (CRS84, EPSG:4326) is read, reproject it first";
	}

	private static Features fileError(String source, String rule, String detail) {
		return new Features(0, List.of(), List.of(source + ": " + rule + ": " + detail));
	}

	static String error(String source, int index, String code, String rule, String detail) {
		return source + " features[" + index + "] (code " + (code == null ? "?" : code) + "): " + rule + ": " + detail;
	}

	private static final class FeatureRejected extends RuntimeException {

		private final String code;
		private final String rule;

		FeatureRejected(String code, String rule, String detail) {
			super(detail, null, false, false);
			this.code = code;
			this.rule = rule;
		}
	}
}
