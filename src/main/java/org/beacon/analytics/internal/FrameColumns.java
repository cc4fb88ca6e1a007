package org.beacon.analytics.internal;

import java.util.Arrays;

/** Growable primitive columns for building a frame incident by incident (no boxing). */
public final class FrameColumns {

	private static final int INITIAL = 1024;

	private long[] seconds = new long[INITIAL];
	private double[] lat = new double[INITIAL];
	private double[] lon = new double[INITIAL];
	private int[] category = new int[INITIAL];
	private long[] neighbourhood = new long[INITIAL];
	private int size;

	/** Adds one incident; one with a NaN or non-finite coordinate is skipped and {@code false} returned. */
	public boolean add(long epochSeconds, double latitude, double longitude, int categoryOrdinal, long neighbourhoodId) {
		if (!Double.isFinite(latitude) || !Double.isFinite(longitude)) {
			return false;
		}
		if (size == seconds.length) {
			int grown = size * 2;
			seconds = Arrays.copyOf(seconds, grown);
			lat = Arrays.copyOf(lat, grown);
			lon = Arrays.copyOf(lon, grown);
			category = Arrays.copyOf(category, grown);
			neighbourhood = Arrays.copyOf(neighbourhood, grown);
		}
		seconds[size] = epochSeconds;
		lat[size] = latitude;
		lon[size] = longitude;
		category[size] = categoryOrdinal;
		neighbourhood[size] = neighbourhoodId;
		size++;
		return true;
	}

	public int size() {
		return size;
	}

	public long[] seconds() {
		return Arrays.copyOf(seconds, size);
	}

	public double[] lat() {
		return Arrays.copyOf(lat, size);
	}

	public double[] lon() {
		return Arrays.copyOf(lon, size);
	}

	public int[] category() {
		return Arrays.copyOf(category, size);
	}

	public long[] neighbourhood() {
		return Arrays.copyOf(neighbourhood, size);
	}

	/** Mean longitude and latitude, for choosing a local projection; NaN when empty. */
	public double[] meanLatLon() {
		double a = 0, b = 0;
		for (int i = 0; i < size; i++) {
			a += lat[i];
			b += lon[i];
		}
		return new double[] { a / size, b / size };
	}
}
