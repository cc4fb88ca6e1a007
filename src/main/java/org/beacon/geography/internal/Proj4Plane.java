package org.beacon.geography.internal;

import java.util.Locale;

import org.beacon.geography.PlaneProjection;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A Proj4J projected coordinate system, to and from WGS 84, in its own units. Proj4J transforms keep
 * scratch state, so each thread gets its own pair of transforms (the coordinate systems are parsed once).
 */
final class Proj4Plane implements PlaneProjection {

	private static final CRSFactory CRS = new CRSFactory();
	private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
	private static final CoordinateReferenceSystem WGS84 = CRS.createFromParameters("WGS84",
			"+proj=longlat +datum=WGS84 +no_defs");

	private final String definition;
	private final CoordinateReferenceSystem plane;
	private final double metresPerUnit;
	private final ThreadLocal<Transforms> transforms;

	private Proj4Plane(String definition, CoordinateReferenceSystem plane) {
		this.definition = definition;
		this.plane = plane;
		this.metresPerUnit = 1 / plane.getProjection().getFromMetres();
		this.transforms = ThreadLocal.withInitial(() -> new Transforms(TRANSFORMS.createTransform(WGS84, this.plane),
				TRANSFORMS.createTransform(this.plane, WGS84), new ProjCoordinate(), new ProjCoordinate()));
	}

	/**
	 * Parses {@code EPSG:nnnn}, {@code ESRI:nnnnnn} (any authority Proj4J knows) or a proj4 string starting with
	 * {@code +proj=}.
	 *
	 * @throws IllegalArgumentException when it is blank, unknown, unparsable or geographic rather than projected
	 */
	static Proj4Plane of(String definition) {
		if (definition == null || definition.isBlank()) {
			throw new IllegalArgumentException("projection: a definition is required (EPSG:nnnn or a proj4 string)");
		}
		String trimmed = definition.trim();
		CoordinateReferenceSystem crs;
		try {
			crs = trimmed.startsWith("+") ? CRS.createFromParameters(null, trimmed)
					: CRS.createFromName(normaliseName(trimmed));
		}
		catch (Proj4jException | IllegalArgumentException | IllegalStateException e) {
			throw new IllegalArgumentException("projection '" + trimmed + "' cannot be used: " + e.getMessage(), e);
		}
		if (crs == null || crs.getProjection() == null) {
			throw new IllegalArgumentException("projection '" + trimmed + "' is unknown");
		}
		if (crs.isGeographic()) {
			throw new IllegalArgumentException("projection '" + trimmed + "' is geographic (degrees), not a plane");
		}
		return new Proj4Plane(trimmed, crs);
	}

	private static String normaliseName(String name) {
		int colon = name.indexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("expected AUTHORITY:CODE such as EPSG:32615, or a proj4 string starting with +proj=");
		}
		return name.substring(0, colon).toUpperCase(Locale.ROOT) + ":" + name.substring(colon + 1).trim();
	}

	@Override
	public void toDegrees(double x, double y, double[] latLon) {
		Transforms t = transforms.get();
		t.in.x = x;
		t.in.y = y;
		t.inverse.transform(t.in, t.out);
		latLon[0] = t.out.y;
		latLon[1] = t.out.x;
	}

	@Override
	public void toPlane(double lat, double lon, double[] xy) {
		Transforms t = transforms.get();
		t.in.x = lon;
		t.in.y = lat;
		t.forward.transform(t.in, t.out);
		xy[0] = t.out.x;
		xy[1] = t.out.y;
	}

	/** Metres in one unit of this plane: 1 for metres, 1200/3937 for US survey feet. */
	double metresPerUnit() {
		return metresPerUnit;
	}

	@Override
	public String definition() {
		return definition;
	}

	@Override
	public String toString() {
		return "Proj4Plane[" + definition + "]";
	}

	private record Transforms(CoordinateTransform forward, CoordinateTransform inverse, ProjCoordinate in,
			ProjCoordinate out) {
	}
}
