package org.beacon.overdose.internal;

/**
 * One day of an EARS result.
 *
 * @param day day index, 0 = first day of the series
 * @param count cases that day
 * @param baselineMean mean of the baseline days (NaN before the first evaluated day)
 * @param baselineSd sample SD (divisor n-1) of the baseline days, before the floor is applied
 * @param statistic C1, C2 or C3 value; may be ±∞ when the floored SD is 0
 * @param alarm whether the statistic exceeds its threshold
 */
public record EarsDay(int day, int count, double baselineMean, double baselineSd, double statistic,
		boolean alarm) {
}
