package org.beacon.disclosure.internal;

import org.beacon.shared.H3Library;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;

/** Centres of H3 cells at one resolution. H3Core loads its native library on first use and keeps no state. */
public final class CellCentres {

	private final int resolution;
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

	private static H3Core core() {
		return H3Library.core();
	}
}
