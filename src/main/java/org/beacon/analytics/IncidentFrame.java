package org.beacon.analytics;

import java.time.ZoneId;

import org.beacon.geography.MetricProjection;

/**
 * Incidents as columns of primitives, the input every analytics method reads: one index per incident with
 * coordinates. Incidents without coordinates are left out (they cannot be placed in a cell).
 *
 * @param epochSeconds when each incident occurred, seconds since 1970-01-01T00:00Z
 * @param x easting in metres ({@code projection})
 * @param y northing in metres
 * @param lat latitude, degrees WGS 84
 * @param lon longitude, degrees WGS 84
 * @param category {@link org.beacon.incidents.OffenseCategory} ordinal
 * @param neighbourhood neighbourhood area id, 0 when unknown
 * @param projection the projection {@code x}/{@code y} are in
 * @param zone the agency's time zone (periods and dates are local to it)
 * @param studyArea where statistics are computed ({@link StudyArea}); the frame holds only incidents inside it
 */
public record IncidentFrame(long[] epochSeconds, double[] x, double[] y, double[] lat, double[] lon, int[] category,
		long[] neighbourhood, MetricProjection projection, ZoneId zone, StudyArea studyArea) {

	/** A frame without a boundary: its study area is the incidents' bounding box. */
	public IncidentFrame(long[] epochSeconds, double[] x, double[] y, double[] lat, double[] lon, int[] category,
			long[] neighbourhood, MetricProjection projection, ZoneId zone) {
		this(epochSeconds, x, y, lat, lon, category, neighbourhood, projection, zone, StudyArea.boundingBox());
	}

	/** Seconds per day: analytics methods count time in (fractional) days since the epoch. */
	public static final double SECONDS_PER_DAY = 86_400;

	public IncidentFrame {
		int n = epochSeconds.length;
		if (x.length != n || y.length != n || lat.length != n || lon.length != n || category.length != n
				|| neighbourhood.length != n) {
			throw new IllegalArgumentException("every column of a frame needs one value per incident");
		}
		if (studyArea == null) {
			throw new IllegalArgumentException("a frame needs a study area (StudyArea.boundingBox() for none)");
		}
	}

	/**
	 * The incidents of this frame inside {@code area} (on its boundary counts as inside), with {@code area} as
	 * the study area and the number left out noted on it.
	 */
	public IncidentFrame within(StudyArea area) {
		int n = size();
		int[] keep = new int[n];
		int kept = 0;
		for (int i = 0; i < n; i++) {
			if (area.contains(x[i], y[i])) {
				keep[kept++] = i;
			}
		}
		long[] t = new long[kept];
		double[] kx = new double[kept], ky = new double[kept], klat = new double[kept], klon = new double[kept];
		int[] kc = new int[kept];
		long[] kn = new long[kept];
		for (int k = 0; k < kept; k++) {
			int i = keep[k];
			t[k] = epochSeconds[i];
			kx[k] = x[i];
			ky[k] = y[i];
			klat[k] = lat[i];
			klon[k] = lon[i];
			kc[k] = category[i];
			kn[k] = neighbourhood[i];
		}
		return new IncidentFrame(t, kx, ky, klat, klon, kc, kn, projection, zone, area.withDropped(n - kept));
	}

	/** Number of incidents. */
	public int size() {
		return epochSeconds.length;
	}

	/** Occurrence times in days since 1970-01-01T00:00Z, fractional. */
	public double[] days() {
		double[] d = new double[size()];
		for (int i = 0; i < d.length; i++) {
			d[i] = epochSeconds[i] / SECONDS_PER_DAY;
		}
		return d;
	}
}
