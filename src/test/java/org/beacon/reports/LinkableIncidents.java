package org.beacon.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.beacon.incidents.ImportProgress;
import org.beacon.incidents.IncidentImports;
import org.beacon.shared.AgencyId;

/** Incidents staff can link reports and tips to: larcenies from auto of yesterday, through the generic profile. */
final class LinkableIncidents {

	private LinkableIncidents() {
	}

	/** Imports one incident per row {@code {id, lat, lon, address}} into {@code agency}, by way of a CSV in {@code dir}. */
	static void importYesterday(IncidentImports imports, AgencyId agency, Path dir, String[]... rows) {
		String yesterday = LocalDateTime.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		StringBuilder csv = new StringBuilder("id,occurred,lat,lon,offense,address\n");
		for (String[] row : rows) {
			csv.append(String.join(",", row[0], yesterday, row[1], row[2], "LARCENY FROM AUTO", row[3])).append('\n');
		}
		try {
			Path file = Files.writeString(dir.resolve("incidents.csv"), csv);
			imports.importFile(agency, file, "generic", Map.of("id", "id", "time", "occurred", "lat", "lat", "lon", "lon",
					"type", "offense", "address", "address"), ImportProgress.NONE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
