package org.beacon.overdose;

import java.util.List;

/**
 * A scan's clusters, most likely first, and what went in: cases, locations, days, and events left out
 * because their location is coarser than the grouping.
 */
public record ScanReport(List<ClusterRow> clusters, long cases, int locations, int days, int eventsLeftOut) {

	public ScanReport {
		clusters = List.copyOf(clusters);
	}
}
