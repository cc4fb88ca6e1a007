package org.beacon.publicsafety.internal;

import java.util.Locale;

import org.beacon.overdose.NoticeAreaOutlines;
import org.beacon.overdose.ResidentNoticePublished;
import org.beacon.publicsafety.AlertPlace;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Component;

/**
 * Whether an overdose notice concerns a subscription: a jurisdiction-wide notice concerns everyone of the agency;
 * a notice for a neighbourhood, county, city or cell concerns subscribers of that neighbourhood and every
 * subscription whose place (neighbourhood, drawn polygon, or circle) shares ground with the area's outline
 * ({@link NoticeAreaOutlines}); bordering on it is not enough. An area without an outline concerns no one: the
 * notice form says so before it is published.
 */
@Component
class NoticeAreas {

	/** Metres per degree of latitude, near enough for "does the circle touch the area". */
	static final double METRES_PER_DEGREE = 111_320;

	private final NoticeAreaOutlines outlines;

	NoticeAreas(NoticeAreaOutlines outlines) {
		this.outlines = outlines;
	}

	boolean concerns(Subscription s, ResidentNoticePublished notice) {
		String level = notice.areaLevel() == null ? "" : notice.areaLevel().toLowerCase(Locale.ROOT);
		if (level.equals("jurisdiction")) {
			return true;
		}
		boolean neighbourhoodNotice = level.equals("neighbourhood") || level.equals("neighborhood");
		if (neighbourhoodNotice && s.place() == AlertPlace.NEIGHBOURHOOD && notice.areaCode().equals(s.neighbourhoodCode())) {
			return true;
		}
		Geometry area = outlines.outline(notice.agency(), level, notice.areaCode()).orElse(null);
		if (area == null) {
			return false;
		}
		return switch (s.place()) {
			case NEIGHBOURHOOD -> !neighbourhoodNotice && s.neighbourhoodCode() != null
					&& outlines.outline(s.agency(), "neighbourhood", s.neighbourhoodCode()).map(n -> overlap(area, n)).orElse(false);
			case POLYGON -> overlap(area, PlaceMatcher.polygon(s.polygonGeoJson()));
			case RADIUS -> {
				Geometry centre = new GeometryFactory().createPoint(new Coordinate(s.centreLon(), s.centreLat()));
				double degrees = s.radiusMetres() / (METRES_PER_DEGREE * Math.cos(Math.toRadians(s.centreLat())));
				yield area.isWithinDistance(centre, degrees);
			}
		};
	}

	/** The two share ground: a common boundary line or corner alone does not count. */
	private static boolean overlap(Geometry a, Geometry b) {
		return a.intersects(b) && !a.touches(b);
	}
}
