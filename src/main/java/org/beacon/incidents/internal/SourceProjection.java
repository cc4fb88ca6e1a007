package org.beacon.incidents.internal;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

/**
 * Converts a source's projected x/y (e.g. St. Louis state-plane feet) to WGS 84 latitude/longitude with
 * Proj4J. One instance per import: Proj4J transforms are not meant to be shared between threads.
 */
final class SourceProjection {

	private final CoordinateTransform transform;
	private final ProjCoordinate in = new ProjCoordinate();
	private final ProjCoordinate out = new ProjCoordinate();

	/** @param definition an {@code EPSG:nnnn} code or a proj4 string */
	SourceProjection(String definition) {
		CRSFactory factory = new CRSFactory();
		try {
			CoordinateReferenceSystem source = definition.trim().regionMatches(true, 0, "EPSG:", 0, 5)
					? factory.createFromName(definition.trim())
					: factory.createFromParameters("source", definition);
			transform = new CoordinateTransformFactory().createTransform(source, factory.createFromName("EPSG:4326"));
		}
		catch (Proj4jException | IllegalStateException | UnsupportedOperationException e) {
			throw new IllegalArgumentException("projection '" + definition + "' is not understood: " + e.getMessage(), e);
		}
	}

	/** Writes latitude and longitude in degrees into {@code latLon[0]} and {@code latLon[1]}. */
	void toDegrees(double x, double y, double[] latLon) {
		in.x = x;
		in.y = y;
		transform.transform(in, out);
		latLon[0] = out.y;
		latLon[1] = out.x;
	}
}
