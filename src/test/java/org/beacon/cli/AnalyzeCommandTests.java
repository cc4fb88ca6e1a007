package org.beacon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * {@code analyze} on {@code four-cells.csv}: burglaries at the centres of four 500 m cells in a row (an
 * equirectangular sphere projection puts them at x = 250, 750, 1250, 1750 m, y = 250 m):
 *
 * <pre>
 *   2024-01-03 (week A): cells 0,0,0,1,2,3     2024-01-10 (week B): cells 0,3,3     2024-01-17 (week C): 3,1
 * </pre>
 *
 * plus a row without coordinates (skipped) and a robbery (filtered out by {@code --category burglary}).
 * Counts per cell: 4, 2, 1, 4.
 */
@SpringBootTest
class AnalyzeCommandTests {

	static final String EQC = "+proj=eqc +lat_ts=0 +lat_0=0 +lon_0=0 +x_0=0 +y_0=0 +a=6371000 +b=6371000 +units=m +no_defs";

	@Autowired
	ApplicationContext context;

	@Test
	void countsIncidentsPerCell() {
		CommandRun run = analyze("counts");

		assertThat(run.exitCode()).isZero();
		List<String[]> rows = run.rows();
		assertThat(run.header()).isEqualTo("cell_row,cell_col,center_lat,center_lon,count");
		assertThat(rows).extracting(r -> r[1] + ":" + r[4]).containsExactly("0:4", "1:2", "2:1", "3:4");
		// centre of cell 0: (250 m, 250 m) → 250/6371000 rad = 0.00224830°
		assertThat(Double.parseDouble(rows.get(0)[2])).isCloseTo(0.0022483040, within(1e-9));
		assertThat(Double.parseDouble(rows.get(0)[3])).isCloseTo(0.0022483040, within(1e-9));
		assertThat(run.err()).contains("incidents=11 cells=4");
	}

	/**
	 * Counts x = (4, 2, 1, 4), queen neighbours in one row, self included: x̄ = 11/4, S = √(37/4 − x̄²) = √1.6875.
	 * Cell 0 sums 4 + 2 = 6 over W = 2: z = (6 − 2·2.75) / (S·√((4·2 − 2²)/3)) = 0.5/1.5 = 1/3. Cell 1 sums 7 over
	 * W = 3: z = (7 − 8.25)/(S·√((12 − 9)/3)) = −1.25/√1.6875 = −0.96225. Nothing is significant.
	 */
	@Test
	void computesGiStarByHand() {
		CommandRun run = analyze("gistar");

		assertThat(run.header()).isEqualTo("cell_row,cell_col,center_lat,center_lon,count,gi_z,p,p_fdr,class");
		List<String[]> rows = run.rows();
		assertThat(rows).hasSize(4);
		assertThat(Double.parseDouble(rows.get(0)[5])).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(Double.parseDouble(rows.get(1)[5])).isCloseTo(-1.25 / Math.sqrt(1.6875), within(1e-9));
		assertThat(Double.parseDouble(rows.get(2)[5])).isCloseTo(-1.25 / Math.sqrt(1.6875), within(1e-9));
		assertThat(Double.parseDouble(rows.get(3)[5])).isCloseTo(-1.0 / 3, within(1e-9));
		assertThat(rows).allSatisfy(r -> assertThat(r[8]).isEqualTo("not_significant"));
	}

	/**
	 * Quartic kernel, h = 100 m, events at cell centres 500 m apart: each centre sees only its own events, each
	 * contributing 3/(π h²) per m², i.e. 3·10⁶/(π·10⁴) = 95.493 per km².
	 */
	@Test
	void estimatesDensityAtCellCentres() {
		CommandRun run = analyze("kde", "--bandwidth", "100", "--kernel", "quartic");

		List<String[]> rows = run.rows();
		double one = 3e6 / (Math.PI * 1e4);
		assertThat(rows).hasSize(4);
		assertThat(Double.parseDouble(rows.get(0)[5])).isCloseTo(4 * one, within(1e-6));
		assertThat(Double.parseDouble(rows.get(2)[5])).isCloseTo(one, within(1e-6));
	}

	/**
	 * Pairs closer than 600 m (same or adjacent cell, Manhattan) and less than 7 days apart: week A gives
	 * C(3,2) = 3 in cell 0, 3·1 between cells 0 and 1, 1 between 1 and 2, 1 between 2 and 3; week B gives 1 in
	 * cell 3; week C none: 9. All pairs: 11·10/2 = 55.
	 */
	@Test
	void countsNearRepeatPairs() {
		CommandRun run = analyze("knox", "--bands", "0,600", "--days", "0,7", "--permutations", "19");

		List<String[]> rows = run.rows();
		assertThat(run.header()).isEqualTo(
				"space_band,time_band,space_from_m,space_to_m,time_from_days,time_to_days,observed,expected,ratio,p");
		assertThat(rows).hasSize(4);
		// labels hold a comma, so the CSV quotes them; the bounds beside them are numbers, the open end empty
		assertThat(run.lines().get(1)).startsWith("\"[0, 600) m\",\"[0, 7) days\",0.0,600.0,0,7,9,");
		assertThat(run.lines().get(4)).startsWith("\"[600, ∞) m\",\"[7, ∞) days\",600.0,,7,,");
		assertThat(run.lines().stream().skip(1).mapToLong(l -> Long.parseLong(l.split("\\) days\",")[1].split(",")[4]))
			.sum()).isEqualTo(55);
	}

