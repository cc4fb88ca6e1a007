package org.beacon.incidents.internal;

import org.beacon.geography.PlaneProjection;

/**
 * Reads a row's point by a profile's {@link ImportProfile.Coordinates}: latitude/longitude as given, or
 * projected x/y converted to them, rounded to 7 decimals (about 1 cm; more is noise in police data). Blank values, 0/0 and x/y outside the valid box are no point (the row is
 * kept); text that is no number, or degrees out of range, is a problem that rejects the row.
 */
final class PointReader {

	/** Why a row's coordinates were rejected; {@code first} says whether the first value (lat or x) was bad. */
	record Problem(boolean first, String value, String rule) {
	}

	/** Degrees are stored to 7 decimals, see {@link #roundDegrees}. */
	private static final long DEGREE_SCALE = 10_000_000L;

	private final ImportProfile.Coordinates coordinates;
	private final PlaneProjection projection;

	/** @param projection converts the profile's x/y; null when the profile reads latitude/longitude */
	PointReader(ImportProfile.Coordinates coordinates, PlaneProjection projection) {
		this.coordinates = coordinates;
		this.projection = projection;
	}

	boolean projected() {
		return projection != null;
	}

	/**
	 * @param first latitude, or x when projected
	 * @param second longitude, or y
	 * @param latLon receives latitude and longitude; {@code latLon[0]} is NaN when there is no point
	 * @return null, or the problem that rejects the row
	 */
	Problem read(String first, String second, double[] latLon) {
		latLon[0] = Double.NaN;
		latLon[1] = Double.NaN;
		if (first.isEmpty() || second.isEmpty()) {
			return null;
		}
		double a = number(first);
		double b = number(second);
		if (Double.isNaN(a) || Double.isNaN(b)) {
			return Double.isNaN(a) ? new Problem(true, first, "not a number") : new Problem(false, second, "not a number");
		}
		if (projection != null) {
			if (a > coordinates.minX() && a < coordinates.maxX() && b > coordinates.minY() && b < coordinates.maxY()) {
				projection.toDegrees(a, b, latLon);
				latLon[0] = roundDegrees(latLon[0]);
				latLon[1] = roundDegrees(latLon[1]);
			}
			return null;
		}
		if (!(a >= -90 && a <= 90)) {
			return new Problem(true, first, "latitude must be within [-90, 90]");
		}
		if (!(b >= -180 && b <= 180)) {
			return new Problem(false, second, "longitude must be within [-180, 180]");
		}
		if (a != 0 || b != 0) {
			latLon[0] = roundDegrees(a);
			latLon[1] = roundDegrees(b);
		}
		return null;
	}

	/**
	 * The nearest multiple of 10⁻⁷ degrees (about 1 cm): the nearest double to that decimal, the same value
	 * PostgreSQL and H2 read from its seven-decimal text, so the content hash and the stored point agree.
	 */
	static double roundDegrees(double degrees) {
		return Math.round(degrees * DEGREE_SCALE) / (double) DEGREE_SCALE;
	}

	private static double number(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			return Double.NaN;
		}
	}
}
