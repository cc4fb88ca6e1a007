package org.beacon.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.overdose.ImportProblem;
import org.beacon.overdose.ImportProfile;
import org.beacon.overdose.OverdoseDetection;
import org.beacon.overdose.OverdoseEvents;
import org.beacon.overdose.OverdoseImportResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code beacon overdose import FILE --profile pa-odin|tempe|ct-deaths}: stores the file's events, prints each
 * rejected row on standard error, runs detection over the imported days and prints, last on standard output,
 * {@code read=N imported=N unchanged=N rejected=N}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Import overdose events from a CSV file with a profile.",
				"Rows already imported (same source id) are left unchanged, so a file can be imported again. Bad rows "
						+ "are reported on standard error with line, column, value and rule, and left out; the rest are "
						+ "stored. Detection then runs over the imported days. The last line of standard output gives "
						+ "the counts." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every row imported or already there", "1:some rows rejected",
				"2:bad arguments (no such file, unknown profile or agency, missing columns)" })
class OverdoseImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
	Path file;

	@Option(names = "--profile", required = true, paramLabel = "PROFILE",
			description = "pa-odin (PA State Police ODIN), tempe (Tempe EMS opioid calls) or ct-deaths (CT medical "
					+ "examiner accidental drug deaths).")
	String profile;

	@Option(names = "--agency", paramLabel = "CODE", description = "Agency code (default: the configured default agency).")
	String agencyCode;

	@Option(names = "--no-detect", description = "Do not run detection after the import.")
	boolean noDetect;

	@Spec
	CommandSpec spec;

	private final OverdoseEvents events;
	private final OverdoseDetection detection;
	private final Agencies agencies;

	OverdoseImportCommand(OverdoseEvents events, OverdoseDetection detection, Agencies agencies) {
		this.events = events;
		this.detection = detection;
		this.agencies = agencies;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		OverdoseImportResult result;
		Agency agency;
		try {
			ImportProfile importProfile = ImportProfile.parse(profile);
			agency = OverdoseDetectCommand.agency(agencies, agencyCode);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("no such file: " + file);
			}
			result = events.importFile(agency.id(), file, importProfile, "cli:" + System.getProperty("user.name", "unknown"));
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.flush();
			return 2;
		}
		for (ImportProblem problem : result.problems()) {
			err.println(file.getFileName() + ": " + problem);
		}
		err.flush();
		if (!noDetect && result.imported() > 0) {
			int alarms = detection.detectAndStore(agency.id(), result.first(), result.last());
			out.printf("detection over %s .. %s: %d new alarm(s)%n", result.first(), result.last(), alarms);
		}
		out.printf("read=%d imported=%d unchanged=%d rejected=%d%n", result.read(), result.imported(), result.unchanged(),
				result.rejected());
		out.flush();
		return result.rejected() == 0 ? 0 : 1;
	}
}
