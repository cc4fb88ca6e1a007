package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.beacon.geography.MetricProjection;
import org.junit.jupiter.api.Test;

class FairnessTests {

	/**
	 * A 7×7 grid of 100 m cells: 20 incidents a week in the centre cell (neighbourhood 1) for two weeks and one
	 * in each corner in week 1 (neighbourhood 2). Rook Gi*, FDR: whole frame, the centre's z = (40 − 5·44/49) /
	 * (5.6506·√((49·5 − 25)/48)) = 2.94, and its four rook neighbours the same: 5 hot cells, one of them in the
	 * study area (the 5 cells with incidents). Week 1 z = 2.90, week 2 z = 2.97: the same 5 cells hot both
	 * weeks, repeat-flag rate 5/5.
	 */
	@Test
	void setsFlaggedShareOfGiStarHotCellsBesideIncidentShareAndCountsRepeatFlags() {
		AnalysisTable table = Fairness.fairness(hotSpotFrame(), options("rook", "gistar"), Neighbourhoods.none());

		assertThat(table.columns()).isEqualTo(Fairness.COLUMNS);
		assertThat(table.rows()).hasSize(2);
		Object[] one = table.rows().get(0);
		// key, code, name, cells, area share, incidents, incident share
		assertThat(one).startsWith(1L, "1", "", 1L, 0.2, 40L);
		assertThat((double) one[6]).isCloseTo(40.0 / 44, within(1e-12));
		// flagged cells, flagged area share, flagged incidents, their share, ratio 1/(40/44)
		assertThat(Arrays.copyOfRange(one, 7, 11)).containsExactly(1L, 1.0, 40L, 1.0);
		assertThat((double) one[11]).isCloseTo(44.0 / 40, within(1e-12));
		Object[] two = table.rows().get(1);
		assertThat(Arrays.copyOfRange(two, 3, 11)).containsExactly(4L, 0.8, 4L, 4.0 / 44, 0L, 0.0, 0L, 0.0);
		assertThat(table.summary()).containsExactly("method=gistar flags=hot_cells study_cells=5 flagged_cells=1 "
				+ "flagged_incidents=40 repeat_flag_rate=1.0000 population=none");
	}

	/**
	 * 20 cells in a row, one incident each on 3 January (cells 0-9 in neighbourhood 1, 10-19 in 2) and three
	 * more in cell 12 on 10 January. The naive forecast for 15 January (last week's counts) flags the top
	 * max(1, ⌊0.05·20⌋) = 1 cell: cell 12 (score 3). Neighbourhood 2: 13 of 23 incidents, the one flagged cell
	 * holding 4 incidents, ratio 1/(13/23) = 23/13. Population 3,000, 1,000 and 1,000 (neighbourhood 3 has no
	 * incidents): shares 0.6, 0.2, 0.2. Repeat flags: the forecast for 8 January sees one incident in every
	 * cell and flags cell 0 (ties by index); cell 0 is not flagged on 15 January, so 0 of 1.
	 */
	@Test
	void setsAForecastsFlaggedAreaAndIncidentsBesideIncidentsAndPopulation() {
		Neighbourhoods neighbourhoods = new Neighbourhoods(Map.of(1L, "N1", 2L, "N2", 3L, "N3"),
				Map.of(1L, "North", 2L, "South", 3L, "River"), Map.of(1L, 3000L, 2L, 1000L, 3L, 1000L));

		AnalysisTable table = Fairness.fairness(rowFrame(), options("queen", "naive"), neighbourhoods);

		assertThat(table.columns()).endsWith("ratio", "population", "population_share");
		assertThat(table.rows()).hasSize(3);
		Object[] north = table.rows().get(0);
		assertThat(north).startsWith(1L, "N1", "North", 10L, 0.5, 10L);
		assertThat(Arrays.copyOfRange(north, 7, 12)).containsExactly(0L, 0.0, 0L, 0.0, 0.0);
		assertThat(Arrays.copyOfRange(north, 12, 14)).containsExactly(3000L, 0.6);
		Object[] south = table.rows().get(1);
		assertThat((double) south[6]).isCloseTo(13.0 / 23, within(1e-12));
		assertThat(Arrays.copyOfRange(south, 7, 11)).containsExactly(1L, 1.0, 4L, 1.0);
		assertThat((double) south[11]).isCloseTo(23.0 / 13, within(1e-12));
		assertThat(Arrays.copyOfRange(south, 12, 14)).containsExactly(1000L, 0.2);
		Object[] river = table.rows().get(2);
		assertThat(river).startsWith(3L, "N3", "River", 0L, 0.0, 0L, 0.0);
		assertThat((double) river[11]).isNaN();
		assertThat(Arrays.copyOfRange(river, 12, 14)).containsExactly(1000L, 0.2);
		assertThat(table.summary()).containsExactly("method=naive flags=top_share_0.05 study_cells=20 flagged_cells=1 "
				+ "flagged_incidents=4 repeat_flag_rate=0.0000 population=loaded residents=5000");
	}

