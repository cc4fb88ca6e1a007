package org.beacon.geography.internal;

/**
 * Picks the UTM zone for an agency whose projection is {@code auto}. UTM is conformal, in metres, and within
 * its 6° zone the scale error stays under 0.1 % (k₀ = 0.9996 on the central meridian, about 1.0010 at the
 * zone edge at the equator, less at higher latitudes), which is small next to the kernel bandwidths and cell
 * sizes Beacon works with. The zone is the plain 6° rule; the Norway and Svalbard exceptions are ignored.
 */
final class UtmZones {

	private UtmZones() {
	}

	/**
	 * {@code EPSG:326zz} (north) or {@code EPSG:327zz} (south), zz = ⌊(lon + 180) / 6⌋ + 1 in 1..60.
	 * Example: St. Louis, 38.63° N 90.24° W: ⌊89.76 / 6⌋ + 1 = 15, so {@code EPSG:32615}.
	 *
	 * @throws IllegalArgumentException when the point is not a WGS 84 latitude and longitude
	 */
	static String epsgFor(double lat, double lon) {
		if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("not a WGS 84 point: " + lat + ", " + lon);
		}
		int zone = Math.min(60, (int) Math.floor((lon + 180) / 6) + 1);
		return "EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone);
	}
}
