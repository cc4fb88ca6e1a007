package org.beacon.overdose;

import java.util.List;

/** EARS or CUSUM rows per area and day, and events left out because their location is coarser than the grouping. */
public record SeriesReport(List<DetectionRow> rows, int eventsLeftOut) {

	public SeriesReport {
		rows = List.copyOf(rows);
	}

	public long alarms() {
		return rows.stream().filter(DetectionRow::alarm).count();
	}
}
