package org.beacon.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Calendar periods (days, weeks or months) from a first local date, as local start dates and epoch days. */
public record Periods(List<LocalDate> starts, double[] startDays, double endDay) {

	private static final double SECONDS_PER_DAY = 86_400;

	/**
	 * Periods starting on {@code from} and every day, week or month after, the last one starting on or before
	 * {@code to}; each ends where the next starts (the last ends a period after its start, so it may run past
	 * {@code to} — callers that must stop at {@code to} use {@link #whole}).
	 */
	public static Periods of(LocalDate from, LocalDate to, String period, ZoneId zone) {
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = next(d, period)) {
			starts.add(d);
		}
		double[] days = new double[starts.size()];
		for (int i = 0; i < days.length; i++) {
			days[i] = day(starts.get(i), zone);
		}
		LocalDate last = starts.isEmpty() ? from : next(starts.get(starts.size() - 1), period);
		return new Periods(starts, days, day(last, zone));
	}

	/** Only the periods that end on or before {@code to} (complete periods), for scoring. */
	public static Periods whole(LocalDate from, LocalDate to, String period, ZoneId zone) {
		List<LocalDate> starts = new ArrayList<>();
		LocalDate d = from;
		while (!next(d, period).isAfter(to.plusDays(1))) {
			starts.add(d);
			d = next(d, period);
		}
		double[] days = new double[starts.size()];
		for (int i = 0; i < days.length; i++) {
			days[i] = day(starts.get(i), zone);
		}
		return new Periods(starts, days, day(d, zone));
	}

	public int size() {
		return starts.size();
	}

	/** End of period {@code i} in epoch days. */
	public double end(int i) {
		return i + 1 < startDays.length ? startDays[i + 1] : endDay;
	}

	/** Index of the period holding {@code day}, or −1 outside. */
	public int indexOf(double day) {
		if (startDays.length == 0 || day < startDays[0] || day >= endDay) {
			return -1;
		}
		int lo = 0, hi = startDays.length - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (startDays[mid] <= day) {
				lo = mid;
			}
			else {
				hi = mid - 1;
			}
		}
		return lo;
	}

	/** Local midnight of {@code date} in epoch days. */
	public static double day(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toEpochSecond() / SECONDS_PER_DAY;
	}

	/**
	 * The length in days of the period ({@code day}, {@code week} or {@code month}) starting on {@code start}:
	 * 1, 7, or 28 to 31 (a day across a daylight-saving change is 23 or 25 hours, 0.958 or 1.042 days).
	 */
	public static double length(LocalDate start, String period, ZoneId zone) {
		return day(next(start, period), zone) - day(start, zone);
	}

	/** {@code d} moved by {@code n} periods ({@code day}, {@code week} or {@code month}; n may be negative). */
	public static LocalDate plus(LocalDate d, String period, long n) {
		return switch (period) {
			case "day" -> d.plusDays(n);
			case "month" -> d.plusMonths(n);
			default -> d.plusWeeks(n);
		};
	}

	private static LocalDate next(LocalDate d, String period) {
		return plus(d, period, 1);
	}
}
