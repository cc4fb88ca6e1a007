package org.beacon.geography;

import java.util.List;

/**
 * What a demographics import did. It is all or nothing: with any error (each naming line, column and rule)
 * nothing was imported.
 *
 * @param read data rows read
 * @param imported areas whose figures were stored (replacing earlier ones)
 * @param figures the columns stored per area, population first
 * @param errors what was wrong, one line each; empty when the file was imported
 */
public record DemographicsImportResult(int read, int imported, List<String> figures, List<String> errors) {

	public boolean rejected() {
		return !errors.isEmpty();
	}
}
