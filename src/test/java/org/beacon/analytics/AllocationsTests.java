package org.beacon.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Allocation through the engine, on {@link FairnessTests#rowFrame()}: 20 cells of 100 m in a row. */
class AllocationsTests {

	private final AnalyticsEngine engine = new AnalyticsEngine();

	/**
	 * The naive forecast for 15 January is last week's counts: 3 in cell 12, nothing elsewhere. One unit with the
	 * default 300 m reach covers cells 9-15 from cell 12 or any of its neighbours; cell 12 itself scores most, so
	 * the unit stands there and captures all 3.
	 * A second unit would cover nothing more and is not placed.
	 */
	@Test
	void placesUnitsOnTheForecastAndStopsWhenNothingIsLeftToCover() {
		Neighbourhoods names = new Neighbourhoods(Map.of(1L, "N1", 2L, "N2"), Map.of(1L, "North", 2L, "South"),
				Map.of());

		AnalysisTable table = engine.run("allocate", FairnessTests.rowFrame(), FairnessTests.options("queen", "naive"),
				names);

		assertThat(table.columns()).isEqualTo(Allocations.COLUMNS);
		assertThat(table.rows()).hasSize(1);
		// cell row, column, then unit, neighbourhood, captured, cumulative, cumulative share
		Object[] unit = table.rows().get(0);
		assertThat(unit[0]).isEqualTo(0);
		assertThat(unit[1]).isEqualTo(12);
		assertThat(Arrays.copyOfRange(unit, 4, 9)).containsExactly(1, "South", 3.0, 3.0, 1.0);
		assertThat(table.summary().get(0)).startsWith("method=naive forecast=week from=2024-01-15 to=2024-01-21 horizon_days=7").endsWith(
				"units=10 placed=1 radius_m=300 max_per_neighbourhood=0 captured=3.0000 forecast_total=3.0000 share=1.0000");
	}
}
