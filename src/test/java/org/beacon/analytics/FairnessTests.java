package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.beacon.geography.MetricProjection;
import org.junit.jupiter.api.Test;

class FairnessTests {

	/**
	 * A 7×7 grid of 100 m cells: 20 incidents a week in the centre cell (neighbourhood 1) for two weeks and one
	 * in each corner in week 1 (neighbourhood 2). Rook Gi*, FDR: whole frame, the centre's z = (40 − 5·44/49) /
	 * (5.6506·√((49·5 − 25)/48)) = 2.94, and its four rook neighbours the same: 5 hot cells, one with incidents.
	 * Week 1 z = 2.90, week 2 z = 2.97: the same 5 cells hot both weeks, repeat-flag rate 5/5.
	 */
	@Test
	void setsFlaggedShareBesideIncidentShareAndCountsRepeatFlags() {
		IncidentFrame frame = frame();
		AnalysisOptions d = AnalysisOptions.defaults();
		AnalysisOptions options = new AnalysisOptions(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-14"), 100,
				Double.NaN, "quartic", "rook", true, d.spaceBands(), d.timeBands(), 0, 1, "week", "naive", 365, 28);

		AnalysisTable table = Fairness.fairness(frame, options);

		assertThat(table.rows()).hasSize(2);
		Object[] one = table.rows().get(0);
		assertThat(one[0]).isEqualTo(1L);
		assertThat(one[1]).isEqualTo(40);
		assertThat((double) one[2]).isCloseTo(40.0 / 44, within(1e-12));
		assertThat(one[3]).isEqualTo(1);
		assertThat((double) one[5]).isCloseTo(44.0 / 40, within(1e-12));
		assertThat(table.rows().get(1)[3]).isEqualTo(0);
		assertThat(table.summary()).containsExactly("flagged_cells=1 repeat_flag_rate=1.0000");
	}

	private static IncidentFrame frame() {
		List<double[]> events = new ArrayList<>(); // x, y, day of January 2024, neighbourhood
		for (int k = 0; k < 20; k++) {
			events.add(new double[] { 350, 350, 2, 1 });
			events.add(new double[] { 350, 350, 9, 1 });
		}
		for (double[] corner : new double[][] { { 50, 50 }, { 650, 50 }, { 50, 650 }, { 650, 650 } }) {
			events.add(new double[] { corner[0], corner[1], 3, 2 });
		}
		int n = events.size();
		long[] t = new long[n];
		double[] x = new double[n], y = new double[n], lat = new double[n], lon = new double[n];
		int[] category = new int[n];
		long[] neighbourhood = new long[n];
		for (int i = 0; i < n; i++) {
			double[] e = events.get(i);
			x[i] = e[0];
			y[i] = e[1];
			t[i] = LocalDate.of(2024, 1, (int) e[2]).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
			neighbourhood[i] = (long) e[3];
		}
		return new IncidentFrame(t, x, y, lat, lon, category, neighbourhood, PLANE, ZoneOffset.UTC);
	}

	/** Metres are degrees: enough for tables that only need the grid. */
	private static final MetricProjection PLANE = new MetricProjection() {
		@Override
		public void toMetres(double lat, double lon, double[] xy) {
			xy[0] = lon;
			xy[1] = lat;
		}

		@Override
		public void toDegrees(double x, double y, double[] latLon) {
			latLon[0] = y;
			latLon[1] = x;
		}

		@Override
		public String definition() {
			return "identity";
		}
	};
}
