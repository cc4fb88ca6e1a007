package org.beacon.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beacon.shared.AgencyId;

/**
 * Finds single incidents for staff who link another record (a resident report) to one: by the source's own
 * id, by Beacon's id, or near a point. Counted incidents only (neither unfounded nor reversed), one agency only.
 */
public interface IncidentLookup {

	/** Incidents of the agency whose source id is {@code sourceId} (one per source that used it). */
	List<IncidentRow> bySourceId(AgencyId agency, String sourceId);

	/**
	 * The one incident staff mean by a source id they typed (trimmed). A clear error when it is blank, when no
	 * counted incident of the agency has it, or when several sources used it (then staff pick from the nearby list).
	 */
	default IncidentRow oneBySourceId(AgencyId agency, String sourceId) {
		String id = sourceId == null ? "" : sourceId.trim();
		if (id.isEmpty()) {
			throw new IllegalArgumentException("incident source id is required");
		}
		List<IncidentRow> found = bySourceId(agency, id);
		if (found.isEmpty()) {
			throw new IllegalArgumentException("incident source id '" + id + "': no counted incident of this agency has it");
		}
		if (found.size() > 1) {
			throw new IllegalArgumentException("incident source id '" + id + "' is used by " + found.size()
					+ " sources (" + String.join(", ", found.stream().map(IncidentRow::source).toList())
					+ "): pick the incident from the nearby list");
		}
		return found.get(0);
	}

	Optional<IncidentRow> byId(AgencyId agency, long id);

	/**
	 * Located incidents of the agency within {@code radiusMetres} of the point (a lat/lon box first, then the
	 * haversine distance) that occurred at or after {@code since}, nearest first, at most {@code limit}.
	 */
	List<IncidentRow> near(AgencyId agency, double lat, double lon, double radiusMetres, Instant since, int limit);
}
