package org.beacon.overdose.internal;

/**
 * Case counts per area (or location) and day, stored area-major in one flat array:
 * {@code counts[area * days + day]}. Day 0 is the first day of the study period.
 *
 * <p>The array is shared, not copied; callers must not change it after construction.
 *
 * @param areas number of areas, at least 0
 * @param days number of days, at least 0
 * @param counts {@code areas × days} non-negative counts
 */
public record AreaDayCounts(int areas, int days, int[] counts) {

	public AreaDayCounts {
		if (areas < 0 || days < 0) {
			throw new IllegalArgumentException("areas and days must be >= 0, got " + areas + " and " + days);
		}
		if (counts.length != (long) areas * days) {
			throw new IllegalArgumentException(
					"counts has " + counts.length + " values, expected areas × days = " + (long) areas * days);
		}
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] < 0) {
				throw new IllegalArgumentException("count of area " + i / days + " on day " + i % days
						+ " is " + counts[i] + ": counts must be >= 0");
			}
		}
	}

	/** Cases in {@code area} on {@code day}. */
	public int count(int area, int day) {
		return counts[area * days + day];
	}

	/** A copy of one area's daily series, {@code days} long. */
	public int[] series(int area) {
		int[] s = new int[days];
		System.arraycopy(counts, area * days, s, 0, days);
		return s;
	}

	/** Cases per area over the whole period (the spatial marginal). */
	public long[] areaTotals() {
		long[] t = new long[areas];
		for (int a = 0; a < areas; a++) {
			long sum = 0;
			for (int d = 0, i = a * days; d < days; d++, i++) {
				sum += counts[i];
			}
			t[a] = sum;
		}
		return t;
	}

	/** Cases per day over all areas (the temporal marginal). */
	public long[] dayTotals() {
		long[] t = new long[days];
		for (int a = 0; a < areas; a++) {
			for (int d = 0, i = a * days; d < days; d++, i++) {
				t[d] += counts[i];
			}
		}
		return t;
	}

	/** All cases. */
	public long total() {
		long sum = 0;
		for (int c : counts) {
			sum += c;
		}
		return sum;
	}
}
