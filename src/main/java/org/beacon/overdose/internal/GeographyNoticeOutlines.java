package org.beacon.overdose.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.overdose.NoticeAreaOutlines;
import org.beacon.shared.AgencyId;
import org.beacon.shared.H3Library;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Component;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link NoticeAreaOutlines} from geography's areas ({@link Geography#areasAsGeoJson}). A notice goes to every
 * subscription at once, so each kind's parsed outlines are kept for {@link #KEEP}: an area import shows after
 * that long at most. The jurisdiction has no outline here: its notices go to everyone.
 */
@Component
class GeographyNoticeOutlines implements NoticeAreaOutlines {

	/** How long parsed outlines are reused: areas are imported rarely, and notices come in bursts. */
	static final Duration KEEP = Duration.ofMinutes(1);

	/** Counties and cities may have been imported as any kind; the largest kinds are looked at first. */
	private static final List<AreaKind> LARGEST_FIRST = List.of(AreaKind.JURISDICTION, AreaKind.DISTRICT, AreaKind.BEAT,
			AreaKind.NEIGHBOURHOOD);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final Geography geography;
	private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
	GeographyNoticeOutlines(Geography geography) {
		this.geography = geography;
	}

	private record Outline(String code, String name, Geometry geometry) {
	}

	private record Parsed(List<Outline> outlines, long at) {
	}

	@Override
	public Optional<Geometry> outline(AgencyId agency, String areaLevel, String areaCode) {
		String level = areaLevel == null ? "" : areaLevel.trim().toLowerCase(Locale.ROOT);
		if (areaCode == null || areaCode.isBlank()) {
			return Optional.empty();
		}
		if (level.startsWith("h3:")) {
			return cell(areaCode.trim());
		}
		return switch (level) {
			case "neighbourhood", "neighborhood" -> outlines(agency, AreaKind.NEIGHBOURHOOD).stream()
					.filter(o -> o.code().equals(areaCode)).map(Outline::geometry).findFirst();
			case "county", "city" -> LARGEST_FIRST.stream().flatMap(kind -> outlines(agency, kind).stream())
					.filter(o -> o.code().equalsIgnoreCase(areaCode.trim()) || o.name().equalsIgnoreCase(areaCode.trim()))
					.map(Outline::geometry).findFirst();
			default -> Optional.empty();
		};
	}

	private List<Outline> outlines(AgencyId agency, AreaKind kind) {
		String key = agency.value() + "|" + kind;
		long now = System.nanoTime();
		Parsed p = parsed.get(key);
		if (p == null || now - p.at() > KEEP.toNanos()) {
			p = new Parsed(parse(geography.areasAsGeoJson(agency, kind)), now);
			parsed.put(key, p);
		}
		return p.outlines();
	}

	private static List<Outline> parse(String featureCollection) {
		List<Outline> outlines = new ArrayList<>();
		GeoJsonReader reader = new GeoJsonReader(GEOMETRY);
		for (JsonNode f : JSON.readTree(featureCollection).path("features")) {
			try {
				Geometry g = reader.read(f.path("geometry").toString());
				if (!g.isEmpty()) {
					outlines.add(new Outline(f.path("properties").path("code").asString(""),
							f.path("properties").path("name").asString(""), g));
				}
			}
			catch (ParseException e) {
				// geography stored it, so it parsed once; an area without a usable outline is simply not one
			}
		}
		return outlines;
	}

	/** The hexagon of a cell given in hex, as the scan and the H3 groupings name them. */
	private Optional<Geometry> cell(String hex) {
		long cell;
		try {
			cell = Long.parseUnsignedLong(hex, 16);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		H3Core core = core();
		if (!core.isValidCell(cell)) {
			return Optional.empty();
		}
		List<LatLng> boundary = core.cellToBoundary(cell);
		Coordinate[] ring = new Coordinate[boundary.size() + 1];
		for (int i = 0; i < boundary.size(); i++) {
			ring[i] = new Coordinate(boundary.get(i).lng, boundary.get(i).lat);
		}
		ring[boundary.size()] = ring[0];
		return Optional.of(GEOMETRY.createPolygon(ring));
	}

	private static H3Core core() {
		return H3Library.core();
	}
}
