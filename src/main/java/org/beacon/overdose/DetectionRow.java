package org.beacon.overdose;

import java.time.LocalDate;

/**
 * One area and day of an EARS or CUSUM run: the count, the baseline mean and SD (sample SD, before any floor),
 * the statistic (C1, C2, C3 or the CUSUM sum S) and whether it alarms. NaN before the method's first day.
 */
public record DetectionRow(LocalDate date, String area, int count, double baselineMean, double baselineSd,
		double statistic, boolean alarm) {
}
