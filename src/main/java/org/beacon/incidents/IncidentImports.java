package org.beacon.incidents;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.beacon.shared.AgencyId;

/** Imports incident CSV files through a named profile ({@code stl-slmpd}, a YAML profile, or {@code generic}). */
public interface IncidentImports {

	/**
	 * Imports a file (plain or {@code .gz}). {@code columns} configures the {@code generic} profile
	 * ({@code time=..,lat=..,lon=..,type=..,id=..}) and is empty otherwise.
	 *
	 * @throws ImportRejectedException when the file cannot be imported at all (unknown profile, a required
	 *         column missing); nothing was written then
	 */
	ImportResult importFile(AgencyId agency, Path file, String profile, Map<String, String> columns,
			ImportProgress progress);

	/**
	 * The same from a stream, e.g. an upload; {@code sourceName} identifies it in errors and in the import log
	 * (records are stored under the profile's source, e.g. {@code slmpd}).
	 */
	ImportResult importStream(AgencyId agency, InputStream in, String sourceName, long totalBytes, String profile,
			Map<String, String> columns, ImportProgress progress);

	/**
	 * Streams every rejected row of an import run ({@link ImportResult#runId()}) in line order. The default
	 * is for stand-ins that keep no report.
	 */
	default void errorReport(long runId, Consumer<ImportResult.RowError> consumer) {
		throw new UnsupportedOperationException("this IncidentImports keeps no error reports");
	}

	/**
	 * The same for a run of {@code agency} only: a run of another agency is reported as unknown.
	 *
	 * @throws IllegalArgumentException when {@code agency} has no run {@code runId}
	 */
	default void errorReport(AgencyId agency, long runId, Consumer<ImportResult.RowError> consumer) {
		throw new UnsupportedOperationException("this IncidentImports keeps no error reports");
	}

	/**
	 * Reads the {@code --columns} form {@code time=DateOccur,lat=Latitude,type=Offense} (keys and column
	 * names trimmed; a column name may not contain {@code ,} or {@code =}).
	 *
	 * @throws ImportRejectedException naming the part that is not {@code key=column}
	 */
	static Map<String, String> parseColumns(String spec) {
		Map<String, String> columns = new LinkedHashMap<>();
		if (spec == null || spec.isBlank()) {
			return columns;
		}
		for (String part : spec.split(",")) {
			int eq = part.indexOf('=');
			if (eq <= 0 || eq == part.length() - 1 || part.indexOf('=', eq + 1) >= 0) {
				throw new ImportRejectedException("columns: '" + part.trim() + "' is not key=column (e.g. time=DateOccur)");
			}
			columns.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
		}
		return columns;
	}
}
