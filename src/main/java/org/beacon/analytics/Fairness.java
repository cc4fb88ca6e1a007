package org.beacon.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.beacon.analytics.internal.GiStarResult;
import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.Periods;

/**
 * Who the hot spots land on. Over the whole frame: Gi* hot cells (any positive class) that hold incidents are
 * assigned to the neighbourhood most of their incidents carry (ties to the lower id; 0 = unknown; hot cells
 * without incidents of their own, next to a hot one, are not attributed), and each neighbourhood's
 * share of flagged cells is set beside its share of incidents ({@code ratio} above 1: flagged more than its
 * incidents alone suggest). Over the periods from {@code from} to {@code to}: the repeat-flag rate, the share
 * of cells hot in one period's Gi* that are hot again in the next (how often the same streets are sent
 * patrols week after week).
 */
final class Fairness {

	static final List<String> COLUMNS = List.of("neighbourhood_id", "incidents", "incident_share", "flagged_cells",
			"flagged_share", "ratio");

	private Fairness() {
	}

	static AnalysisTable fairness(IncidentFrame frame, AnalysisOptions options) {
		Grid grid = Grid.covering(frame.x(), frame.y(), options.cell());
		int[] cellOf = new int[frame.size()];
		for (int i = 0; i < cellOf.length; i++) {
			cellOf[i] = grid.indexOf(frame.x()[i], frame.y()[i]);
		}
		int[] hot = hotCells(grid, cellOf, null, options);
		Map<Integer, Map<Long, Integer>> byCell = new HashMap<>();
		Map<Long, Integer> incidents = new TreeMap<>();
		for (int i = 0; i < cellOf.length; i++) {
			long n = frame.neighbourhood()[i];
			incidents.merge(n, 1, Integer::sum);
			if (hot[cellOf[i]] > 0) {
				byCell.computeIfAbsent(cellOf[i], c -> new TreeMap<>()).merge(n, 1, Integer::sum);
			}
		}
		Map<Long, Integer> flagged = new TreeMap<>();
		int flaggedTotal = 0;
		for (Map<Long, Integer> counts : byCell.values()) {
			long best = 0;
			int most = -1;
			for (Map.Entry<Long, Integer> e : counts.entrySet()) {
				if (e.getValue() > most) {
					most = e.getValue();
					best = e.getKey();
				}
			}
			flagged.merge(best, 1, Integer::sum);
			flaggedTotal++;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Map.Entry<Long, Integer> e : incidents.entrySet()) {
			double incidentShare = (double) e.getValue() / frame.size();
			int f = flagged.getOrDefault(e.getKey(), 0);
			double flaggedShare = flaggedTotal == 0 ? Double.NaN : (double) f / flaggedTotal;
			rows.add(new Object[] { e.getKey(), e.getValue(), incidentShare, f, flaggedShare,
					flaggedShare / incidentShare });
		}
		return new AnalysisTable("fairness", COLUMNS, rows, null,
				List.of(String.format(Locale.ROOT, "flagged_cells=%d repeat_flag_rate=%.4f", flaggedTotal,
						repeatFlagRate(frame, grid, cellOf, options))));
	}

	/** Share of cells hot in period t that are hot in period t+1, pooled over the periods; NaN if none. */
	static double repeatFlagRate(IncidentFrame frame, Grid grid, int[] cellOf, AnalysisOptions options) {
		LocalDate[] span = AnalyticsEngine.span(frame, options);
		Periods periods = Periods.whole(span[0], span[1], options.period(), frame.zone());
		double[] days = frame.days();
		int[] step = new int[days.length];
		for (int i = 0; i < days.length; i++) {
			step[i] = periods.indexOf(days[i]);
		}
		int[] previous = null;
		long hotBefore = 0, again = 0;
		for (int p = 0; p < periods.size(); p++) {
			int period = p;
			int[] hot = hotCells(grid, cellOf, i -> step[i] == period, options);
			if (previous != null) {
				for (int c = 0; c < hot.length; c++) {
					if (previous[c] > 0) {
						hotBefore++;
						again += hot[c] > 0 ? 1 : 0;
					}
				}
			}
			previous = hot;
		}
		return hotBefore == 0 ? Double.NaN : (double) again / hotBefore;
	}

	private static int[] hotCells(Grid grid, int[] cellOf, java.util.function.IntPredicate keep,
			AnalysisOptions options) {
		double[] counts = new double[grid.cells()];
		for (int i = 0; i < cellOf.length; i++) {
			if (cellOf[i] >= 0 && (keep == null || keep.test(i))) {
				counts[cellOf[i]]++;
			}
		}
		return GiStarResult.analyse(counts, grid.nx(), grid.ny(), null,
				AnalyticsEngine.neighbourhood(options.weights(), options.cell()), options.fdr()).bin();
	}
}
