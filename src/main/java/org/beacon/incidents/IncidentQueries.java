package org.beacon.incidents;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.beacon.geography.AreaKind;

/** Read side of incidents for pages, exports and analytics. Counts exclude unfounded and reversed records. */
public interface IncidentQueries {

	/** Counted incidents per area id of the kind (records without coordinates count in their coded area). */
	Map<Long, Long> countsByArea(IncidentFilter filter, AreaKind kind);

	/** Counted incidents per local month, months without incidents included as 0 between the first and last. */
	List<MonthlyCount> monthlyCounts(IncidentFilter filter);

	/** Counted incidents, newest first. */
	List<IncidentRow> page(IncidentFilter filter, int offset, int limit);

	long count(IncidentFilter filter);

	/** Streams every counted incident of the filter, newest first, without holding them all in memory. */
	void forEach(IncidentFilter filter, Consumer<IncidentRow> consumer);
}
