package org.beacon.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.MaximumCoverage;

/**
 * Allocation: given N patrol or outreach units and how far each covers, the cells at which to place them so
 * that the most forecast incidents lie within reach, optionally no more than a given number of units per
 * neighbourhood (docs/methods/allocation.md). The forecast is the one {@code options.forecast()} names, for
 * the day after the analysed span, on the study area's cells only ({@link StudyArea}); each cell belongs to
 * the neighbourhood most of its incidents carry.
 */
final class Allocations {

	static final List<String> COLUMNS = List.of("cell_row", "cell_col", "center_lat", "center_lon", "unit",
			"neighbourhood", "captured", "cumulative", "cumulative_share");

	private Allocations() {
	}

	static AnalysisTable allocate(IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods) {
		Grid grid = frame.studyArea().grid(frame, options.cell());
		Backtests.Scores scores = Backtests.scores(frame, grid, options);
		long[] owner = Fairness.Study.of(frame, grid, options, neighbourhoods).owner();
		double[] score = scores.score();
		boolean[] inside = frame.studyArea().cells(grid);
		if (inside != null) {
			// units stand only in the study area, and only its forecast counts
			for (int c = 0; c < score.length; c++) {
				score[c] = inside[c] ? score[c] : 0;
			}
		}
		double total = 0;
		for (double v : score) {
			total += v;
		}
		List<MaximumCoverage.Placement> placed = MaximumCoverage.place(score, grid.nx(), grid.cell(), options.radius(),
				options.units(), owner, options.maxPerNeighbourhood());
		AnalyticsEngine.CellTable table = new AnalyticsEngine.CellTable(grid, frame, COLUMNS);
		int unit = 1;
		for (MaximumCoverage.Placement p : placed) {
			long key = owner[p.cell()];
			table.add(p.cell(), unit++, neighbourhoods.name(key).isEmpty() ? neighbourhoods.code(key)
					: neighbourhoods.name(key), p.captured(), p.cumulative(), total > 0 ? p.cumulative() / total : 0.0);
		}
		double covered = placed.isEmpty() ? 0 : placed.get(placed.size() - 1).cumulative();
		List<String> summary = new ArrayList<>();
		summary.add(scores.summary() + String.format(Locale.ROOT,
				" units=%d placed=%d radius_m=%.0f max_per_neighbourhood=%d captured=%.4f forecast_total=%.4f share=%.4f",
				options.units(), placed.size(), options.radius(), options.maxPerNeighbourhood(), covered, total,
				total > 0 ? covered / total : 0.0));
		return table.done("allocate", summary);
	}
}
