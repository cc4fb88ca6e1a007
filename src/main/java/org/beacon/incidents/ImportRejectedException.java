package org.beacon.incidents;

import java.util.List;

/** A file that cannot be imported at all, e.g. a required column is missing; nothing was written. */
public class ImportRejectedException extends RuntimeException {

	private final List<String> missingColumns;
	private final List<String> foundColumns;

	public ImportRejectedException(String message) {
		this(message, List.of(), List.of());
	}

	/**
	 * @param missingColumns the required columns not found, each as the profile names it
	 * @param foundColumns the header the file has
	 */
	public ImportRejectedException(String message, List<String> missingColumns, List<String> foundColumns) {
		super(message);
		this.missingColumns = List.copyOf(missingColumns);
		this.foundColumns = List.copyOf(foundColumns);
	}

	/** The required columns that were not found (empty when the file was rejected for another reason). */
	public List<String> missingColumns() {
		return missingColumns;
	}

	/** The columns the file has (empty when the file was rejected before its header was read). */
	public List<String> foundColumns() {
		return foundColumns;
	}
}
