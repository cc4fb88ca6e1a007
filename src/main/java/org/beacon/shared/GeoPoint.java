package org.beacon.shared;

/** A WGS 84 point in decimal degrees. */
public record GeoPoint(double lat, double lon) {

	public GeoPoint {
		if (!(lat >= -90 && lat <= 90)) {
			throw new IllegalArgumentException("lat must be within [-90, 90], was " + lat);
		}
		if (!(lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("lon must be within [-180, 180], was " + lon);
		}
	}
}
