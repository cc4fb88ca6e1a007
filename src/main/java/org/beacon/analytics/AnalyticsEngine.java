package org.beacon.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.beacon.analytics.internal.CellRings;
import org.beacon.analytics.internal.EmergingHotSpotAnalysis;
import org.beacon.analytics.internal.GiStarResult;
import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.GridNeighbourhood;
import org.beacon.analytics.internal.Kernel;
import org.beacon.analytics.internal.KernelDensity;
import org.beacon.analytics.internal.Knox;
import org.beacon.analytics.internal.KnoxTable;
import org.beacon.analytics.internal.Periods;
import org.beacon.analytics.internal.UnitsDone;
import org.springframework.stereotype.Service;

/**
 * Runs the analytics methods on a frame and returns tables: counts, kernel density, Gi* hot spots, Knox
 * near-repeat tables, emerging hot spots, forecasts and backtests ({@link Backtests}). Grids cover the frame's
 * study area ({@link StudyArea}) with cells aligned to multiples of the cell size in the frame's projection;
 * cells whose centre lies outside it are in no statistic. Every table's summary says which study area it
 * used ({@code study_area=..}), last but for a backtest, whose last line stays its means.
 */
@Service
public class AnalyticsEngine {

	/** The methods {@link #run} knows. */
	public static final List<String> METHODS = List.of("counts", "kde", "gistar", "knox", "emerging", "forecast",
			"backtest", "allocate", "fairness");

	static final List<String> CELL_COLUMNS = List.of("cell_row", "cell_col", "center_lat", "center_lon", "count");

	/** Gi* bin → class name. */
	private static final String[] CLASSES = { "cold_99", "cold_95", "cold_90", "not_significant", "hot_90", "hot_95",
			"hot_99" };

	/** Significance of an emerging hot spot bin and of its trend (ArcGIS's 0.05). */
	private static final double EMERGING_ALPHA = 0.05;

	/** Runs a method on a frame whose neighbourhoods are not known beyond their keys. */
	public AnalysisTable run(String method, IncidentFrame frame, AnalysisOptions options) {
		return run(method, frame, options, Neighbourhoods.none());
	}

	/**
	 * Runs a method on a frame. A {@code forecast} carries its fairness table ({@link AnalysisTable#fairness()});
	 * {@code fairness} is that table alone, with population shares where {@code neighbourhoods} has them.
	 */
	public AnalysisTable run(String method, IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods) {
		return run(method, frame, options, neighbourhoods, AnalysisProgress.NONE);
	}

	/**
	 * Runs a method on a frame, telling {@code progress} how far it has got: a backtest by period ("week 12
	 * of 260"), Knox by permutation, emerging hot spots by time step and then by location, a SEPP forecast by
	 * EM iteration; the quick methods as one unit. A cancelled run throws {@link AnalysisCancelledException}
	 * at its next unit.
	 */
	public AnalysisTable run(String method, IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods,
			AnalysisProgress progress) {
		requireMethod(method);
		requireIncidents(frame);
		ProgressReport report = new ProgressReport(progress);
		report.checkCancelled();
		AnalysisTable table = switch (method) {
			case "knox" -> knox(frame, options, report.units("permutation"));
			case "emerging" -> emerging(frame, options, report);
			case "backtest" -> Backtests.backtest(frame, options, report.units(options.period()));
			case "forecast" -> Backtests.forecast(frame, options, neighbourhoods, "sepp".equals(options.forecast())
					? report.units((d, t) -> "EM iteration " + d + " of at most " + t)
					: single(report));
			default -> {
				report.single("analysing");
				yield switch (method) {
					case "counts" -> counts(frame, options, neighbourhoods);
					case "kde" -> kde(frame, options);
					case "gistar" -> giStar(frame, options);
					case "allocate" -> Allocations.allocate(frame, options, neighbourhoods);
					default -> Fairness.fairness(frame, options, neighbourhoods);
				};
			}
		};
		report.finish();
		return withStudyArea(table, frame.studyArea());
	}

