package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Emerging hot spots from incidents: the engine bins events into weekly steps on a 100 m grid and must reach
 * the same categories as the hand-made cubes of {@code EmergingHotSpotAnalysisTests}, whose design this
 * repeats (a 9×9 checkerboard of 3 and 5 incidents per cell and week, flipping each week, and the 3×3 block
 * around cell (4, 4) set to one level per week; queen weights, one time lag, alpha 0.05).
 */
class EmergingFromIncidentsTests {

	private static final int SIDE = 9;

	private static final int WEEKS = 10;

	/** Monday 1 January 2024 to Sunday 10 March 2024: ten whole weeks. */
	private static final AnalysisOptions TEN_WEEKS = FairnessTests.options("queen", "naive")
		.withDates(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-10"));

	@Test
	void findsAnOscillatingHotSpotFromWeeklyIncidents() {
		// weeks 2 and 9 busy, week 5 empty: bins 2, 3 and 9 hot, 5 and 6 cold
		AnalysisTable table = new AnalyticsEngine().emerging(frame("..8..0...8"), TEN_WEEKS);

		assertThat(table.summary().get(0)).contains("steps=10");
		assertThat(category(table, 4, 4)).isEqualTo("oscillating_hot");
		assertThat(category(table, 1, 1)).isEqualTo("no_pattern");
	}

	@Test
	void findsAnIntensifyingColdSpotFromWeeklyIncidents() {
		// the block empties week by week: every bin cold, z falling
		AnalysisTable table = new AnalyticsEngine().emerging(frame("2221110000"), TEN_WEEKS);

		assertThat(category(table, 4, 4)).isEqualTo("intensifying_cold");
		assertThat(category(table, 1, 1)).isEqualTo("no_pattern");
	}

	/** Each cell's incidents at its centre on the Wednesday of each week, noon UTC. */
	private static IncidentFrame frame(String levels) {
		List<double[]> events = new ArrayList<>(); // x, y, day counted from 1 January 2024 = 1, neighbourhood
		for (int week = 0; week < WEEKS; week++) {
			char level = levels.charAt(week);
			for (int iy = 0; iy < SIDE; iy++) {
				for (int ix = 0; ix < SIDE; ix++) {
					boolean block = Math.abs(ix - 4) <= 1 && Math.abs(iy - 4) <= 1;
					int count = block && level != '.' ? level - '0' : (ix + iy + week) % 2 == 0 ? 5 : 3;
					for (int k = 0; k < count; k++) {
						events.add(new double[] { 50 + 100 * ix, 50 + 100 * iy, 3 + 7 * week, 1 });
					}
				}
			}
		}
		return FairnessTests.frame(events);
	}

	private static String category(AnalysisTable table, int row, int col) {
		int category = table.columns().indexOf("category");
		return table.rows()
			.stream()
			.filter(r -> r[0].equals(row) && r[1].equals(col))
			.map(r -> (String) r[category])
			.findFirst()
			.orElseThrow();
	}
}
