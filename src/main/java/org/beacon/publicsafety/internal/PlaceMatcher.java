package org.beacon.publicsafety.internal;

import java.util.function.Predicate;

import org.beacon.disclosure.PublicIncident;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Whether a public incident lies in a subscription's place. Uses the generalised point (the cell centre), the
 * same the public map shows, so an alert says nothing the map does not.
 */
public final class PlaceMatcher {

	/** Mean Earth radius in metres (IUGG). */
	static final double EARTH_RADIUS_M = 6_371_008.8;

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private PlaceMatcher() {
	}

	public static Predicate<PublicIncident> of(Subscription s) {
		return switch (s.place()) {
			case NEIGHBOURHOOD -> p -> s.neighbourhoodId() != null && p.neighbourhoodId() == s.neighbourhoodId();
			case RADIUS -> p -> p.located()
					&& metres(p.lat(), p.lon(), s.centreLat(), s.centreLon()) <= s.radiusMetres();
			case POLYGON -> {
				PreparedGeometry polygon = PreparedGeometryFactory.prepare(polygon(s.polygonGeoJson()));
				yield p -> p.located() && polygon.covers(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())));
			}
		};
	}

	/** Great-circle distance in metres (haversine). */
	public static double metres(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/**
	 * A polygon or multipolygon from GeoJSON (a geometry, or a Feature holding one), lon/lat order.
	 *
	 * @throws IllegalArgumentException when it is not valid GeoJSON, not polygonal or not valid
	 */
	public static Geometry polygon(String geojson) {
		Geometry g;
		try {
			g = new GeoJsonReader(GEOMETRY).read(geojson);
		}
		catch (ParseException | RuntimeException e) {
			throw new IllegalArgumentException("the drawn area is not valid GeoJSON");
		}
		if (g.getNumGeometries() == 1 && !(g instanceof Polygonal)) {
			g = g.getGeometryN(0);
		}
		if (!(g instanceof Polygonal) || g.isEmpty() || !g.isValid()) {
			throw new IllegalArgumentException("the drawn area must be one valid polygon");
		}
		return g;
	}
}