	@Test
	void classifiesEmergingHotSpotsOfEveryCellWithIncidents() {
		CommandRun run = analyze("emerging", "--from", "2024-01-01", "--to", "2024-01-21");

		assertThat(run.exitCode()).isZero();
		assertThat(run.header()).endsWith(",count,trend_z,trend_p,category");
		assertThat(run.rows()).extracting(r -> r[4]).containsExactly("4", "2", "1", "4");
		assertThat(run.err()).contains("steps=3 period=week");
	}

	/** The naive forecast for 2024-01-22 is last week's events: one each in cells 1 and 3. */
	@Test
	void forecastsLastWeeksEventsNaively() {
		CommandRun run = analyze("forecast", "--method", "naive", "--to", "2024-01-21");

		assertThat(run.rows()).extracting(r -> r[1] + ":" + r[4]).containsExactly("1:1.0", "3:1.0");
	}

	/**
	 * Fairness of that forecast: the study area is the four cells (all 11 burglaries, neighbourhood unknown);
	 * top 5 % flags max(1, ⌊0.05·4⌋) = 1 cell, cell 1 (tied with cell 3, ties by index), holding 2 burglaries.
	 * Repeat flags: the forecasts for 8, 15 and 22 January flag cells 0, 3 and 1: 0 of 2 flagged again.
	 */
	@Test
	void writesTheForecastsFairnessTable(@TempDir Path dir) throws IOException {
		Path fairness = dir.resolve("fairness.csv");

		CommandRun run = analyze("forecast", "--method", "naive", "--to", "2024-01-21", "--fairness-out",
				fairness.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(Files.readAllLines(fairness)).containsExactly(
				"neighbourhood_id,code,name,cells,area_share,incidents,incident_share,flagged_cells,flagged_area_share,"
						+ "flagged_incidents,flagged_incident_share,ratio",
				"0,,unknown,4,1.0,11,1.0,1,1.0,2,1.0,1.0");
		assertThat(run.err()).contains("fairness: method=naive flags=top_share_0.05 study_cells=4 flagged_cells=1 "
				+ "flagged_incidents=2 repeat_flag_rate=0.0000 population=none");
	}

	@Test
	void printsTheFairnessOfGiStarHotSpotsOnRequest() {
		CommandRun run = analyze("fairness", "--method", "gistar");

		assertThat(run.exitCode()).isZero();
		assertThat(run.header()).startsWith("neighbourhood_id,code,name,cells,area_share,incidents");
		// nothing is significant on four cells, so nothing is flagged
		assertThat(run.rows()).extracting(r -> r[7]).containsExactly("0");
		assertThat(run.err()).contains("method=gistar flags=hot_cells study_cells=4 flagged_cells=0");
	}

	/**
	 * Study area: cells with events before 2024-01-08, all four; 1 % and 5 % both flag one cell. Week B: the
	 * forecast (week A) ranks cell 0 first, which holds 1 of the week's 3 events: hit 1/3, PAI (1/3)/(1/4) = 4/3,
	 * PEI 1/2 (the best cell held 2). Week C: forecast (week B) ranks cell 3 first, 1 of 2 events: hit 1/2,
	 * PAI 2, PEI 1. Means: PAI 5/3, PEI 3/4, hit 5/12.
	 */
	@Test
	void backtestsWeeklyAndPrintsMeanScoresLast(@TempDir Path dir) throws IOException {
		Path geo = dir.resolve("x.geojson");
		CommandRun run = analyze("backtest", "--method", "naive", "--period", "week", "--from", "2024-01-08", "--to",
				"2024-01-21");

		assertThat(run.exitCode()).isZero();
		List<String> lines = run.lines();
		assertThat(lines.get(0)).isEqualTo("period_start,events,pai_1,pei_1,hit_1,pai_5,pei_5,hit_5");
		assertThat(lines.get(1)).startsWith("2024-01-08,3,1.333333333333333").contains(",0.5,");
		assertThat(lines.get(2)).isEqualTo("2024-01-15,2,2.0,1.0,0.5,2.0,1.0,0.5");
		assertThat(lines.get(3)).startsWith("study_area=bounding_box");
		assertThat(lines.get(4)).isEqualTo("method=naive periods=2 mean_pai_1=1.6667 mean_pei_1=0.7500 "
				+ "mean_hit_1=0.4167 mean_pai_5=1.6667 mean_pei_5=0.7500 mean_hit_5=0.4167");
		assertThat(analyze("counts", "--geojson", geo.toString()).exitCode()).isZero();
		assertThat(Files.readString(geo)).startsWith("{\"type\":\"FeatureCollection\"").contains("\"count\":4");
	}

	/**
	 * The forecast for the day after 16 January is that day's events (none), not the week's; the summary
	 * names the horizon.
	 */
	@Test
	void forecastsTheNextDayWithPeriodDay() {
		CommandRun daily = analyze("forecast", "--method", "naive", "--period", "day", "--to", "2024-01-16");
		CommandRun weekly = analyze("forecast", "--method", "naive", "--to", "2024-01-16");

		assertThat(daily.exitCode()).isZero();
		assertThat(daily.rows()).isEmpty();
		assertThat(daily.err()).contains("method=naive forecast=day from=2024-01-17 to=2024-01-17 horizon_days=1");
		// the week of 10-16 January: one event in cell 0, two in cell 3
		assertThat(weekly.rows()).extracting(r -> r[1] + ":" + r[4]).containsExactly("0:1.0", "3:2.0");
		assertThat(weekly.err()).contains("forecast=week from=2024-01-17 to=2024-01-23 horizon_days=7");
	}

	/** Emerging hot spots take day steps too: 1 to 21 January is 21 steps. */
	@Test
	void classifiesEmergingHotSpotsOverDaySteps() {
		CommandRun run = analyze("emerging", "--from", "2024-01-01", "--to", "2024-01-21", "--period", "day");

		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).contains("steps=21 period=day");
	}

