package org.beacon.geography;

/**
 * A projected coordinate system in its own units (metres, US survey feet, ...), to and from WGS 84.
 * Use it to read coordinates a source file gives in a state plane, e.g. St. Louis {@code XCoord}/{@code YCoord}.
 * Thread-safe.
 */
public interface PlaneProjection {

	/** Writes WGS 84 latitude and longitude in degrees of the plane point ({@code x}, {@code y}) into {@code latLon}. */
	void toDegrees(double x, double y, double[] latLon);

	/** Writes the plane coordinates, in the projection's units, of the WGS 84 point into {@code xy}. */
	void toPlane(double lat, double lon, double[] xy);

	/** The definition it was made from (EPSG/ESRI code or proj4 string). */
	String definition();
}
