package org.beacon.overdose.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Dense daily count series from event dates: every day of the study period gets a slot, days without
 * events count 0 (EARS, CUSUM and the scan all need the zeros). Days are local calendar days; the
 * caller converts instants with the agency's time zone before calling.
 */
public final class DailyCounts {

	private DailyCounts() {
	}

	/** Days from {@code first} to {@code last}, both included; 0 if {@code last} is before {@code first}. */
	public static int daysInclusive(LocalDate first, LocalDate last) {
		long n = ChronoUnit.DAYS.between(first, last) + 1;
		if (n > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("study period too long: " + first + " .. " + last);
		}
		return (int) Math.max(0, n);
	}

	/**
	 * Events per day: {@code counts[d]} = number of {@code epochDays[i] == firstEpochDay + d}.
	 *
	 * @param epochDays event days as {@link LocalDate#toEpochDay()}
	 * @param firstEpochDay day 0 of the series
	 * @param days length of the series
	 * @return {@code days} counts; all zero for no events
	 * @throws IllegalArgumentException naming the first event outside the period
	 */
	public static int[] series(long[] epochDays, long firstEpochDay, int days) {
		int[] counts = new int[days];
		for (int i = 0; i < epochDays.length; i++) {
			counts[dayIndex(epochDays[i], firstEpochDay, days, i)]++;
		}
		return counts;
	}

	/** Events per day from {@code first} to {@code last} inclusive; see {@link #series(long[], long, int)}. */
	public static int[] series(List<LocalDate> dates, LocalDate first, LocalDate last) {
		long[] epochDays = new long[dates.size()];
		for (int i = 0; i < epochDays.length; i++) {
			epochDays[i] = dates.get(i).toEpochDay();
		}
		return series(epochDays, first.toEpochDay(), daysInclusive(first, last));
	}

	/**
	 * Events per area and day.
	 *
	 * @param area area index of each event, {@code 0 <= area[i] < areas}
	 * @param epochDays day of each event as {@link LocalDate#toEpochDay()}
	 * @param areas number of areas (areas without events get an all-zero series)
	 * @param firstEpochDay day 0
	 * @param days length of each series
	 * @throws IllegalArgumentException naming the first event with a bad area or a day outside the period
	 */
	public static AreaDayCounts byArea(int[] area, long[] epochDays, int areas, long firstEpochDay, int days) {
		if (area.length != epochDays.length) {
			throw new IllegalArgumentException(
					"area has " + area.length + " events but epochDays has " + epochDays.length);
		}
		if ((long) areas * days > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(areas + " areas × " + days + " days is too many cells");
		}
		int[] counts = new int[areas * days];
		for (int i = 0; i < area.length; i++) {
			if (area[i] < 0 || area[i] >= areas) {
				throw new IllegalArgumentException(
						"event " + i + " has area " + area[i] + ", expected 0 <= area < " + areas);
			}
			counts[area[i] * days + dayIndex(epochDays[i], firstEpochDay, days, i)]++;
		}
		return new AreaDayCounts(areas, days, counts);
	}

	private static int dayIndex(long epochDay, long firstEpochDay, int days, int event) {
		long d = epochDay - firstEpochDay;
		if (d < 0 || d >= days) {
			throw new IllegalArgumentException("event " + event + " on " + LocalDate.ofEpochDay(epochDay)
					+ " lies outside the study period " + LocalDate.ofEpochDay(firstEpochDay) + " .. "
					+ LocalDate.ofEpochDay(firstEpochDay + days - 1));
		}
		return (int) d;
	}
}
