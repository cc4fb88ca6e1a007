package org.beacon.overdose;

import java.time.LocalDate;
import java.util.List;

/**
 * One space-time cluster: its rank (1 = most likely), the centre location and the locations in the circle,
 * the circle's centre and radius, the days, cases against expected, the log likelihood ratio and the Monte
 * Carlo p-value.
 */
public record ClusterRow(int rank, String centre, List<String> areas, double centreLat, double centreLon,
		double radiusMetres, LocalDate start, LocalDate end, long cases, double expected, double llr, double pValue) {

	public ClusterRow {
		areas = List.copyOf(areas);
	}

	public double observedOverExpected() {
		return cases / expected;
	}
}
