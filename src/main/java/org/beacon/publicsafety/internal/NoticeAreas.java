package org.beacon.publicsafety.internal;

import java.util.Locale;

import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;
import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.publicsafety.AlertPlace;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Whether an overdose notice concerns a subscription: a jurisdiction-wide notice concerns everyone of the agency;
 * a neighbourhood notice concerns subscribers of that neighbourhood, and radius or polygon subscribers whose place
 * touches it.
 */
@Component
class NoticeAreas {

	/** Metres per degree of latitude, near enough for "does the circle touch the area". */
	static final double METRES_PER_DEGREE = 111_320;

	private final ObjectProvider<Geography> geography;
	private final ObjectMapper json;

	NoticeAreas(ObjectProvider<Geography> geography, ObjectMapper json) {
		this.geography = geography;
		this.json = json;
	}

	boolean concerns(Subscription s, ResidentNoticePublished notice) {
		String level = notice.areaLevel() == null ? "" : notice.areaLevel().toLowerCase(Locale.ROOT);
		if (level.equals("jurisdiction")) {
			return true;
		}
		if (!level.equals("neighbourhood") && !level.equals("neighborhood")) {
			return false;
		}
		if (s.place() == AlertPlace.NEIGHBOURHOOD) {
			return notice.areaCode().equals(s.neighbourhoodCode());
		}
		Geometry area = area(s, notice.areaCode());
		if (area == null) {
			return false;
		}
		if (s.place() == AlertPlace.POLYGON) {
			return area.intersects(PlaceMatcher.polygon(s.polygonGeoJson()));
		}
		Geometry centre = new GeometryFactory().createPoint(new Coordinate(s.centreLon(), s.centreLat()));
		double degrees = s.radiusMetres() / (METRES_PER_DEGREE * Math.cos(Math.toRadians(s.centreLat())));
		return area.isWithinDistance(centre, degrees);
	}

	private Geometry area(Subscription s, String code) {
		Geography g = geography.getIfAvailable();
		if (g == null) {
			return null;
		}
		JsonNode features = json.readTree(g.areasAsGeoJson(s.agency(), AreaKind.NEIGHBOURHOOD)).path("features");
		for (JsonNode f : features) {
			if (code.equals(f.path("properties").path("code").asText())) {
				return PlaceMatcher.polygon(f.path("geometry").toString());
			}
		}
		return null;
	}
}
