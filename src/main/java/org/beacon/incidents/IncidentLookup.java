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

	Optional<IncidentRow> byId(AgencyId agency, long id);

	/**
	 * Located incidents of the agency within {@code radiusMetres} of the point (a lat/lon box first, then the
	 * haversine distance) that occurred at or after {@code since}, nearest first, at most {@code limit}.
	 */
	List<IncidentRow> near(AgencyId agency, double lat, double lon, double radiusMetres, Instant since, int limit);
}
