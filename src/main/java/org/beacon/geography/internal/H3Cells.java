package org.beacon.geography.internal;

import org.beacon.shared.H3Library;

import com.uber.h3core.H3Core;

/**
 * H3 cells through the process's one {@link H3Core} ({@link H3Library}), loaded on first use.
 */
final class H3Cells {

	private H3Cells() {
	}

	/**
	 * The H3 cell containing the WGS 84 point at {@code resolution} (0 coarsest .. 15 finest; Beacon stores 9,
	 * about 0.105 km² and 174 m edge, and derives coarser ones with {@code cellToParent}).
	 *
	 * @throws IllegalArgumentException for a resolution outside 0..15 or a point that is not a finite lat/lon
	 */
	static long cell(double lat, double lon, int resolution) {
		if (resolution < 0 || resolution > 15) {
			throw new IllegalArgumentException("H3 resolution must be within 0..15, was " + resolution);
		}
		if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("not a WGS 84 point: " + lat + ", " + lon);
		}
		return H3Library.core().latLngToCell(lat, lon, resolution);
	}

	static H3Core core() {
		return H3Library.core();
	}
}
