package org.beacon.overdose;

import java.time.Instant;

import org.beacon.shared.AgencyId;

/**
 * A stored overdose event: the entry as reported, and where geography placed it. {@code id} is 0 for an
 * event read from a file for analysis and not stored.
 *
 * @param neighbourhoodId the neighbourhood (geography area id) it lies in, or {@code null}: located only from
 *        {@link LocationPrecision#POINT} or {@link LocationPrecision#RANDOMISED} coordinates, or given
 * @param h3Cell the H3 cell at {@link org.beacon.geography.Geography#STORED_H3_RESOLUTION}, or {@code null}
 *        when the coordinates are coarser than a point
 */
public record OverdoseEvent(long id, AgencyId agency, OverdoseEntry entry, Long neighbourhoodId, Long h3Cell,
		String recordedBy, Instant recordedAt) {
}
