package org.beacon.staffweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.beacon.geography.Area;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreaKind;
import org.beacon.geography.AreaLocator;
import org.beacon.geography.Geography;
import org.beacon.geography.MetricProjection;
import org.beacon.shared.AgencyId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only stand-in for the geography module: keeps areas and their GeoJSON geometry in memory. Locates
 * by code only; projections and H3 are not needed by the staff pages.
 */
public class FakeGeography implements Geography {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Stored(Area area, JsonNode geometry) {
	}

	private final List<Stored> areas = new CopyOnWriteArrayList<>();
	private final AtomicLong ids = new AtomicLong(100);

	/** Adds an area with a GeoJSON geometry, e.g. {@code {"type":"Polygon","coordinates":[...]}}. */
	public Area add(AgencyId agency, String code, String name, String geometryJson) {
		Area area = new Area(ids.incrementAndGet(), agency, AreaKind.NEIGHBOURHOOD, code, name);
		areas.add(new Stored(area, JSON.readTree(geometryJson)));
		return area;
	}

	public void clear() {
		areas.clear();
	}

	@Override
	public AreaImportResult importAreas(AgencyId agency, Path fileOrFolder, AreaImportOptions options) {
		try (InputStream in = Files.newInputStream(fileOrFolder)) {
			return importAreas(agency, in, fileOrFolder.getFileName().toString(), options);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public AreaImportResult importAreas(AgencyId agency, InputStream geojson, String sourceName,
			AreaImportOptions options) {
		JsonNode collection = JSON.readTree(geojson);
		if (!"FeatureCollection".equals(collection.path("type").asString(""))) {
			throw new IllegalArgumentException(sourceName + ": not a GeoJSON FeatureCollection");
		}
		int read = 0;
		int imported = 0;
		List<String> errors = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			read++;
			JsonNode code = feature.path("properties").path(options.idProperty());
			if (code.isMissingNode() || code.isNull()) {
				errors.add(sourceName + " feature " + read + ": no property " + options.idProperty());
				continue;
			}
			String text = code.isNumber() ? Long.toString(code.asLong()) : code.asString();
			String name = feature.path("properties").path(options.nameProperty()).asString(text);
			Area area = new Area(ids.incrementAndGet(), agency, options.kind(), text, name);
			areas.add(new Stored(area, feature.path("geometry")));
			imported++;
		}
		return new AreaImportResult(read, imported, 0, 0, errors);
	}

	@Override
	public List<Area> areas(AgencyId agency, AreaKind kind) {
		return areas.stream().map(Stored::area).filter(a -> a.agency().equals(agency) && a.kind() == kind).toList();
	}

	@Override
	public String areasAsGeoJson(AgencyId agency, AreaKind kind) {
		ObjectNode collection = JSON.createObjectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (Stored stored : areas) {
			Area area = stored.area();
			if (!area.agency().equals(agency) || area.kind() != kind) {
				continue;
			}
			ObjectNode feature = features.addObject();
			feature.put("type", "Feature");
			ObjectNode properties = feature.putObject("properties");
			properties.put("id", area.id());
			properties.put("code", area.code());
			properties.put("name", area.name());
			feature.set("geometry", stored.geometry());
		}
		return JSON.writeValueAsString(collection);
	}

	@Override
	public AreaLocator locator(AgencyId agency) {
		Map<String, Long> byCode = new ConcurrentHashMap<>();
		areas(agency, AreaKind.NEIGHBOURHOOD).forEach(a -> byCode.put(a.code(), a.id()));
		return new AreaLocator() {

			@Override
			public long locate(AreaKind kind, double lat, double lon) {
				return 0;
			}

			@Override
			public long byCode(AreaKind kind, String code) {
				return byCode.getOrDefault(code, 0L);
			}
		};
	}

	@Override
	public MetricProjection projection(AgencyId agency) {
		throw new UnsupportedOperationException("not needed by the staff pages");
	}

	@Override
	public long h3Cell(double lat, double lon, int resolution) {
		throw new UnsupportedOperationException("not needed by the staff pages");
	}

	@Override
	public org.beacon.geography.PlaneProjection projectionFrom(String definition) {
		throw new UnsupportedOperationException("the staff pages never convert source coordinates");
	}
}