	private static AnalysisTable withStudyArea(AnalysisTable table, StudyArea area) {
		List<String> summary = new ArrayList<>(table.summary());
		summary.add("backtest".equals(table.method()) ? summary.size() - 1 : summary.size(), area.describe());
		return new AnalysisTable(table.method(), table.columns(), table.rows(), table.rings(), List.copyOf(summary),
				table.fairness());
	}

	/**
	 * Checks what can be checked of a run before its incidents are read, with the message the run itself
	 * would give: the method, kernel, Gi* weights, forecast method, and a backtest's dates.
	 *
	 * @throws IllegalArgumentException naming the parameter and its rule
	 */
	public static void validate(String method, AnalysisOptions options) {
		requireMethod(method);
		boolean forecasts = List.of("forecast", "backtest", "allocate", "fairness").contains(method);
		if (forecasts || "kde".equals(method)) {
			kernel(options.kernel());
		}
		if (List.of("gistar", "emerging", "fairness").contains(method)) {
			neighbourhood(options.weights(), options.cell());
		}
		boolean gistarAllowed = "fairness".equals(method);
		if (forecasts && !List.of("naive", "kde", "sepp").contains(options.forecast())
				&& !(gistarAllowed && "gistar".equals(options.forecast()))) {
			throw new IllegalArgumentException("forecast method must be naive, kde or sepp"
					+ (gistarAllowed ? " (or gistar for fairness)" : "") + "; was '" + options.forecast() + "'");
		}
		if ("backtest".equals(method) && (options.from() == null || options.to() == null)) {
			throw new IllegalArgumentException("a backtest needs --from and --to");
		}
	}

	private static UnitsDone single(ProgressReport report) {
		report.single("analysing");
		return UnitsDone.NONE;
	}

	private static void requireMethod(String method) {
		if (!METHODS.contains(method)) {
			throw new IllegalArgumentException("method must be one of " + String.join(", ", METHODS) + "; was '"
					+ method + "'");
		}
	}

	/**
	 * Whether a method reads incidents from before {@code from} ({@code trainingDays} of them): forecasts,
	 * backtests and the fairness of a forecast do; the fairness of Gi* hot spots does not.
	 */
	public static boolean readsHistory(String method, String forecast) {
		return "backtest".equals(method) || "forecast".equals(method) || "allocate".equals(method)
				|| "fairness".equals(method) && !"gistar".equals(forecast);
	}

	/**
	 * Counts as {@code options.countsBy()} asks: per grid cell ({@link #counts(IncidentFrame, AnalysisOptions)}),
	 * per neighbourhood or per H3 cell of {@code options.h3Resolution()}.
	 */
	public AnalysisTable counts(IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods) {
		return switch (options.countsBy()) {
			case "area" -> AreaCounts.byArea(frame, neighbourhoods);
			case "h3" -> AreaCounts.byH3(frame, options.h3Resolution());
			default -> counts(frame, options);
		};
	}

	/** Incidents per cell, cells of the study area with at least one. */
	public AnalysisTable counts(IncidentFrame frame, AnalysisOptions options) {
		Grid grid = frame.studyArea().grid(frame, options.cell());
		boolean[] inside = frame.studyArea().cells(grid);
		int[] counts = grid.count(frame.x(), frame.y());
		CellTable table = new CellTable(grid, frame, CELL_COLUMNS);
		for (int c = 0; c < counts.length; c++) {
			if (counts[c] > 0 && (inside == null || inside[c])) {
				table.add(c, counts[c]);
			}
		}
		return table.done("counts", List.of("incidents=" + frame.size() + " cells=" + table.size()));
	}

	/** Density per km² at cell centres (study-area cells with density above 0), with the bandwidth used. */
	public AnalysisTable kde(IncidentFrame frame, AnalysisOptions options) {
		Grid grid = frame.studyArea().grid(frame, options.cell());
		boolean[] inside = frame.studyArea().cells(grid);
		double h = Double.isNaN(options.bandwidth()) ? KernelDensity.defaultBandwidth(frame.x(), frame.y())
				: options.bandwidth();
		Kernel kernel = kernel(options.kernel());
		double[] density = KernelDensity.perKm2(frame.x(), frame.y(), null, grid, kernel, h);
		int[] counts = grid.count(frame.x(), frame.y());
		CellTable table = new CellTable(grid, frame, concat(CELL_COLUMNS, "density_km2"));
		for (int c = 0; c < density.length; c++) {
			if (density[c] > 0 && (inside == null || inside[c])) {
				table.add(c, counts[c], density[c]);
			}
		}
		return table.done("kde", List.of(String.format(Locale.ROOT, "incidents=%d bandwidth=%.1f kernel=%s",
				frame.size(), h, kernel.name().toLowerCase(Locale.ROOT))));
	}

