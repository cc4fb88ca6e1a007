package org.beacon.incidents;

import java.io.InputStream;
import java.nio.file.Path;
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

	/** Streams every rejected row of an import run ({@link ImportResult#runId()}) in line order. */
	void errorReport(long runId, Consumer<ImportResult.RowError> consumer);
}
