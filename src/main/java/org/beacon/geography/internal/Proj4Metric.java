package org.beacon.geography.internal;

import org.beacon.geography.MetricProjection;

/** A {@link Proj4Plane} seen in metres, whatever its own units are. Thread-safe. */
final class Proj4Metric implements MetricProjection {

	private final Proj4Plane plane;
	private final double metresPerUnit;

	Proj4Metric(Proj4Plane plane) {
		this.plane = plane;
		this.metresPerUnit = plane.metresPerUnit();
	}

	static Proj4Metric of(String definition) {
		return new Proj4Metric(Proj4Plane.of(definition));
	}

	@Override
	public void toMetres(double lat, double lon, double[] xy) {
		plane.toPlane(lat, lon, xy);
		xy[0] *= metresPerUnit;
		xy[1] *= metresPerUnit;
	}

	@Override
	public void toDegrees(double x, double y, double[] latLon) {
		plane.toDegrees(x / metresPerUnit, y / metresPerUnit, latLon);
	}

	@Override
	public String definition() {
		return plane.definition();
	}

	@Override
	public String toString() {
		return "Proj4Metric[" + plane.definition() + "]";
	}
}
