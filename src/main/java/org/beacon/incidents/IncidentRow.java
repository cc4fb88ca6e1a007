package org.beacon.incidents;

import java.time.Instant;

/**
 * An incident as pages and exports show it. {@code lat}/{@code lon} are NaN when the source had no
 * coordinates; {@code neighbourhoodId} is 0 when unknown.
 */
public record IncidentRow(long id, String source, String sourceId, Instant occurredAt, String offenseCode,
		String description, OffenseCategory category, String blockAddress, double lat, double lon,
		long neighbourhoodId, String neighbourhoodName) {
}