	/**
	 * Gi* on counts of every study-area cell of the grid (neighbours and n from those cells only), p,
	 * BH-adjusted p and class; cells outside the study area are not in the table.
	 */
	public AnalysisTable giStar(IncidentFrame frame, AnalysisOptions options) {
		Grid grid = frame.studyArea().grid(frame, options.cell());
		boolean[] inside = frame.studyArea().cells(grid);
		int[] counts = grid.count(frame.x(), frame.y());
		double[] values = new double[counts.length];
		for (int c = 0; c < counts.length; c++) {
			values[c] = counts[c];
		}
		GiStarResult gi = GiStarResult.analyse(values, grid.nx(), grid.ny(), inside,
				neighbourhood(options.weights(), options.cell()), options.fdr());
		CellTable table = new CellTable(grid, frame, concat(CELL_COLUMNS, "gi_z", "p", "p_fdr", "class"));
		for (int c = 0; c < counts.length; c++) {
			if (inside == null || inside[c]) {
				table.add(c, counts[c], gi.z()[c], gi.p()[c], gi.pFdr()[c], className(gi.bin()[c]));
			}
		}
		return table.done("gistar", List.of("incidents=" + frame.size() + " cells=" + table.size() + " hot="
				+ gi.hotCells() + " cold=" + gi.coldCells() + " fdr=" + options.fdr()));
	}

	/** Knox table: pairs by spatial band (metres, Manhattan) and temporal band (days), with permutation p. */
	public AnalysisTable knox(IncidentFrame frame, AnalysisOptions options) {
		return knox(frame, options, UnitsDone.NONE);
	}

	private AnalysisTable knox(IncidentFrame frame, AnalysisOptions options, UnitsDone permutations) {
		double[] days = frame.days();
		double min = Double.POSITIVE_INFINITY;
		for (double d : days) {
			min = Math.min(min, Math.floor(d));
		}
		int[] time = new int[days.length];
		for (int i = 0; i < days.length; i++) {
			time[i] = (int) (Math.floor(days[i]) - min);
		}
		KnoxTable knox = Knox.table(frame.x(), frame.y(), time, options.spaceBands(), options.timeBands(),
				Knox.Metric.MANHATTAN, options.permutations(), options.seed(), Knox.Strategy.AUTO,
				Knox.DEFAULT_PAIR_BUDGET, permutations);
		List<Object[]> rows = new ArrayList<>();
		for (int s = 0; s < knox.rows(); s++) {
			for (int t = 0; t < knox.columns(); t++) {
				rows.add(knox.row(s, t));
			}
		}
		return new AnalysisTable("knox", KnoxTable.COLUMNS, rows, null, List.of("incidents=" + frame.size() + " permutations=" + knox.permutations() + " seed="
						+ knox.seed()));
	}

	/** Emerging hot spot categories per cell with events, over weekly or monthly steps. */
	public AnalysisTable emerging(IncidentFrame frame, AnalysisOptions options) {
		return emerging(frame, options, new ProgressReport(AnalysisProgress.NONE));
	}

