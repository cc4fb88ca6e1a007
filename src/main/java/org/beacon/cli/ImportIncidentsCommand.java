package org.beacon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.incidents.ImportRejectedException;
import org.beacon.incidents.ImportResult;
import org.beacon.incidents.ImportResult.RowError;
import org.beacon.incidents.IncidentImports;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code beacon import incidents FILE... --profile NAME}: imports incident CSV files with a progress bar,
 * prints the first rejected rows and, last, {@code read=.. imported=.. updated=.. unchanged=.. rejected=..
 * reversed=..}. Exit code 0 when the files were imported (rows may have been rejected), 2 when a file was
 * rejected as a whole (its message names the missing columns), 1 on any other failure.
 */
@Command(name = "incidents", mixinStandardHelpOptions = true,
		description = "Import incident CSV files (plain or .gz) through a profile.",
		footer = { "", "Examples:",
				"  beacon import incidents stl_crime_2008_2020_harmonized.csv.gz --profile stl-slmpd",
				"  beacon import incidents calls.csv --profile generic --columns time=Date,lat=Lat,lon=Lon,type=Offense,id=CaseNo" })
class ImportIncidentsCommand implements Callable<Integer> {

	private static final int ERRORS_SHOWN = 10;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files, plain or gzip")
	List<Path> files;

	@Option(names = "--profile", required = true, paramLabel = "NAME",
			description = "stl-slmpd, generic, a profile in ./profiles (beacon.import.profiles-dir) or a .yaml file")
	String profile;

	@Option(names = "--columns", paramLabel = "KEY=COLUMN,...",
			description = "for generic: time=..,lat=..,lon=..,type=..,id=.. (also area, address, reported, description, category, source)")
	String columns;

	@Option(names = "--agency", paramLabel = "CODE", description = "the agency's code (default: the configured agency)")
	String agency;

	@Option(names = "--errors", paramLabel = "FILE",
			description = "where to write the full error report (default: import-errors-<timestamp>.csv, only when rows were rejected)")
	Path errors;

	@Spec
	CommandSpec spec;

	private final IncidentImports imports;
	private final Agencies agencies;

	ImportIncidentsCommand(IncidentImports imports, Agencies agencies) {
		this.imports = imports;
		this.agencies = agencies;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Agency owner = agency == null ? agencies.defaultAgency() : agencies.byCode(agency).orElse(null);
		if (owner == null) {
			err.println("no agency with code '" + agency + "'");
			return 2;
		}
		List<ImportResult> results = new ArrayList<>();
		try {
			Map<String, String> mapping = IncidentImports.parseColumns(columns);
			for (Path file : files) {
				ImportResult result = importOne(owner, file, mapping);
				results.add(result);
				showErrors(result, err);
			}
		}
		catch (ImportRejectedException e) {
			err.println(e.getMessage());
			return 2;
		}
		writeErrorReport(results, out);
		ImportResult total = total(results);
		out.println(total.summary());
		out.flush();
		return 0;
	}

	private ImportResult importOne(Agency owner, Path file, Map<String, String> mapping) {
		long size = file.toFile().length();
		long started = System.nanoTime();
		String name = file.getFileName().toString();
		spec.commandLine().getErr().println("importing " + file);
		try (ProgressBar bar = new ProgressBarBuilder().setTaskName(name.length() <= 16 ? name : name.substring(0, 15) + "…")
				.setInitialMax(Math.max(size, 1)).setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.ASCII)
				.setUpdateIntervalMillis(500).build()) {
			ImportResult result = imports.importFile(owner.id(), file, profile, mapping, (bytes, total, rows) -> {
				bar.stepTo(bytes);
				double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
				bar.setExtraMessage(" %,d rows %,.0f/s".formatted(rows, rows / seconds));
			});
			bar.stepTo(Math.max(size, 1));
			return result;
		}
	}

	private static void showErrors(ImportResult result, PrintWriter err) {
		result.errors().stream().limit(ERRORS_SHOWN).forEach(err::println);
		if (result.rejected() > ERRORS_SHOWN) {
			err.println("... and " + (result.rejected() - ERRORS_SHOWN) + " more rejected rows");
		}
	}

	/** All runs' rejected rows into one CSV: to --errors, or a timestamped file when there are any. */
	private void writeErrorReport(List<ImportResult> results, PrintWriter out) {
		boolean anyRejected = results.stream().anyMatch(r -> r.rejected() > 0);
		if (!anyRejected && errors == null) {
			return;
		}
		Path report = errors != null ? errors : Path.of("import-errors-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
		try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
			writer.write(RowError.CSV_HEADER + "\n");
			for (ImportResult result : results) {
				imports.errorReport(result.runId(), error -> {
					try {
						writer.write(error.csv() + "\n");
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the error report " + report, e);
		}
		out.println("error report: " + report.toAbsolutePath());
	}

	private static ImportResult total(List<ImportResult> results) {
		if (results.size() == 1) {
			return results.get(0);
		}
		return new ImportResult(results.stream().mapToLong(ImportResult::read).sum(),
				results.stream().mapToLong(ImportResult::imported).sum(),
				results.stream().mapToLong(ImportResult::updated).sum(),
				results.stream().mapToLong(ImportResult::unchanged).sum(),
				results.stream().mapToLong(ImportResult::rejected).sum(),
				results.stream().mapToLong(ImportResult::reversed).sum(), List.of());
	}
}
