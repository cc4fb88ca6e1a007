package org.beacon.geography;

/** Projects WGS 84 degrees to a local plane in metres, and back. Thread-safe. */
public interface MetricProjection {

	/** Writes easting and northing in metres into {@code xy[0]} and {@code xy[1]}. */
	void toMetres(double lat, double lon, double[] xy);

	/** Writes latitude and longitude in degrees into {@code latLon[0]} and {@code latLon[1]}. */
	void toDegrees(double x, double y, double[] latLon);

	/** The projection's definition (EPSG code or proj4 string). */
	String definition();
}
