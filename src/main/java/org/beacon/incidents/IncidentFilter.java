package org.beacon.incidents;

import java.time.LocalDate;
import java.util.Set;

import org.beacon.shared.AgencyId;

/**
 * Which incidents a query means: an agency, local dates {@code [from, to]} inclusive in the agency's time
 * zone (either may be null), and categories (empty means all). Unfounded and reversed records are never
 * counted.
 */
public record IncidentFilter(AgencyId agency, LocalDate from, LocalDate to, Set<OffenseCategory> categories) {

	public IncidentFilter {
		categories = categories == null ? Set.of() : Set.copyOf(categories);
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
		}
	}
}
