package org.beacon.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

import org.beacon.analytics.internal.ForecastScoring;
import org.beacon.analytics.internal.GiStarResult;
import org.beacon.analytics.internal.Grid;
import org.beacon.analytics.internal.Periods;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Who a forecast's flagged cells land on, per neighbourhood. The incidents analysed are those from
 * {@code from} to {@code to}. The study area is the cells whose centre lies in the frame's
 * {@link StudyArea}; with no areas imported (bounding box), the cells holding at least one incident. Each
 * study cell belongs to the neighbourhood most of its incidents carry (ties to the lower key), or, without
 * incidents, to the neighbourhood whose boundary holds its centre (0, unknown, if none). A forecast ({@code naive},
 * {@code kde} or {@code sepp}, made for the period after {@code to}) flags the top cells of the study area by
 * score at the largest of the chosen {@code shares} (by default 5 %, the larger of the backtests' 1 % and 5 %:
 * the widest patrol plan scored; ties by cell index; a score of 0 is never flagged); {@code gistar} flags the
 * Gi* hot cells (any positive class) of the analysed incidents instead.
 *
 * <p>Per neighbourhood: its share of the study area, of the incidents, of the flagged cells (area), of the
 * incidents inside flagged cells, and, where demographics are loaded, of the population; {@code ratio} is
 * flagged area share / incident share (above 1: flagged more than its incidents alone suggest). The
 * repeat-flag rate is the share of cells flagged in one period that are flagged again in the next: for a
 * forecast over the last {@link #REPEAT_PERIODS} periods before the forecast, each forecast from the
 * incidents before it; for Gi* over the periods from {@code from} to {@code to}.
 */
final class Fairness {

	/** Forecasts made for the repeat-flag rate: eight periods (days, weeks or months) of patrol plans. */
	static final int REPEAT_PERIODS = 8;

	static final List<String> COLUMNS = List.of("neighbourhood_id", "code", "name", "cells", "area_share",
			"incidents", "incident_share", "flagged_cells", "flagged_area_share", "flagged_incidents",
			"flagged_incident_share", "ratio");

	static final List<String> POPULATION_COLUMNS = List.of("population", "population_share");

	private Fairness() {
	}

	/** The fairness table of the forecast (or Gi* hot spots) named by {@code options.forecast()}. */
	static AnalysisTable fairness(IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods) {
		return fairness(frame, options, neighbourhoods, null);
	}

	/**
	 * As {@link #fairness(IncidentFrame, AnalysisOptions, Neighbourhoods)}, reusing a forecast already made for
	 * the period after {@code to} on the same grid (or null to make it).
	 */
	static AnalysisTable fairness(IncidentFrame frame, AnalysisOptions options, Neighbourhoods neighbourhoods,
			double[] forecast) {
		// a forecast made by Backtests.forecast is on the same grid, the study area's
		Grid grid = frame.studyArea().grid(frame, options.cell());
		Study study = Study.of(frame, grid, options, neighbourhoods);
		boolean hotSpots = "gistar".equals(options.forecast());
		boolean[] flagged;
		double repeat;
		if (hotSpots) {
			flagged = positive(hotCells(grid, study, study.inSpan::get, options));
			repeat = hotSpotRepeatRate(frame, grid, study, options);
		}
		else {
			double[] score = forecast != null ? forecast
					: Backtests.predict(frame, frame.days(), grid,
							Backtests.Horizon.of(study.to.plusDays(1), options.period(), frame.zone()), options);
			flagged = ForecastScoring.flagged(score, study.inside, flaggedShare(options));
			repeat = forecastRepeatRate(frame, grid, study, options);
		}
		return table(frame, study, flagged, neighbourhoods, options, repeat);
	}

	private static AnalysisTable table(IncidentFrame frame, Study study, boolean[] flagged, Neighbourhoods neighbourhoods,
			AnalysisOptions options, double repeat) {
		TreeMap<Long, long[]> byKey = new TreeMap<>(); // cells, incidents, flagged cells, flagged incidents
		TreeSet<Long> keys = new TreeSet<>(neighbourhoods.population().keySet());
		long incidents = 0;
		long flaggedIncidents = 0;
		for (int i = 0; i < study.cellOf.length; i++) {
			if (study.inSpan.get(i)) {
				long[] counts = byKey.computeIfAbsent(frame.neighbourhood()[i], k -> new long[4]);
				counts[1]++;
				incidents++;
				if (flagged[study.cellOf[i]]) {
					counts[3]++;
					flaggedIncidents++;
				}
			}
		}
		int cells = 0;
		int flaggedCells = 0;
		for (int c = 0; c < study.inside.length; c++) {
			if (study.inside[c]) {
				long[] counts = byKey.computeIfAbsent(study.owner[c], k -> new long[4]);
				counts[0]++;
				cells++;
				if (flagged[c]) {
					counts[2]++;
					flaggedCells++;
				}
			}
		}
		keys.addAll(byKey.keySet());
		boolean population = neighbourhoods.hasPopulation();
		long residents = neighbourhoods.totalPopulation();
		List<Object[]> rows = new ArrayList<>();
		for (long key : keys) {
			long[] n = byKey.getOrDefault(key, new long[4]);
			double incidentShare = share(n[1], incidents);
			double flaggedAreaShare = share(n[2], flaggedCells);
			List<Object> row = new ArrayList<>(List.of(key, neighbourhoods.code(key), neighbourhoods.name(key), n[0],
					share(n[0], cells), n[1], incidentShare, n[2], flaggedAreaShare, n[3], share(n[3], flaggedIncidents),
					flaggedAreaShare / incidentShare));
			if (population) {
				Long people = neighbourhoods.population().get(key);
				row.add(people);
				row.add(people == null ? Double.NaN : share(people, residents));
			}
			rows.add(row.toArray());
		}
		List<String> columns = population ? AnalyticsEngine.concat(COLUMNS, POPULATION_COLUMNS.toArray(String[]::new))
				: COLUMNS;
		String flags = "gistar".equals(options.forecast()) ? "hot_cells"
				: "top_share_" + BigDecimal.valueOf(flaggedShare(options)).toPlainString();
		String summary = String.format(Locale.ROOT,
				"method=%s flags=%s study_cells=%d flagged_cells=%d flagged_incidents=%d repeat_flag_rate=%.4f population=%s",
				options.forecast(), flags, cells, flaggedCells, flaggedIncidents, repeat,
				population ? "loaded residents=" + residents : "none");
		return new AnalysisTable("fairness", columns, rows, null, List.of(summary));
	}

	/** The share of the study area a forecast flags: the largest of the chosen shares. */
	static double flaggedShare(AnalysisOptions options) {
		double largest = 0;
		for (double share : options.shares()) {
			largest = Math.max(largest, share);
		}
		return largest;
	}

	private static double share(long part, long whole) {
		return whole == 0 ? Double.NaN : (double) part / whole;
	}

	/**
	 * The repeat-flag rate of the forecast over the last {@link #REPEAT_PERIODS} periods before the span's end:
	 * each forecast from the incidents before its period, flagged on the same study area.
	 */
	private static double forecastRepeatRate(IncidentFrame frame, Grid grid, Study study, AnalysisOptions options) {
		double[] days = frame.days();
		boolean[] previous = null;
		long before = 0;
		long again = 0;
		LocalDate end = study.to.plusDays(1);
		for (int k = REPEAT_PERIODS - 1; k >= 0; k--) {
			LocalDate start = Periods.plus(end, options.period(), -k);
			double[] score = Backtests.predict(frame, days, grid,
					Backtests.Horizon.of(start, options.period(), frame.zone()), options);
			boolean[] flagged = ForecastScoring.flagged(score, study.inside, flaggedShare(options));
			if (previous != null) {
				for (int c = 0; c < flagged.length; c++) {
					if (previous[c]) {
						before++;
						again += flagged[c] ? 1 : 0;
					}
				}
			}
			previous = flagged;
		}
		return before == 0 ? Double.NaN : (double) again / before;
	}

	/** Share of cells hot in period t that are hot in period t+1, pooled over the span's periods; NaN if none. */
	private static double hotSpotRepeatRate(IncidentFrame frame, Grid grid, Study study, AnalysisOptions options) {
		Periods periods = Periods.whole(study.from, study.to, options.period(), frame.zone());
		double[] days = frame.days();
		int[] step = new int[days.length];
		for (int i = 0; i < days.length; i++) {
			step[i] = periods.indexOf(days[i]);
		}
		int[] previous = null;
		long hotBefore = 0, again = 0;
		for (int p = 0; p < periods.size(); p++) {
			int period = p;
			int[] hot = hotCells(grid, study, i -> step[i] == period, options);
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

	private static int[] hotCells(Grid grid, Study study, java.util.function.IntPredicate keep,
			AnalysisOptions options) {
		int[] cellOf = study.cellOf;
		double[] counts = new double[grid.cells()];
		for (int i = 0; i < cellOf.length; i++) {
			if (cellOf[i] >= 0 && (keep == null || keep.test(i))) {
				counts[cellOf[i]]++;
			}
		}
		return GiStarResult.analyse(counts, grid.nx(), grid.ny(), study.mask,
				AnalyticsEngine.neighbourhood(options.weights(), options.cell()), options.fdr()).bin();
	}

	private static boolean[] positive(int[] bins) {
		boolean[] hot = new boolean[bins.length];
		for (int c = 0; c < bins.length; c++) {
			hot[c] = bins[c] > 0;
		}
		return hot;
	}

	/**
	 * The analysed span, its incidents, the study area (cells whose centre is in the frame's study area, or
	 * without one the cells holding any incident) and each study cell's neighbourhood (the one most of its
	 * incidents carry, ties to the lower key; else the one holding its centre). {@code mask} is the study
	 * area's cells, null without a boundary (Gi* then runs on the whole grid, as before).
	 */
	record Study(LocalDate from, LocalDate to, double end, int[] cellOf, java.util.BitSet inSpan,
			boolean[] inside, long[] owner, boolean[] mask) {

		static Study of(IncidentFrame frame, Grid grid, AnalysisOptions options, Neighbourhoods neighbourhoods) {
			LocalDate[] span = AnalyticsEngine.span(frame, options);
			double start = Periods.day(span[0], frame.zone());
			double end = Periods.day(span[1].plusDays(1), frame.zone());
			double[] days = frame.days();
			int[] cellOf = new int[frame.size()];
			java.util.BitSet inSpan = new java.util.BitSet(frame.size());
			java.util.Map<Integer, TreeMap<Long, Integer>> byCell = new java.util.HashMap<>();
			for (int i = 0; i < cellOf.length; i++) {
				cellOf[i] = grid.indexOf(frame.x()[i], frame.y()[i]);
				if (days[i] >= start && days[i] < end && cellOf[i] >= 0) {
					inSpan.set(i);
					byCell.computeIfAbsent(cellOf[i], c -> new TreeMap<>()).merge(frame.neighbourhood()[i], 1,
							Integer::sum);
				}
			}
			boolean[] mask = frame.studyArea().cells(grid);
			boolean[] inside = mask != null ? mask.clone() : new boolean[grid.cells()];
			long[] owner = new long[grid.cells()];
			if (mask != null) {
				ownByBoundary(frame, grid, mask, neighbourhoods, owner);
			}
			for (var cell : byCell.entrySet()) {
				if (mask != null && !mask[cell.getKey()]) {
					continue;
				}
				int most = -1;
				for (var n : cell.getValue().entrySet()) {
					if (n.getValue() > most) {
						most = n.getValue();
						owner[cell.getKey()] = n.getKey();
					}
				}
				inside[cell.getKey()] = true;
			}
			return new Study(span[0], span[1], end, cellOf, inSpan, inside, owner, mask);
		}

		/** Each study cell's neighbourhood by the boundary holding its centre, where boundaries are known. */
		private static void ownByBoundary(IncidentFrame frame, Grid grid, boolean[] mask, Neighbourhoods neighbourhoods,
				long[] owner) {
			if (neighbourhoods.shapes().isEmpty()) {
				return;
			}
			List<Long> keys = new ArrayList<>(new TreeSet<>(neighbourhoods.shapes().keySet()));
			List<Envelope> boxes = new ArrayList<>();
			List<IndexedPointInAreaLocator> locators = new ArrayList<>();
			for (long key : keys) {
				Geometry shape = neighbourhoods.shapes().get(key);
				boxes.add(shape.getEnvelopeInternal());
				locators.add(new IndexedPointInAreaLocator(shape));
			}
			double[] latLon = new double[2];
			for (int c = 0; c < mask.length; c++) {
				if (!mask[c]) {
					continue;
				}
				frame.projection().toDegrees(grid.centreX(c % grid.nx()), grid.centreY(c / grid.nx()), latLon);
				Coordinate centre = new Coordinate(latLon[1], latLon[0]);
				for (int k = 0; k < keys.size(); k++) {
					if (boxes.get(k).contains(centre) && locators.get(k).locate(centre) != Location.EXTERIOR) {
						owner[c] = keys.get(k);
						break;
					}
				}
			}
		}
	}
}