	private AnalysisTable emerging(IncidentFrame frame, AnalysisOptions options, ProgressReport report) {
		Grid grid = frame.studyArea().grid(frame, options.cell());
		boolean[] inside = frame.studyArea().cells(grid);
		LocalDate[] span = span(frame, options);
		Periods periods = Periods.of(span[0], span[1], options.period(), frame.zone());
		int cells = grid.cells();
		int steps = periods.size();
		double[] cube = new double[cells * steps];
		int[] counts = new int[cells];
		double[] days = frame.days();
		for (int i = 0; i < days.length; i++) {
			int step = periods.indexOf(days[i]);
			int c = grid.indexOf(frame.x()[i], frame.y()[i]);
			// a cell outside the study area keeps an empty column, so it is no location and nobody's neighbour
			if (step >= 0 && c >= 0 && (inside == null || inside[c])) {
				cube[step * cells + c]++;
				counts[c]++;
			}
		}
		UnitsDone units = report.units((d, t) -> d <= steps ? "time step " + d + " of " + steps
				: "trend at location " + (d - steps) + " of " + (t - steps));
		EmergingHotSpotAnalysis analysis = EmergingHotSpotAnalysis.analyse(cube, grid.nx(), grid.ny(), steps,
				neighbourhood(options.weights(), options.cell()), 1, EMERGING_ALPHA, EMERGING_ALPHA, units);
		CellTable table = new CellTable(grid, frame, concat(CELL_COLUMNS, "trend_z", "trend_p", "category"));
		for (int c = 0; c < cells; c++) {
			if (counts[c] > 0) {
				table.add(c, counts[c], analysis.trendZ()[c], analysis.trendP()[c],
						analysis.category()[c].name().toLowerCase(Locale.ROOT));
			}
		}
		return table.done("emerging", List.of("incidents=" + frame.size() + " steps=" + steps + " period="
				+ options.period()));
	}

	static String className(int bin) {
		return CLASSES[bin + 3];
	}

	static Kernel kernel(String name) {
		try {
			return Kernel.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("kernel must be quartic, gaussian or epanechnikov; was '" + name + "'");
		}
	}

	static GridNeighbourhood neighbourhood(String weights, double cell) {
		if ("queen".equals(weights)) {
			return GridNeighbourhood.queen();
		}
		if ("rook".equals(weights)) {
			return GridNeighbourhood.rook();
		}
		if (weights != null && weights.startsWith("band:")) {
			try {
				return GridNeighbourhood.distanceBand(Double.parseDouble(weights.substring(5)), cell);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("weights must be queen, rook or band:METRES; was '" + weights + "'");
			}
		}
		throw new IllegalArgumentException("weights must be queen, rook or band:METRES; was '" + weights + "'");
	}

	/** The options' dates, or the first and last local dates of the frame. */
	static LocalDate[] span(IncidentFrame frame, AnalysisOptions options) {
		long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
		for (long s : frame.epochSeconds()) {
			min = Math.min(min, s);
			max = Math.max(max, s);
		}
		LocalDate from = options.from() != null ? options.from()
				: Instant.ofEpochSecond(min).atZone(frame.zone()).toLocalDate();
		LocalDate to = options.to() != null ? options.to() : Instant.ofEpochSecond(max).atZone(frame.zone()).toLocalDate();
		return new LocalDate[] { from, to };
	}

	static List<String> concat(List<String> head, String... tail) {
		List<String> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return List.copyOf(all);
	}

	private static void requireIncidents(IncidentFrame frame) {
		if (frame.size() == 0) {
			throw new IllegalArgumentException("no incidents with coordinates match the filter");
		}
	}

	/** Rows of cells with their centre and square. */
	static final class CellTable {

		private final Grid grid;
		private final IncidentFrame frame;
		private final List<String> columns;
		private final List<Object[]> rows = new ArrayList<>();
		private final List<double[]> rings = new ArrayList<>();

		CellTable(Grid grid, IncidentFrame frame, List<String> columns) {
			this.grid = grid;
			this.frame = frame;
			this.columns = columns;
		}

		void add(int cell, Object... values) {
			int ix = cell % grid.nx();
			int iy = cell / grid.nx();
			double[] centre = CellRings.centre(grid, ix, iy, frame.projection());
			Object[] row = new Object[4 + values.length];
			row[0] = iy;
			row[1] = ix;
			row[2] = centre[0];
			row[3] = centre[1];
			System.arraycopy(values, 0, row, 4, values.length);
			rows.add(row);
			rings.add(CellRings.ring(grid, ix, iy, frame.projection()));
		}

		int size() {
			return rows.size();
		}

		AnalysisTable done(String method, List<String> summary) {
			return new AnalysisTable(method, columns, rows, rings, summary);
		}
	}
}
