package org.beacon.overdose.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.beacon.shared.AgencyId;

/**
 * An alarm as stored, with its evidence: {@code seriesJson} (start day, counts, baseline means and SDs,
 * statistics) and for the scan {@code clusterJson}. {@code count} is the day's count for EARS and CUSUM, the
 * cylinder's cases for the scan; {@code baselineMean} its expected cases.
 */
public record StoredAlarm(long id, AgencyId agency, String method, String areaLevel, String areaCode, String areaName,
		LocalDate alarmDate, LocalDate windowStart, int count, Double baselineMean, Double baselineSd, double statistic,
		double threshold, Double pValue, String seriesJson, String clusterJson, boolean notifies, String state,
		Instant detectedAt, String acknowledgedBy, Instant acknowledgedAt, String acknowledgement) {

	public boolean acknowledged() {
		return "ACKNOWLEDGED".equals(state);
	}

	public boolean scan() {
		return "scan".equals(method);
	}
}