	/**
	 * Three weeks on a 15×15 grid of 100 m cells (one incident in two opposite corners in week 1 fixes the
	 * grid): 20 incidents a week in cell A (1, 1) in all three weeks, and 20 in cell B (13, 13) in week 1 only.
	 * Each week's rook Gi* flags the busy cells with their four rook neighbours: week 1 flags A's five and B's
	 * five (n = 225, x̄ = 42/225, S = 1.879; A's z = (20 − 5x̄)/(S·√((225·5 − 25)/224)) = 4.58), weeks 2 and 3
	 * A's five (z = 6.63). Pooled over the two week-to-week steps: (5 of 10) + (5 of 5) = 10 of 15 =
	 * 2/3. A wrong denominator gives something else: the mean of the two steps' rates 0.75, dividing by the
	 * cells flagged in the later week 10/10 = 1, or by all flags 10/20 = 0.5.
	 */
	@Test
	void poolsTheRepeatFlagRateOverPeriodsWhenOnlySomeFlagsRepeat() {
		List<double[]> events = new ArrayList<>(); // x, y, day of January 2024, neighbourhood
		for (int k = 0; k < 20; k++) {
			events.add(new double[] { 150, 150, 2, 1 });
			events.add(new double[] { 150, 150, 9, 1 });
			events.add(new double[] { 150, 150, 16, 1 });
			events.add(new double[] { 1350, 1350, 3, 2 });
		}
		events.add(new double[] { 50, 50, 4, 1 });
		events.add(new double[] { 1450, 1450, 4, 2 });
		AnalysisOptions threeWeeks = options("rook", "gistar").withDates(LocalDate.parse("2024-01-01"),
				LocalDate.parse("2024-01-21"));

		AnalysisTable table = Fairness.fairness(frame(events), threeWeeks, Neighbourhoods.none());

		assertThat(table.summary().get(0)).contains(" repeat_flag_rate=0.6667 ");
	}

	@Test
	void leavesThePopulationColumnsOutWhenNoDemographicsAreLoaded() {
		AnalysisTable table = Fairness.fairness(rowFrame(), options("queen", "kde"), Neighbourhoods.none());

		assertThat(table.columns()).isEqualTo(Fairness.COLUMNS);
		assertThat(table.rows()).extracting(row -> row[0]).containsExactly(1L, 2L);
		assertThat(table.summary().get(0)).startsWith("method=kde flags=top_share_0.05 study_cells=20 flagged_cells=1 ")
			.endsWith("population=none");
	}

	static AnalysisOptions options(String weights, String forecast) {
		AnalysisOptions d = AnalysisOptions.defaults();
		return new AnalysisOptions(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-14"), 100, Double.NaN,
				"quartic", weights, true, d.spaceBands(), d.timeBands(), 0, 1, "week", forecast, 365, 28, 1, Double.NaN, 10, 300,
				0, d.shares(), d.countsBy(), d.h3Resolution());
	}

	static IncidentFrame rowFrame() {
		List<double[]> events = new ArrayList<>(); // x, y, day of January 2024, neighbourhood
		for (int c = 0; c < 20; c++) {
			events.add(new double[] { 50 + 100 * c, 50, 3, c < 10 ? 1 : 2 });
		}
		for (int k = 0; k < 3; k++) {
			events.add(new double[] { 1250, 50, 10, 2 });
		}
		return frame(events);
	}

	private static IncidentFrame hotSpotFrame() {
		List<double[]> events = new ArrayList<>(); // x, y, day of January 2024, neighbourhood
		for (int k = 0; k < 20; k++) {
			events.add(new double[] { 350, 350, 2, 1 });
			events.add(new double[] { 350, 350, 9, 1 });
		}
		for (double[] corner : new double[][] { { 50, 50 }, { 650, 50 }, { 50, 650 }, { 650, 650 } }) {
			events.add(new double[] { corner[0], corner[1], 3, 2 });
		}
		return frame(events);
	}

	/** Events as x, y (metres), day of January 2024 (32 is 1 February and so on) and neighbourhood, at noon UTC. */
	static IncidentFrame frame(List<double[]> events) {
		int n = events.size();
		long[] t = new long[n];
		double[] x = new double[n], y = new double[n], lat = new double[n], lon = new double[n];
		int[] category = new int[n];
		long[] neighbourhood = new long[n];
		for (int i = 0; i < n; i++) {
			double[] e = events.get(i);
			x[i] = e[0];
			y[i] = e[1];
			t[i] = LocalDate.of(2024, 1, 1).plusDays((long) e[2] - 1).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
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
