package org.beacon.incidents.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.beacon.incidents.OffenseCategory;

/**
 * One accepted source row, ready to store: an incident, or (when {@code reversal}) a row that reverses one.
 * {@code lat}/{@code lon} are NaN without a point; area ids ({@code neighbourhoodId}, {@code districtId},
 * {@code beatId}) and {@code h3Cell} are 0 when unknown.
 */
record ParsedRow(long line, boolean reversal, String sourceId, String matchKey, String fallbackKey,
		Instant occurredAt, LocalDate occurredLocal, int occurredMonth, Instant reportedAt, String offenseCode,
		String description, OffenseCategory category, String blockAddress, double lat, double lon,
		long neighbourhoodId, long districtId, long beatId, String districtCode, long h3Cell, boolean unfounded, long rowHash) {
}
