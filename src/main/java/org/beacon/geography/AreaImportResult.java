package org.beacon.geography;

import java.util.List;

/**
 * What an area import did. {@code errors} names each rejected feature (file, index, code, rule); the rest
 * were imported.
 */
public record AreaImportResult(int read, int imported, int updated, int unchanged, List<String> errors) {

	public int rejected() {
		return errors.size();
	}
}
