package org.beacon.analytics.internal;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Area geometries (from {@code Geography.areaGeometries}) written as the flat rings an analysis table maps. */
public final class AreaShapes {

	private AreaShapes() {
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
}
