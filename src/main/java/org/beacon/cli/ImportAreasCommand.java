package org.beacon.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.beacon.agency.Agencies;
import org.beacon.agency.Agency;
import org.beacon.geography.AreaImportOptions;
import org.beacon.geography.AreaImportResult;
import org.beacon.geography.AreaKind;
import org.beacon.geography.Geography;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code beacon import areas FILE_OR_FOLDER...}: imports GeoJSON areas, prints each rejected feature on
 * standard error and, last on standard output, {@code read=N imported=N updated=N unchanged=N rejected=N}.
 */
@Command(name = "areas", mixinStandardHelpOptions = true,
		description = { "Import areas (neighbourhoods, beats, districts) from GeoJSON FeatureCollections in WGS 84.",
				"A folder imports every .geojson and .json file in it. Areas are matched by code: new codes are "
						+ "imported, changed ones updated, identical ones left unchanged. Invalid features are "
						+ "reported on standard error and skipped; the rest are imported. The last line of standard "
						+ "output gives the counts." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every feature imported, updated or unchanged", "1:some features or files rejected",
				"2:bad arguments (no such file, unknown kind or agency)" })
class ImportAreasCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER", description = "GeoJSON FeatureCollection files or folders of them.")
	List<Path> paths;

	@Option(names = "--kind", defaultValue = "neighbourhood",
			description = "jurisdiction, district, beat or neighbourhood (default: ${DEFAULT-VALUE}).")
	String kind;

	@Option(names = "--id-property", defaultValue = "NHD_NUM",
			description = "Feature property holding the area's code (default: ${DEFAULT-VALUE}).")
	String idProperty;

	@Option(names = "--name-property", defaultValue = "NHD_NAME",
			description = "Feature property holding the area's name (default: ${DEFAULT-VALUE}).")
	String nameProperty;

	@Option(names = "--agency", paramLabel = "CODE", description = "Agency code (default: the configured default agency).")
	String agencyCode;

	@Spec
	CommandSpec spec;

	private final Geography geography;
	private final Agencies agencies;

	ImportAreasCommand(Geography geography, Agencies agencies) {
		this.geography = geography;
		this.agencies = agencies;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		AreaKind areaKind;
		Agency agency;
		try {
			areaKind = AreaKind.parse(kind);
			agency = agencyCode == null ? agencies.defaultAgency() : agencies.byCode(agencyCode)
					.orElseThrow(() -> new IllegalArgumentException("no agency with code '" + agencyCode + "'"));
			for (Path path : paths) {
				if (!Files.exists(path)) {
					throw new IllegalArgumentException("no such file or folder: " + path);
				}
			}
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.flush();
			return 2;
		}
		AreaImportOptions options = new AreaImportOptions(areaKind, idProperty, nameProperty);
		int read = 0, imported = 0, updated = 0, unchanged = 0, rejected = 0;
		for (Path path : paths) {
			AreaImportResult result = geography.importAreas(agency.id(), path, options);
			result.errors().forEach(err::println);
			read += result.read();
			imported += result.imported();
			updated += result.updated();
			unchanged += result.unchanged();
			rejected += result.rejected();
		}
		err.flush();
		out.printf("read=%d imported=%d updated=%d unchanged=%d rejected=%d%n", read, imported, updated, unchanged,
				rejected);
		out.flush();
		return rejected == 0 ? 0 : 1;
	}
}
