package org.beacon.reports.internal;

import java.time.Instant;
import java.util.List;

/** A validated Open311 GET requests query: codes and statuses empty mean all. */
public record PublicQuery(List<String> serviceCodes, Instant start, Instant end, List<String> statuses, int limit,
		int offset) {
}
