package org.beacon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Demographics;
import org.beacon.geography.DemographicsImportOptions;
import org.beacon.geography.DemographicsImportResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code beacon import demographics FILE}: imports the population (and further figures) of imported areas
 * from CSV, all or nothing; prints each error on standard error and, last on standard output,
 * {@code read=N imported=N figures=population,...} or {@code read=N imported=0 errors=N}.
 */
@Command(name = "demographics", mixinStandardHelpOptions = true,
		description = { "Import area demographics from CSV: a header, then one row per area with its code (column "
				+ "code) or name (name, neighbourhood or neighborhood), its population (a whole number) and any "
				+ "further numeric columns (shares, incomes; empty cells are skipped).",
				"The areas must be imported first. The file is checked in full before anything is stored: with any "
						+ "error (each names line, column and rule) nothing is imported. A good file replaces the "
						+ "figures of the areas it names." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:imported", "1:the file has errors; nothing imported",
				"2:bad arguments (no such file, unknown kind or agency)" })
class ImportDemographicsCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "CSV file, UTF-8.")
	Path file;

	@Option(names = "--kind", defaultValue = "neighbourhood",
			description = "Kind of the areas in the file: jurisdiction, district, beat or neighbourhood (default: ${DEFAULT-VALUE}).")
	String kind;

	@Option(names = "--code-column", paramLabel = "NAME", description = "Column with the area code (default: code, area or area_code).")
	String codeColumn;

	@Option(names = "--name-column", paramLabel = "NAME",
			description = "Column with the area name, matched without case when there is no code column (default: name, neighbourhood or neighborhood).")
	String nameColumn;

	@Option(names = "--population-column", paramLabel = "NAME", description = "Column with the population (default: population).")
	String populationColumn;

	@Option(names = "--agency", paramLabel = "CODE", description = "Agency code (default: the configured default agency).")
	String agencyCode;

	@Spec
	CommandSpec spec;

	private final Demographics demographics;
	private final Agencies agencies;

	ImportDemographicsCommand(Demographics demographics, Agencies agencies) {
		this.demographics = demographics;
		this.agencies = agencies;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		DemographicsImportOptions options;
		Agency agency;
		try {
			options = new DemographicsImportOptions(AreaKind.parse(kind), codeColumn, nameColumn, populationColumn);
			agency = agencyCode == null ? agencies.defaultAgency() : agencies.byCode(agencyCode)
					.orElseThrow(() -> new IllegalArgumentException("no agency with code '" + agencyCode + "'"));
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("no such file: " + file);
			}
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.flush();
			return 2;
		}
		DemographicsImportResult result;
		try (InputStream in = Files.newInputStream(file)) {
			result = demographics.importCsv(agency.id(), in, file.getFileName().toString(), options);
		}
		result.errors().forEach(err::println);
		err.flush();
		if (result.rejected()) {
			out.printf("read=%d imported=0 errors=%d%n", result.read(), result.errors().size());
		}
		else {
			out.printf("read=%d imported=%d figures=%s%n", result.read(), result.imported(),
					String.join(",", result.figures()));
		}
		out.flush();
		return result.rejected() ? 1 : 0;
	}
}
