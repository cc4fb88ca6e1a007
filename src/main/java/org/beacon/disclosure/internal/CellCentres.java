package org.beacon.disclosure.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

/** Centres of H3 cells at one resolution. H3Core loads its native library on first use and keeps no state. */
public final class CellCentres {

	private final int resolution;
	private volatile H3Core h3;

	public CellCentres(int resolution) {
		this.resolution = resolution;
	}

	/** {lat, lon} of the centre of the cell holding the point, rounded to 6 decimals (about 0.1 m). */
	public double[] centre(double lat, double lon) {
		long cell = core().latLngToCell(lat, lon, resolution);
		LatLng c = core().cellToLatLng(cell);
		return new double[] { round6(c.lat), round6(c.lng) };
	}

	public int resolution() {
		return resolution;
	}

	private static double round6(double v) {
		return Math.round(v * 1e6) / 1e6;
	}

	private H3Core core() {
		H3Core c = h3;
		if (c == null) {
			synchronized (this) {
				if (h3 == null) {
					try {
						h3 = H3Core.newInstance();
					}
					catch (IOException e) {
						throw new UncheckedIOException("cannot load the H3 native library", e);
					}
				}
				c = h3;
			}
		}
		return c;
	}
}
