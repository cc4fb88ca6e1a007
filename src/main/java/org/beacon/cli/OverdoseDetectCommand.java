package org.beacon.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.overdose.AreaGrouping;
import org.beacon.overdose.ClusterRow;
import org.beacon.overdose.DetectionMethod;
import org.beacon.overdose.DetectionRow;
import org.beacon.overdose.ImportProblem;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseDetection;
import org.beacon.overdose.OverdoseEvent;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.ParsedEvents;
import org.beacon.overdose.ScanReport;
import org.beacon.overdose.ScanSettings;
import org.beacon.overdose.SeriesReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code beacon overdose detect --method c1|c2|c3|cusum|scan --by ... [--csv FILE --profile P] --from .. --to ..
 * --out FILE}: runs a detector on the stored events or straight on a file and writes
 * {@code date,area,count,baseline_mean,baseline_sd,statistic,alarm}, or for the scan its cluster table.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
		description = { "Detect overdose spikes in stored events or in a CSV file, and write the result as CSV.",
				"EARS and CUSUM write date,area,count,baseline_mean,baseline_sd,statistic,alarm for every area with "
						+ "events and every day from --from to --to (baselines read the 28 days before --from). "
						+ "The scan writes its clusters, most likely first, with Monte Carlo p-values. Empty fields "
						+ "are days before a method's first statistic; Inf is a rise over a zero-SD baseline." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:done, but some rows of --csv were rejected", "2:bad arguments" })
class OverdoseDetectCommand implements Callable<Integer> {

	static final String SERIES_HEADER = "date,area,count,baseline_mean,baseline_sd,statistic,alarm";

	static final String CLUSTER_HEADER = "cluster,centre,areas,centre_lat,centre_lon,radius_m,start,end,cases,expected,"
			+ "observed_over_expected,llr,p_value";

	@Option(names = "--method", required = true, paramLabel = "METHOD", description = "c1, c2, c3, cusum or scan.")
	String method;

	@Option(names = "--by", paramLabel = "AREAS",
			description = "jurisdiction, county, city, neighbourhood or h3:RES (default: jurisdiction; h3:8 for the scan).")
	String by;

	@Option(names = "--csv", paramLabel = "FILE", description = "Read events from this file instead of the database.")
	Path csv;

	@Option(names = "--profile", paramLabel = "PROFILE", description = "The --csv file's profile: pa-odin, tempe or ct-deaths.")
	String profile;

	@Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day reported (default: the first event's day).")
	LocalDate from;

	@Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day reported (default: the last event's day).")
	LocalDate to;

	@Option(names = "--out", paramLabel = "FILE", description = "Where to write the CSV (default: standard output).")
	Path out;

	@Option(names = "--agency", paramLabel = "CODE", description = "Agency code (default: the configured default agency).")
	String agencyCode;

	@Option(names = "--min-sigma", paramLabel = "CASES",
			description = "Floor under the baseline SD in cases a day (default: 1; 0 is the CDC definition).")
	Double minSigma;

	@Option(names = "--replications", defaultValue = "999", description = "Scan: Monte Carlo replications (default: ${DEFAULT-VALUE}).")
	int replications;

	@Option(names = "--seed", defaultValue = "20240601", description = "Scan: random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--window-days", paramLabel = "DAYS", defaultValue = "7", description = {
			"Scan: longest cluster in days (default: ${DEFAULT-VALUE}).",
			"0 means no fixed limit: clusters up to half of the study period (--from to --to), SaTScan's default." })
	int windowDays;

	@Option(names = "--max-radius-m", paramLabel = "METRES", description = "Scan: largest circle radius (default: none).")
	Double maxRadius;

	@Option(names = "--prospective", description = "Scan: only clusters that last until --to.")
	boolean prospective;

	@Spec
	CommandSpec spec;

	private final OverdoseEvents events;
	private final OverdoseDetection detection;
	private final Agencies agencies;

	OverdoseDetectCommand(OverdoseEvents events, OverdoseDetection detection, Agencies agencies) {
		this.events = events;
		this.detection = detection;
		this.agencies = agencies;
	}

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		try {
			DetectionMethod detector = DetectionMethod.parse(method);
			AreaGrouping grouping = AreaGrouping.parse(by != null ? by : detector == DetectionMethod.SCAN ? "h3:8"
					: "jurisdiction");
			Agency agency = agency(agencies, agencyCode);
			if ((csv == null) != (profile == null)) {
				throw new IllegalArgumentException("--csv and --profile go together");
			}
			if (from != null && to != null && to.isBefore(from)) {
				throw new IllegalArgumentException("--to " + to + " is before --from " + from);
			}
			List<OverdoseEvent> input;
			int rejected = 0;
			if (csv != null) {
				ParsedEvents parsed = events.read(agency.id(), csv, ImportProfile.parse(profile));
				for (ImportProblem problem : parsed.problems()) {
					err.println(csv.getFileName() + ": " + problem);
				}
				rejected = parsed.problems().size();
				input = parsed.events();
			}
			else {
				input = events.events(agency.id(), from == null ? null : from.minusDays(OverdoseDetection.HISTORY_DAYS), to);
			}
			if (input.isEmpty()) {
				throw new IllegalArgumentException("no events" + (csv == null ? " stored for agency " + agency.code() : " in " + csv));
			}
			LocalDate first = from != null ? from : input.stream().map(e -> e.entry().occurredDate()).min(Comparator.naturalOrder()).orElseThrow();
			LocalDate last = to != null ? to : input.stream().map(e -> e.entry().occurredDate()).max(Comparator.naturalOrder()).orElseThrow();
			if (last.isBefore(first)) {
				throw new IllegalArgumentException("--to " + last + " is before the first event's day " + first);
			}
			if (detector == DetectionMethod.SCAN) {
				ScanSettings settings = new ScanSettings(replications, seed, windowDays,
						maxRadius == null ? Double.POSITIVE_INFINITY : maxRadius, prospective);
				ScanReport report = detection.scan(agency.id(), input, grouping, first, last, settings);
				write(w -> writeClusters(w, report.clusters()));
				err.printf("cases=%d locations=%d days=%d clusters=%d left_out=%d%n", report.cases(), report.locations(),
						report.days(), report.clusters().size(), report.eventsLeftOut());
			}
			else {
				SeriesReport report = detection.series(agency.id(), input, detector, grouping, first, last, minSigma);
				write(w -> writeSeries(w, report.rows()));
				err.printf("rows=%d alarms=%d left_out=%d%n", report.rows().size(), report.alarms(), report.eventsLeftOut());
			}
			err.flush();
			return rejected == 0 ? 0 : 1;
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.flush();
			return 2;
		}
		catch (IOException e) {
			err.println("cannot write " + out + ": " + e.getMessage());
			err.flush();
			return 2;
		}
	}

	static Agency agency(Agencies agencies, String code) {
		return code == null ? agencies.defaultAgency()
				: agencies.byCode(code).orElseThrow(() -> new IllegalArgumentException("no agency with code '" + code + "'"));
	}

	private interface Body {
		void write(Writer w) throws IOException;
	}

	private void write(Body body) throws IOException {
		if (out == null) {
			Writer w = spec.commandLine().getOut();
			body.write(w);
			w.flush();
			return;
		}
		try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
			body.write(w);
		}
	}

	static void writeSeries(Writer w, List<DetectionRow> rows) throws IOException {
		w.write(SERIES_HEADER + "\n");
		for (DetectionRow r : rows) {
			w.write(r.date() + "," + csvText(r.area()) + "," + r.count() + "," + number(r.baselineMean()) + ","
					+ number(r.baselineSd()) + "," + number(r.statistic()) + "," + r.alarm() + "\n");
		}
	}

	static void writeClusters(Writer w, List<ClusterRow> clusters) throws IOException {
		w.write(CLUSTER_HEADER + "\n");
		for (ClusterRow c : clusters) {
			w.write(c.rank() + "," + csvText(c.centre()) + "," + csvText(String.join(";", c.areas())) + ","
					+ number(c.centreLat()) + "," + number(c.centreLon()) + "," + number(c.radiusMetres()) + ","
					+ c.start() + "," + c.end() + "," + c.cases() + "," + number(c.expected()) + ","
					+ number(c.observedOverExpected()) + "," + number(c.llr()) + "," + number(c.pValue()) + "\n");
		}
	}

	/** Shortest exact decimal; empty for NaN, Inf/-Inf for infinities. */
	static String number(double d) {
		if (Double.isNaN(d)) {
			return "";
		}
		if (Double.isInfinite(d)) {
			return d > 0 ? "Inf" : "-Inf";
		}
		return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	static String csvText(String s) {
		if (s == null) {
			return "";
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
			return "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}
}
