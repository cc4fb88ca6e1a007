package org.beacon.disclosure;

import java.time.LocalDate;

import org.beacon.incidents.OffenseCategory;

/**
 * An incident as the public may see it, made only by {@link PublicDisclosure}: the local date (no time), the
 * category, the hundred block, the centre of its H3 cell (NaN when the record had no coordinates) and the
 * neighbourhood's id and name (0 and null when unknown). No record id, offence code or narrative.
 */
public record PublicIncident(LocalDate date, OffenseCategory category, String block, double lat, double lon,
		long neighbourhoodId, String neighbourhood) {

	public boolean located() {
		return !Double.isNaN(lat) && !Double.isNaN(lon);
	}
}
