package org.beacon.geography.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.uber.h3core.H3Core;

/**
 * H3 cells through one shared {@link H3Core}. Its native library loads on first use, not at start, so a
 * command that never asks for a cell never loads it. H3Core keeps no state between calls; one is enough.
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
		return Holder.H3.latLngToCell(lat, lon, resolution);
	}

	static H3Core core() {
		return Holder.H3;
	}

	private static final class Holder {

		static final H3Core H3 = load();

		private static H3Core load() {
			try {
				return H3Core.newInstance();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot load the H3 native library", e);
			}
		}
	}
}
