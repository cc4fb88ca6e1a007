package org.beacon.geography;

import java.io.Serializable;
import java.util.List;

/**
 * What an area import did. {@code errors} names each rejected feature (file, index, code, rule); the rest
 * were imported.
 */
public record AreaImportResult(int read, int imported, int updated, int unchanged, List<String> errors)
		implements Serializable {

	private static final long serialVersionUID = 1L;

	public int rejected() {
		return errors.size();
	}
}
