package org.beacon.overdose.internal;

/**
 * What the space-time scan reads: locations (event points or area centroids) in projected metres and
 * their cases per day. Location {@code i} is at {@code (x[i], y[i])} and row {@code i} of
 * {@code counts}. Arrays are shared, not copied.
 */
public record ScanInput(double[] x, double[] y, AreaDayCounts counts) {

	public ScanInput {
		if (x.length != y.length || x.length != counts.areas()) {
			throw new IllegalArgumentException("x, y and counts must describe the same locations: " + x.length
					+ ", " + y.length + " and " + counts.areas());
		}
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				throw new IllegalArgumentException("location " + i + " has coordinates (" + x[i] + ", " + y[i]
						+ "): coordinates must be finite metres");
			}
		}
	}

	public int locations() {
		return x.length;
	}

	public int days() {
		return counts.days();
	}
}
