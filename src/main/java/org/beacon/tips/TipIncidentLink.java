package org.beacon.tips;

import java.time.Instant;

/**
 * A staff link from a tip to an incident record, by Beacon's incident id with the source's own name and id for
 * reading. Staff-only: never shown through a receipt or any public page.
 */
public record TipIncidentLink(long incidentId, String source, String sourceId, String linkedBy, Instant linkedAt) {

	/** Incidents offered to link are within this many metres of the tip's point, as for reports. */
	public static final int NEARBY_METRES = 250;
}