	/** As {@link #backtestsWeeklyAndPrintsMeanScoresLast}: 10 % of four cells still flags one, named by percent. */
	@Test
	void backtestsAtTheSharesChosen() {
		CommandRun run = analyze("backtest", "--method", "naive", "--period", "week", "--from", "2024-01-08", "--to",
				"2024-01-21", "--shares", "0.1");

		assertThat(run.exitCode()).isZero();
		List<String> lines = run.lines();
		assertThat(lines.get(0)).isEqualTo("period_start,events,pai_10,pei_10,hit_10");
		assertThat(lines.get(2)).isEqualTo("2024-01-15,2,2.0,1.0,0.5");
		assertThat(lines.get(3)).startsWith("study_area=bounding_box");
		assertThat(lines.get(4)).isEqualTo("method=naive periods=2 mean_pai_10=1.6667 mean_pei_10=0.7500 "
				+ "mean_hit_10=0.4167");
	}

	@Test
	void refusesSharesOutsideZeroToOneOrNotANumber() {
		String[] backtest = { "--method", "naive", "--from", "2024-01-08", "--to", "2024-01-21", "--shares" };

		CommandRun zero = analyze("backtest", concat(backtest, "0.01,0"));
		CommandRun over = analyze("backtest", concat(backtest, "1.5"));
		CommandRun text = analyze("backtest", concat(backtest, "five"));

		assertThat(zero.exitCode()).isEqualTo(2);
		assertThat(zero.err()).contains("shares must each be more than 0 and at most 1, was 0.0");
		assertThat(over.exitCode()).isEqualTo(2);
		assertThat(over.err()).contains("shares must each be more than 0 and at most 1, was 1.5");
		assertThat(text.exitCode()).isEqualTo(2);
		assertThat(text.err()).contains("--shares").contains("five");
	}

	/**
	 * The bar goes to the process's standard error, apart from the table and the summary: standard output is
	 * the same with and without it, and the bar ends at the backtest's second (last) week.
	 */
	@Test
	void drawsTheBacktestsProgressOnStandardErrorAndLeavesStandardOutputAsItWas() {
		String[] backtest = { "--method", "naive", "--period", "week", "--from", "2024-01-08", "--to", "2024-01-21" };
		CommandRun quiet = analyze("backtest", concat(backtest, "--no-progress"));
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		PrintStream original = System.err;
		CommandRun shown;
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		try {
			shown = analyze("backtest", concat(backtest, "--progress"));
		}
		finally {
			System.setErr(original);
		}

		assertThat(shown.exitCode()).isZero();
		assertThat(shown.out()).isEqualTo(quiet.out()).contains("method=naive periods=2");
		assertThat(shown.err()).isEqualTo(quiet.err());
		String bar = stderr.toString(StandardCharsets.UTF_8);
		assertThat(bar).contains("backtest").contains("2/2").contains("week 2 of 2");
	}

	private static String[] concat(String[] head, String last) {
		String[] all = java.util.Arrays.copyOf(head, head.length + 1);
		all[head.length] = last;
		return all;
	}

	@Test
	void refusesAnUnknownMethodAndCategory() {
		assertThat(analyze("hexbins").err()).contains("method must be one of counts, kde");
		assertThat(run("analyze", "counts", "--category", "piracy", "--csv", fixture()).exitCode()).isEqualTo(2);
	}

	private CommandRun analyze(String method, String... more) {
		List<String> args = new ArrayList<>(List.of("analyze", method, "--csv", fixture(), "--columns",
				"time=when,lat=latitude,lon=longitude,category=offense", "--projection", EQC, "--category", "burglary",
				"--cell", "500"));
		args.addAll(List.of(more));
		return run(args.toArray(String[]::new));
	}

	private static String fixture() {
		return CommandRun.resource("/analytics/four-cells.csv");
	}

	private CommandRun run(String... args) {
		return CommandRun.beacon(context, args);
	}
}
