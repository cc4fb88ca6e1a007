package org.beacon.overdose;

import java.time.LocalDate;

import org.beacon.shared.AgencyId;

/**
 * Detection found a spike recent enough to tell partners about. Ids and facts: the alarm's method, the
 * area it is about (level such as {@code neighbourhood} or {@code h3:8}, and the area's code), the day,
 * the count that day (cases in the cylinder for the scan) and the statistic.
 */
public record OverdoseAlarmRaised(AgencyId agency, long alarmId, String method, String areaLevel, String areaCode,
		LocalDate day, int count, double statistic) {
}
