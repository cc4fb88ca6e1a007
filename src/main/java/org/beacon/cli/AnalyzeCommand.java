package org.beacon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.analytics.AnalysisOptions;
import org.beacon.analytics.AnalysisProgress;
import org.beacon.analytics.AnalysisTable;
import org.beacon.analytics.AnalyticsEngine;
import org.beacon.analytics.IncidentFrame;
import org.beacon.analytics.IncidentFrames;
import org.beacon.identity.AuditTrail;
import org.beacon.incidents.IncidentFilter;
import org.beacon.incidents.OffenseCategory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code beacon analyze METHOD}: runs an analytics method on stored incidents or straight on a CSV file and
 * writes the table as CSV (standard output or {@code --out}) and, for cell results, GeoJSON; the summary goes
 * last on standard output for a backtest and to standard error otherwise. Long runs (backtest, knox,
 * emerging, a SEPP forecast) draw a progress bar on standard error when it is a terminal ({@code --progress}
 * and {@code --no-progress} decide otherwise).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
		description = { "Analyse incidents: counts | kde | gistar | knox | emerging | forecast | backtest | fairness.",
				"Reads stored incidents of the agency, or a CSV file with --csv and --profile (stl-slmpd, or generic "
						+ "with --columns time=..,lat=..,lon=..[,category=..])." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:done", "2:bad arguments or no incidents" })
class AnalyzeCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "METHOD", description = "counts, kde, gistar, knox, emerging, forecast, backtest, allocate or fairness.")
	String method;

	@Option(names = "--from", description = "First local date (backtest: first forecast period).")
	LocalDate from;

	@Option(names = "--to", description = "Last local date, inclusive.")
	LocalDate to;

	@Option(names = "--category", paramLabel = "CATEGORY",
			description = "Offense category (e.g. burglary), part1 or part2; repeatable. Default: all.")
	List<String> categories = List.of();

	@Option(names = "--cell", paramLabel = "METRES", defaultValue = "150", description = "Grid cell side (default ${DEFAULT-VALUE}).")
	double cell;

	@Option(names = "--bandwidth", paramLabel = "METRES",
			description = "Kernel bandwidth (default: ArcGIS's rule for kde, 2 cells for forecasts).")
	Double bandwidth;

	@Option(names = "--kernel", defaultValue = "quartic", description = "quartic, gaussian or epanechnikov.")
	String kernel;

	@Option(names = "--weights", defaultValue = "queen", description = "Gi* neighbours: queen, rook or band:METRES.")
	String weights;

	@Option(names = "--no-fdr", description = "Gi* classes on unadjusted p-values.")
	boolean noFdr;

	@Option(names = "--bands", split = ",", paramLabel = "METRES", description = "Knox spatial breaks (default 0,100,200,400,800).")
	double[] bands;

	@Option(names = "--days", split = ",", paramLabel = "DAYS", description = "Knox temporal breaks (default 0,7,14,28,56).")
	int[] days;

	@Option(names = "--permutations", defaultValue = "99", description = "Knox permutations.")
	int permutations;

	@Option(names = "--seed", defaultValue = "1", description = "Knox permutation seed.")
	long seed;

	@Option(names = "--period", defaultValue = "week",
			description = "day, week or month: a forecast's horizon, backtest periods, emerging steps.")
	String period;

	@Option(names = "--shares", split = ",", paramLabel = "SHARE",
			description = "Backtest: PAI, PEI and hit rate at these shares of the area, each in (0, 1] (default "
					+ "0.01,0.05); forecast and fairness flag the largest.")
	double[] shares;

	@Option(names = "--method", defaultValue = "naive",
			description = "Forecast: naive, kde or sepp; fairness also gistar (Gi* hot cells instead of a forecast).")
	String forecast;

	@Option(names = "--training-days", defaultValue = "365", description = "History before each forecast, days.")
	int trainingDays;

	@Option(names = "--tau", defaultValue = "28", description = "KDE forecast recency decay, days.")
	double tau;

	@Option(names = "--units", defaultValue = "10", description = "allocate: patrol or outreach units to place.")
	int units;

	@Option(names = "--radius", defaultValue = "300", description = "allocate: how far a unit covers, metres.")
	double radius;

	@Option(names = "--max-per-neighbourhood", defaultValue = "0",
			description = "allocate: the most units one neighbourhood receives (0: no cap).")
	int maxPerNeighbourhood;

	@Option(names = "--min-lag-hours", defaultValue = "1",
			description = "SEPP: events closer in time than this do not trigger one another (0: the published model).")
	double minLagHours;

	@Option(names = "--trigger-sigma", defaultValue = "fit", paramLabel = "fit|METRES",
			description = "SEPP: spread of triggered events around their parent's cell, metres per axis: fit (by EM, "
					+ "the default), 0 (within the cell only, the 2015 grid model) or a fixed value up to 1000.")
	String triggerSigma;

	@Option(names = "--counts-by", defaultValue = "grid", paramLabel = "grid|area|h3",
			description = "counts: per grid cell of --cell metres, per neighbourhood or per H3 cell (default ${DEFAULT-VALUE}).")
	String countsBy;

	@Option(names = "--h3-resolution", defaultValue = "9", paramLabel = "N",
			description = "counts --counts-by h3: the H3 resolution, 0 to 15 (default ${DEFAULT-VALUE}).")
	int h3Resolution;

	@Option(names = "--areas", split = ",", paramLabel = "ID",
			description = "Only incidents and cells inside these neighbourhoods (the agency's area ids).")
	Set<Long> areas = Set.of();

	@Option(names = "--out", paramLabel = "FILE", description = "Write the table to this CSV file.")
	Path out;

	@Option(names = "--fairness-out", paramLabel = "FILE",
			description = "Forecast: write its fairness table (per neighbourhood) to this CSV file.")
	Path fairnessOut;

	@Option(names = "--geojson", paramLabel = "FILE", description = "Write cell results as GeoJSON.")
	Path geojson;

	@Option(names = "--csv", paramLabel = "FILE", description = "Analyse this CSV file instead of stored incidents.")
	Path csv;

	@Option(names = "--profile", defaultValue = "generic", description = "CSV profile: stl-slmpd or generic.")
	String profile;

	@Option(names = "--columns", split = ",", paramLabel = "KEY=COLUMN", description = "Generic CSV columns.")
	Map<String, String> columns = new LinkedHashMap<>();

	@Option(names = "--projection", description = "EPSG code or proj4 string for metres (default: the agency's).")
	String projection;

	@Option(names = "--agency", paramLabel = "CODE", description = "Agency code (default: the default agency).")
	String agencyCode;

	@Option(names = "--progress", negatable = true,
			description = "A progress bar on standard error (default: when standard error is a terminal).")
	Boolean progress;

	@Spec
	CommandSpec spec;

	private final IncidentFrames frames;
	private final AnalyticsEngine engine;
	private final Agencies agencies;
	private final AuditTrail auditTrail;

	AnalyzeCommand(IncidentFrames frames, AnalyticsEngine engine, Agencies agencies, AuditTrail auditTrail) {
		this.frames = frames;
		this.engine = engine;
		this.agencies = agencies;
		this.auditTrail = auditTrail;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter stderr = spec.commandLine().getErr();
		try {
			Agency agency = agencyCode == null ? agencies.defaultAgency()
					: agencies.byCode(agencyCode).orElseThrow(() -> new IllegalArgumentException("no agency '" + agencyCode + "'"));
			AnalysisOptions options = options();
			IncidentFilter filter = new IncidentFilter(agency.id(), frameFrom(), to, categories(categories));
			IncidentFrame frame = csv != null ? frames.fromCsv(csv, profile, columns, filter, projection, areas)
					: frames.frame(filter, areas);
			AnalysisTable table;
			try (AnalyzeProgress bar = new AnalyzeProgress(method, System.err)) {
				boolean showBar = progress != null ? progress : AnalyzeProgress.stderrIsTerminal();
				table = engine.run(method, frame, options, frames.neighbourhoods(agency.id(), csv != null),
						showBar ? bar : AnalysisProgress.NONE);
			}
			if (out != null) {
				try (Writer w = Files.newBufferedWriter(out)) {
					table.writeCsv(w);
				}
			}
			else {
				table.writeCsv(stdout);
			}
			if (geojson != null) {
				try (Writer w = Files.newBufferedWriter(geojson)) {
					table.writeGeoJson(w);
				}
			}
			if (fairnessOut != null && table.fairness() != null) {
				try (Writer w = Files.newBufferedWriter(fairnessOut)) {
					table.fairness().writeCsv(w);
				}
			}
			recordExport(agency, table);
			PrintWriter summary = "backtest".equals(method) || out != null ? stdout : stderr;
			table.summary().forEach(summary::println);
			if (table.fairness() != null) {
				table.fairness().summary().forEach(line -> summary.println("fairness: " + line));
			}
			stdout.flush();
			return 0;
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			stderr.println("analyze: " + e.getMessage());
			return 2;
		}
	}

	/** Files written are exports, audited like the web's: method, agency, file names and rows. */
	private void recordExport(Agency agency, AnalysisTable table) {
		String files = Stream.of(out, geojson, fairnessOut).filter(Objects::nonNull)
				.map(file -> String.valueOf(file.getFileName())).collect(Collectors.joining(","));
		if (!files.isEmpty()) {
			auditTrail.record(agency.id(), "analytics.export",
					method + " agency=" + agency.code() + " files=" + files + " rows=" + table.rows().size(), "success");
		}
	}

	private AnalysisOptions options() {
		AnalysisOptions d = AnalysisOptions.defaults();
		return new AnalysisOptions(from, to, cell, bandwidth == null ? Double.NaN : bandwidth, kernel, weights, !noFdr,
				bands == null ? d.spaceBands() : bands, days == null ? d.timeBands() : days, permutations, seed, period,
				forecast, trainingDays, tau, minLagHours, triggerSigma(), units, radius, maxPerNeighbourhood,
				shares == null ? d.shares() : shares, countsBy, h3Resolution);
	}

	/** Backtests and forecasts read history before {@code --from}. */
	private double triggerSigma() {
		if ("fit".equalsIgnoreCase(triggerSigma.trim())) {
			return Double.NaN;
		}
		try {
			return Double.parseDouble(triggerSigma.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("trigger-sigma must be fit, 0 or a number of metres, was '" + triggerSigma
					+ "'");
		}
	}

	private LocalDate frameFrom() {
		boolean history = AnalyticsEngine.readsHistory(method, forecast);
		return from == null || !history ? from : from.minusDays(trainingDays);
	}

	static Set<OffenseCategory> categories(List<String> names) {
		Set<OffenseCategory> set = EnumSet.noneOf(OffenseCategory.class);
		for (String name : names) {
			String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			if (n.equals("PART1") || n.equals("PART2")) {
				int part = n.equals("PART1") ? 1 : 2;
				Arrays.stream(OffenseCategory.values()).filter(c -> c.ucrPart() == part).forEach(set::add);
			}
			else {
				try {
					set.add(OffenseCategory.valueOf(n));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("unknown category '" + name + "'");
				}
			}
		}
		return set;
	}
}
